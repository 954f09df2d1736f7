#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The same mistake gives the same error id, category and target in every command (issue 13): a wrong token, a
# missing namespace, a bad name, an untrusted or misnamed server certificate. The classification itself is tested
# table-driven in ClientErrorIdTests; about_PSKube lists every id.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
    $config = Get-Content $cluster.KubeConfig -Raw

    # The token context with a token the server does not know.
    $wrongToken = Join-Path $cluster.Folder 'wrong-token'
    ($config -replace 'token: .*', 'token: not-the-token' -replace 'current-context: .*', 'current-context: fake-token') | Set-Content $wrongToken

    # A CA that did not sign the fake's certificate.
    $key = [System.Security.Cryptography.ECDsa]::Create()
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=not-the-cluster-ca', $key, 'SHA256')
    $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension]::new($true, $false, 0, $true))
    $strangerCa = $request.CreateSelfSigned([DateTimeOffset]::Now.AddDays(-1), [DateTimeOffset]::Now.AddDays(1))
    $strangerPem = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes($strangerCa.ExportCertificatePem()))
    $untrusted = Join-Path $cluster.Folder 'untrusted'
    ($config -replace 'certificate-authority-data: .*', "certificate-authority-data: $strangerPem") | Set-Content $untrusted

    # The fake's certificate names localhost, 127.0.0.1 and ::1: a tls-server-name it does not name.
    $misnamed = Join-Path $cluster.Folder 'misnamed'
    ($config -replace '(\n *)(certificate-authority-data: .*)', '$1$2$1tls-server-name: other.example') | Set-Content $misnamed
    $server = ([uri]((Select-String -Path $cluster.KubeConfig -Pattern 'server: (.*)').Matches[0].Groups[1].Value)).GetLeftPart('Authority')

    # The one error a command wrote (non-terminating) or threw (terminating), and which of the two it was.
    function Get-Failure([scriptblock] $Command) {
        $ErrorActionPreference = 'Continue'
        try { $written = @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) }
        catch { return [pscustomobject]@{ Record = $_; Terminating = $true } }
        [pscustomobject]@{ Record = $written[0]; Terminating = $false }
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'A wrong token' {
    It 'is Unauthorized, non-terminating, in <Command>' -ForEach @(
        @{ Command = 'Get-KubePod'; Target = 'pods'; Run = { Get-KubePod -KubeConfig $wrongToken } }
        @{ Command = 'Get-KubePod NAME'; Target = 'web'; Run = { Get-KubePod web -KubeConfig $wrongToken } }
        @{ Command = 'Get-KubeResource'; Target = 'pods'; Run = { Get-KubeResource pods -KubeConfig $wrongToken } }
        @{ Command = 'Remove-KubePod'; Target = 'web'; Run = { Remove-KubePod web -Confirm:$false -KubeConfig $wrongToken } }
        @{ Command = 'Remove-KubePod -All'; Target = 'pods'; Run = { Remove-KubePod -All -Force -KubeConfig $wrongToken } }
        @{ Command = 'New-KubePod'; Target = 'web'; Run = { New-KubePod web -Image nginx -KubeConfig $wrongToken } }
        @{ Command = 'Wait-KubePod'; Target = 'web'; Run = { Wait-KubePod web -Timeout 5 -KubeConfig $wrongToken } }
    ) {
        $failure = Get-Failure $Run
        $failure.Terminating | Should -BeFalse
        $failure.Record.FullyQualifiedErrorId | Should -BeLike 'Unauthorized,*'
        $failure.Record.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Record.TargetObject | Should -Be $Target
        "$($failure.Record)" | Should -Not -BeLike '*not-the-token*'
        $failure.Record.ErrorDetails.Message | Should -BeLike 'You must be logged in to the server (Unauthorized)*'
        $failure.Record.ErrorDetails.RecommendedAction | Should -BeLike '*credentials*'
    }

    It 'is hidden by -ErrorAction Ignore, a list failure included' {
        $output = & { Get-KubePod -KubeConfig $wrongToken -ErrorAction Ignore; 'went on' } 2>&1
        $output | Should -Be 'went on'
    }
}

Describe 'A namespace that does not exist' {
    It 'is NamespaceNotFound, with the object as target, in <Command>' -ForEach @(
        @{ Command = 'New-KubePod'; Run = { New-KubePod web -Image nginx -Namespace no-such-ns } }
        @{ Command = 'New-KubeDeployment'; Run = { New-KubeDeployment web -Image nginx -Namespace no-such-ns } }
        @{ Command = 'New-KubeJob'; Run = { New-KubeJob web -Image alpine -Namespace no-such-ns } }
    ) {
        $failure = Get-Failure $Run
        $failure.Terminating | Should -BeFalse
        $failure.Record.FullyQualifiedErrorId | Should -BeLike 'NamespaceNotFound,*'
        $failure.Record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.Record.TargetObject | Should -Be 'web'
        "$($failure.Record)" | Should -Be 'namespaces "no-such-ns" not found'
        $failure.Record.ErrorDetails.RecommendedAction | Should -BeLike '*New-KubeNamespace no-such-ns*'
    }

    It 'is still KINDNotFound for a missing object' {
        (Get-Failure { Get-KubePod no-such-pod }).Record.FullyQualifiedErrorId | Should -BeLike 'PodNotFound,*'
        (Get-Failure { Get-KubeNamespace no-such-ns }).Record.FullyQualifiedErrorId | Should -BeLike 'NamespaceNotFound,*'
    }
}

Describe 'A name no object can have' {
    It 'is InvalidName before any request, one error per name, in <Command>' -ForEach @(
        @{ Command = 'Get-KubePod'; Kind = 'pod'; Run = { Get-KubePod Bad_Name } }
        @{ Command = 'Get-KubeResource'; Kind = 'pod'; Run = { Get-KubeResource pods Bad_Name } }
        @{ Command = 'Remove-KubePod'; Kind = 'pod'; Run = { Remove-KubePod Bad_Name -Confirm:$false } }
        @{ Command = 'Remove-KubeResource'; Kind = 'deployment'; Run = { Remove-KubeResource deploy/Bad_Name -Confirm:$false } }
        @{ Command = 'Set-KubeReplicas'; Kind = 'deployment'; Run = { Set-KubeReplicas 2 -Name Bad_Name } }
        @{ Command = 'New-KubeNamespace'; Kind = 'namespace'; Run = { New-KubeNamespace Bad_Name } }
        @{ Command = 'Remove-KubeNamespace'; Kind = 'namespace'; Run = { Remove-KubeNamespace Bad_Name -Force } }
        @{ Command = 'Wait-KubePod'; Kind = 'pod'; Run = { Wait-KubePod Bad_Name } }
        @{ Command = 'New-KubePod'; Kind = 'pod'; Run = { New-KubePod Bad_Name -Image nginx } }
    ) {
        $failure = Get-Failure $Run
        $failure.Terminating | Should -BeFalse
        $failure.Record.FullyQualifiedErrorId | Should -BeLike 'InvalidName,*'
        $failure.Record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        "$($failure.Record)" | Should -BeLike "*not a valid $Kind name*"
    }

    It 'names the bad name as the target and still does the good ones' {
        New-KubeNamespace good-name | Out-Null
        $found = Get-KubeNamespace Bad_Name, good-name -ErrorAction SilentlyContinue -ErrorVariable failures
        $found.Name | Should -Be 'good-name'
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'Bad_Name'
        Remove-KubeNamespace good-name -Force
    }
}

Describe 'A server certificate that cannot be trusted' {
    It 'stops <Command> as <Id>, naming the server in kubectl''s words' -ForEach @(
        @{ Command = 'Get-KubePod'; Id = 'TlsUntrusted'; Config = 'untrusted'; Run = { param($KubeConfig) Get-KubePod -KubeConfig $KubeConfig } }
        @{ Command = 'Remove-KubePod'; Id = 'TlsUntrusted'; Config = 'untrusted'; Run = { param($KubeConfig) Remove-KubePod web -Force -KubeConfig $KubeConfig } }
        @{ Command = 'New-KubePod'; Id = 'TlsUntrusted'; Config = 'untrusted'; Run = { param($KubeConfig) New-KubePod web -Image nginx -KubeConfig $KubeConfig } }
        @{ Command = 'Get-KubePod'; Id = 'TlsNameMismatch'; Config = 'misnamed'; Run = { param($KubeConfig) Get-KubePod -KubeConfig $KubeConfig } }
        @{ Command = 'Get-KubeResource'; Id = 'TlsNameMismatch'; Config = 'misnamed'; Run = { param($KubeConfig) Get-KubeResource pods -KubeConfig $KubeConfig } }
        @{ Command = 'Wait-KubePod'; Id = 'TlsNameMismatch'; Config = 'misnamed'; Run = { param($KubeConfig) Wait-KubePod web -KubeConfig $KubeConfig } }
    ) {
        $path = Join-Path $cluster.Folder $Config
        $failure = $null
        try { & $Run $path -ErrorAction Ignore } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because 'a server that cannot be trusted stops the command, whatever -ErrorAction says'
        $failure.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $failure.CategoryInfo.Category | Should -Be 'SecurityError'
        $expected = if ($Id -eq 'TlsUntrusted') { 'x509: certificate signed by unknown authority' } else { 'x509: certificate is valid for localhost, not other.example' }
        "$failure" | Should -BeLike "Unable to connect to the server ${server}: tls: failed to verify certificate: $expected*"
        "$failure" | Should -BeLike '*(context "fake")'
    }

    It 'trusts every name the certificate has: 127.0.0.1 and localhost' {
        $byName = Join-Path $cluster.Folder 'by-name'
        ($config -replace 'server: https://127\.0\.0\.1:', 'server: https://localhost:') | Set-Content $byName
        (Get-KubeNamespace default -KubeConfig $byName).Name | Should -Be 'default'
        (Get-KubeNamespace default).Name | Should -Be 'default'
    }

    It 'says what kubectl says' {
        kubectl --kubeconfig $untrusted get pods 2>&1 | Out-String | Should -BeLike '*x509: certificate signed by unknown authority*'
        kubectl --kubeconfig $misnamed get pods 2>&1 | Out-String | Should -BeLike '*x509: certificate is valid for localhost, not other.example*'
    }
}

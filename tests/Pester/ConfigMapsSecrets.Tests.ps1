#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# New-/Get-/Remove-KubeConfigMap and -KubeSecret as users type them, against a fake cluster started for this suite;
# secret values must never show in views, -Verbose, errors or -WhatIf.
BeforeDiscovery {
    $kubectl = Get-Command kubectl -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
    # A kubeconfig that does not exist: a command that got as far as a request would fail with KubeConfigUnusable.
    $nowhere = Join-Path $cluster.Folder 'missing-config'
    $kubectl = Get-Command kubectl -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    $sources = Join-Path $cluster.Folder 'sources'
    New-Item -ItemType Directory -Path (Join-Path $sources 'conf.d') | Out-Null
    Set-Content -Path (Join-Path $sources 'conf.d/app.properties') -Value "mode=fast`nsize=3" -NoNewline
    Set-Content -Path (Join-Path $sources 'conf.d/motd.txt') -Value 'hello' -NoNewline
    [System.IO.File]::WriteAllBytes((Join-Path $sources 'logo.bin'), [byte[]](0x89, 0x50, 0xFF, 0xFE, 0x00))
    Set-Content -Path (Join-Path $sources 'app.env') -Value "# settings`nLOG_LEVEL=debug`n`nGREETING=hello world" -NoNewline

    # Everything a command writes, host output (-WhatIf) and all an error record holds included, as one text.
    function Get-AllOutput([scriptblock] $Command) {
        $transcript = Join-Path $cluster.Folder ('transcript-' + [guid]::NewGuid() + '.txt')
        Start-Transcript -Path $transcript | Out-Null
        try {
            $records = & $Command *>&1
        }
        finally {
            Stop-Transcript | Out-Null
        }
        # One Out-String for everything: Format-List output is a sequence of records that must stay together.
        $errors = $records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } |
            ForEach-Object { $_.FullyQualifiedErrorId; $_.Exception.ToString(); $_ | Format-List * -Force | Out-String }
        ($records | Out-String) + ($errors | Out-String) + (Get-Content -Raw $transcript)
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'New-KubeConfigMap' {
    It 'creates a config map from literals, shown as kubectl get configmaps' {
        $created = New-KubeConfigMap app-settings -FromLiteral mode=fast, 'greeting=hello=world'
        $created.Data['greeting'] | Should -Be 'hello=world'
        (Get-KubeConfigMap app-settings).Data['mode'] | Should -Be 'fast'
        $table = Get-KubeConfigMap app-settings | Format-Table | Out-String
        $table | Should -Match 'NAME\s+DATA\s+AGE'
        $table | Should -Match 'app-settings\s+2\s+'
    }

    It 'reads files, a directory and env files relative to the current location' {
        Push-Location $sources
        try {
            $files = New-KubeConfigMap files -FromFile conf.d, logo=logo.bin, renamed.txt=conf.d/motd.txt -DryRun -KubeConfig $nowhere
            $env = New-KubeConfigMap env -FromEnvFile app.env -DryRun -KubeConfig $nowhere
        }
        finally {
            Pop-Location
        }
        @($files.Data.Keys | Sort-Object) | Should -Be @('app.properties', 'motd.txt', 'renamed.txt')
        $files.BinaryData['logo'] | Should -Be ([Convert]::ToBase64String([byte[]](0x89, 0x50, 0xFF, 0xFE, 0x00)))
        $env.Data['GREETING'] | Should -Be 'hello world'
        $env.Data.Count | Should -Be 2
    }

    It 'appends the hash kubectl appends' -Skip:(-not $kubectl) {
        $ours = New-KubeConfigMap hashed -FromEnvFile (Join-Path $sources 'app.env') -FromLiteral @() -AppendHash -DryRun -KubeConfig $nowhere
        $theirs = & $kubectl create configmap hashed --from-env-file (Join-Path $sources 'app.env') --append-hash --dry-run=client -o json | ConvertFrom-Json
        $ours.Name | Should -Be $theirs.metadata.name
        $ours.Name | Should -Match '^hashed-[a-z0-9]{10}$'
    }

    It 'refuses a bad or repeated key before any request, naming the parameter' {
        New-KubeConfigMap bad -FromLiteral 'bad key=1' -KubeConfig $nowhere -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidFromLiteral,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        New-KubeConfigMap bad -FromFile (Join-Path $sources 'conf.d'), "motd.txt=$(Join-Path $sources 'app.env')" -KubeConfig $nowhere -ErrorVariable repeated -ErrorAction SilentlyContinue
        $repeated[0].FullyQualifiedErrorId | Should -BeLike 'InvalidFromFile,*'
        $repeated[0].Exception.Message | Should -BeLike "*'motd.txt'*more than once*"
        New-KubeConfigMap bad -FromEnvFile (Join-Path $sources 'app.env') -FromLiteral a=1 -KubeConfig $nowhere -ErrorVariable mixed -ErrorAction SilentlyContinue
        $mixed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidFromEnvFile,*'
    }

    It 'asks the server for a dry run with -WhatIf and creates nothing' {
        New-KubeConfigMap whatif -FromLiteral a=1 -WhatIf
        Get-KubeConfigMap whatif -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ConfigMapNotFound,*'
    }

    It 'removes config maps by name and wildcard' {
        New-KubeConfigMap gone-1 -FromLiteral a=1 | Out-Null
        New-KubeConfigMap gone-2 -FromLiteral a=1 | Out-Null
        Remove-KubeConfigMap gone-* -Confirm:$false
        Get-KubeConfigMap gone-* | Should -BeNullOrEmpty
    }
}

Describe 'New-KubeSecret and Get-KubeSecret' {
    It 'creates a generic secret from literals and reads values back on request' {
        New-KubeSecret db -FromLiteral user=admin, password=Sup3rS3cret | Out-Null
        (Get-KubeSecret db -AsPlainText).Data.password | Should -Be 'Sup3rS3cret'
        Get-KubeSecret db -Key user -AsPlainText | Should -Be 'admin'
        $secure = Get-KubeSecret db -Key password
        $secure | Should -BeOfType [securestring]
        [pscredential]::new('x', $secure).GetNetworkCredential().Password | Should -Be 'Sup3rS3cret'
        $plain = Get-KubeSecret db
        $plain.Type | Should -Be 'Opaque'
        $plain.Data['password'] | Should -Be ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('Sup3rS3cret')))
    }

    It 'takes SecureString values in a -FromLiteral hashtable and -Type' {
        $secure = ConvertTo-SecureString 'T0ken-From-Vault' -AsPlainText -Force
        New-KubeSecret api -FromLiteral @{ username = 'robot'; password = $secure } -Type kubernetes.io/basic-auth | Out-Null
        $decoded = Get-KubeSecret api -AsPlainText
        $decoded.Type | Should -Be 'kubernetes.io/basic-auth'
        $decoded.Data.password | Should -Be 'T0ken-From-Vault'
        $decoded.Data.username | Should -Be 'robot'
    }

    It 'says which key is missing and which keys there are' {
        Get-KubeSecret db -Key pasword -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'SecretKeyNotFound,*'
        $failed[0].Exception.Message | Should -BeLike "*no key 'pasword'*password, user*"
        $failed[0].Exception.Message | Should -Not -BeLike '*Sup3rS3cret*'
    }

    It 'never shows a value in views, -Verbose, errors or -WhatIf' {
        $value = 'V4lue-That-Must-Not-Leak'
        $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($value))
        # Not -Debug: it makes PowerShell ask before each verbose line, which a non-interactive run refuses (for every
        # PSKube cmdlet); the module writes nothing to the debug stream, and the requests it traces are the verbose lines.
        $created = Get-AllOutput { New-KubeSecret leak -FromLiteral "password=$value" -Verbose }
        $read = Get-AllOutput { Get-KubeSecret leak -Verbose; Get-KubeSecret leak | Format-List; Get-KubeSecret leak | Format-Table; Get-KubeSecret leak -AsPlainText; Get-KubeSecret leak -AsPlainText | Format-List }
        $whatIf = Get-AllOutput { New-KubeSecret leak2 -FromLiteral "password=$value" -WhatIf -Verbose; Remove-KubeSecret leak -WhatIf -Verbose }
        $errors = Get-AllOutput {
            New-KubeSecret leak3 -FromLiteral $value -KubeConfig $nowhere
            New-KubeSecret leak3 -FromLiteral "password=$value", "password=$value" -KubeConfig $nowhere
            New-KubeSecret leak3 -FromLiteral "bad key=$value" -KubeConfig $nowhere
            New-KubeSecret leak -FromLiteral "password=$value"
            New-KubeSecret -DockerRegistry leak4 -DockerPassword $value -KubeConfig $nowhere
        }
        $created | Should -BeLike '*POST*secrets*'
        $read | Should -BeLike '*Opaque*'
        $read | Should -BeLike '*password*'
        $whatIf | Should -BeLike '*secret/leak2*'
        $errors | Should -BeLike '*InvalidFromLiteral*'
        $errors | Should -BeLike '*SecretAlreadyExists*'
        $errors | Should -BeLike '*InvalidDockerUsername*'
        foreach ($text in $created, $read, $whatIf, $errors) {
            $text | Should -Not -BeLike "*$value*"
            $text | Should -Not -BeLike "*$encoded*"
        }
    }

    It 'creates a TLS secret from a certificate and its key, and refuses a key of another certificate' {
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=web.example.com', $rsa, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $certificate = $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(30))
        Set-Content -Path (Join-Path $sources 'web.crt') -Value $certificate.ExportCertificatePem()
        Set-Content -Path (Join-Path $sources 'web.key') -Value $rsa.ExportPkcs8PrivateKeyPem()
        $other = [System.Security.Cryptography.RSA]::Create(2048)
        Set-Content -Path (Join-Path $sources 'other.key') -Value $other.ExportPkcs8PrivateKeyPem()

        $tls = New-KubeSecret -Tls web-tls -Certificate (Join-Path $sources 'web.crt') -Key (Join-Path $sources 'web.key')
        $tls.Type | Should -Be 'kubernetes.io/tls'
        @($tls.Data.Keys | Sort-Object) | Should -Be @('tls.crt', 'tls.key')
        (Get-KubeSecret web-tls | Format-Table | Out-String) | Should -Match 'web-tls\s+kubernetes.io/tls\s+2\s+'

        New-KubeSecret -Tls mismatched -Certificate (Join-Path $sources 'web.crt') -Key (Join-Path $sources 'other.key') -KubeConfig $nowhere -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidKey,*'
        $failed[0].Exception.Message | Should -Not -BeLike '*-----BEGIN*'
    }

    It 'creates a registry secret from a SecureString password as kubectl encodes it' {
        $password = ConvertTo-SecureString 'p@ss<word>' -AsPlainText -Force
        New-KubeSecret -DockerRegistry regcred -DockerServer registry.example.com -DockerUsername robot -DockerPassword $password -DockerEmail robot@example.com | Out-Null
        $config = (Get-KubeSecret regcred -Key .dockerconfigjson -AsPlainText) | ConvertFrom-Json
        $entry = $config.auths.'registry.example.com'
        $entry.username | Should -Be 'robot'
        $entry.password | Should -Be 'p@ss<word>'
        $entry.email | Should -Be 'robot@example.com'
        [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($entry.auth)) | Should -Be 'robot:p@ss<word>'
        (Get-KubeSecret regcred).Type | Should -Be 'kubernetes.io/dockerconfigjson'
    }

    It 'builds the same secrets as kubectl, the hash in the name too' -Skip:(-not $kubectl) {
        $ours = New-KubeSecret -DockerRegistry regcred -DockerUsername robot -DockerPassword 'pw&1' -AppendHash -DryRun -KubeConfig $nowhere
        $theirs = & $kubectl create secret docker-registry regcred --docker-username robot --docker-password 'pw&1' --append-hash --dry-run=client -o json | ConvertFrom-Json
        $ours.Name | Should -Be $theirs.metadata.name
        $ours.Data['.dockerconfigjson'] | Should -Be $theirs.data.'.dockerconfigjson'
        $generic = New-KubeSecret env -FromEnvFile (Join-Path $sources 'app.env') -AppendHash -DryRun -KubeConfig $nowhere
        $kubectlGeneric = & $kubectl create secret generic env --from-env-file (Join-Path $sources 'app.env') --append-hash --dry-run=client -o json | ConvertFrom-Json
        $generic.Name | Should -Be $kubectlGeneric.metadata.name
    }

    It 'reads secrets kubectl created' -Skip:(-not $kubectl) {
        & $kubectl --kubeconfig $cluster.KubeConfig create secret generic from-kubectl --from-literal=token=abc123 | Out-Null
        Get-KubeSecret from-kubectl -Key token -AsPlainText | Should -Be 'abc123'
    }

    It 'removes a secret, -WhatIf leaving it' {
        Remove-KubeSecret api -WhatIf
        Get-KubeSecret api | Should -Not -BeNullOrEmpty
        Remove-KubeSecret api
        Get-KubeSecret api -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

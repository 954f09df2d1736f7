#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Errors that say what to do, fast: an API server that is not there, a question no one can answer. Validation
# messages are in Generators.Tests.ps1.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '30')
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig

    # A kubeconfig whose server is a port nothing listens on (taken from a listener that is closed again).
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $closedPort = $listener.LocalEndpoint.Port
    $listener.Stop()
    $closed = Join-Path $cluster.Folder 'closed-config'
    @"
apiVersion: v1
kind: Config
clusters:
- name: gone
  cluster:
    server: https://127.0.0.1:$closedPort
    insecure-skip-tls-verify: true
contexts:
- name: gone-context
  context: { cluster: gone, user: someone }
current-context: gone-context
users:
- name: someone
  user: { token: not-a-secret }
"@ | Set-Content -Path $closed
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'An API server that is not there' {
    BeforeAll {
        # The first call of a session compiles the module's code paths, which alone can take seconds on a loaded
        # machine; the limit is about not waiting for the server, so the clock runs for a warm call.
        Get-KubeNamespace default | Out-Null
        try { Get-KubeNode -KubeConfig $closed } catch { $null = $_ }
    }

    It 'fails Get-KubePod within 2 s as KubeApiUnreachable, naming the server and the context' {
        $timer = [System.Diagnostics.Stopwatch]::StartNew()
        $failure = $null
        try { Get-KubePod -KubeConfig $closed } catch { $failure = $_ }
        $timer.Elapsed.TotalSeconds | Should -BeLessThan 2
        $failure.FullyQualifiedErrorId | Should -Be 'KubeApiUnreachable,PSKube.Commands.Pods.GetKubePodCommand'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        "$failure" | Should -Be "The connection to the server https://127.0.0.1:$closedPort was refused - did you specify the right host or port? (context `"gone-context`")"
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*-Context*'
        "$failure" | Should -Not -BeLike '*not-a-secret*'
    }

    It 'stops every kind of command the same way: <Command>' -ForEach @(
        @{ Command = 'Get-KubeVersion'; Run = { Get-KubeVersion -KubeConfig $closed } }
        @{ Command = 'New-KubeDeployment'; Run = { New-KubeDeployment web -Image nginx -KubeConfig $closed } }
        @{ Command = 'Remove-KubePod'; Run = { Remove-KubePod web -KubeConfig $closed -Confirm:$false } }
        @{ Command = 'Wait-KubeDeployment'; Run = { Wait-KubeDeployment web -KubeConfig $closed } }
        @{ Command = 'Receive-KubeLog'; Run = { Receive-KubeLog -Selector app=web -KubeConfig $closed } }
    ) {
        try { & $Run } catch { $null = $_ }
        $timer = [System.Diagnostics.Stopwatch]::StartNew()
        { & $Run } | Should -Throw -ErrorId "KubeApiUnreachable,*"
        $timer.Elapsed.TotalSeconds | Should -BeLessThan 2
    }
}

Describe 'A question in a PowerShell that cannot ask' {
    BeforeAll {
        kubectl --kubeconfig $cluster.KubeConfig run quiet-1 --image alpine -- sleep 1000 | Out-Null
        kubectl --kubeconfig $cluster.KubeConfig run quiet-2 --image alpine -- sleep 1000 | Out-Null
        # pwsh itself, also where it runs as a dotnet tool (dotnet pwsh.dll).
        $pwsh = [Environment]::ProcessPath
        $pwshArguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $module = Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1'
        # What a scheduled script sees: pwsh -NonInteractive, the same command as at the prompt.
        function Invoke-NonInteractive([string] $Command) {
            $script = "Import-Module '$module'; `$env:KUBECONFIG = '$($cluster.KubeConfig)'; try { $Command } catch { 'ID=' + `$_.FullyQualifiedErrorId; 'MESSAGE=' + `$_ }"
            & $pwsh @pwshArguments -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" }
        }
    }

    It 'says to add -Confirm:$false when removing many objects needs a confirmation' {
        $output = Invoke-NonInteractive 'Remove-KubePod quiet-*'
        $output | Should -Contain 'ID=ConfirmationNotPossible,PSKube.Commands.Pods.RemoveKubePodCommand'
        ($output | Where-Object { $_ -like 'MESSAGE=*' }) | Should -BeLike '*Add -Confirm:$false*'
        @(Get-KubePod quiet-*).Count | Should -Be 2
    }

    It 'says to add -Confirm:$false for Remove-KubeNamespace, and -Confirm:$false goes ahead' {
        New-KubeNamespace quiet-ns | Out-Null
        $output = Invoke-NonInteractive 'Remove-KubeNamespace quiet-ns'
        $output | Should -Contain 'ID=ConfirmationNotPossible,PSKube.Commands.Cluster.RemoveKubeNamespaceCommand'
        ($output | Where-Object { $_ -like 'MESSAGE=*' }) | Should -BeLike '*Add -Confirm:$false*'
        Invoke-NonInteractive 'Remove-KubeNamespace quiet-ns -Confirm:$false' | Should -BeNullOrEmpty
    }

    It 'removes many without asking with <Way>: <Command>' -ForEach @(
        @{ Way = '-Force'; Command = 'Remove-KubePod'; Run = 'Remove-KubePod ask-* -Force' }
        @{ Way = '-Force'; Command = 'Remove-KubeResource'; Run = 'Remove-KubeResource pods ask-* -Force' }
        @{ Way = '-Force'; Command = 'Remove-KubeNamespace'; Run = 'Remove-KubeNamespace ask-ns -Force' }
        @{ Way = "`$ConfirmPreference = 'None'"; Command = 'Remove-KubePod'; Run = "`$ConfirmPreference = 'None'; Remove-KubePod -All" }
        @{ Way = "`$ConfirmPreference = 'None'"; Command = 'Remove-KubeResource'; Run = "`$ConfirmPreference = 'None'; Remove-KubeResource pods -All" }
        @{ Way = "`$ConfirmPreference = 'None'"; Command = 'Remove-KubeNamespace'; Run = "`$ConfirmPreference = 'None'; Remove-KubeNamespace ask-ns" }
        @{ Way = '-Confirm:$false'; Command = 'Remove-KubeJob'; Run = 'Remove-KubeJob -All -Confirm:$false' }
        @{ Way = '-Confirm:$false'; Command = 'Remove-KubeResource'; Run = 'Remove-KubeResource namespace ask-ns -Confirm:$false' }
    ) {
        New-KubeNamespace ask-ns | Out-Null
        New-KubePod ask-1 -Image alpine -Namespace ask-ns | Out-Null
        New-KubePod ask-2 -Image alpine -Namespace ask-ns | Out-Null
        kubectl --kubeconfig $cluster.KubeConfig create job ask-job -n ask-ns --image alpine | Out-Null
        try {
            Invoke-NonInteractive "`$PSDefaultParameterValues['*-Kube*:Namespace'] = 'ask-ns'; $Run" | Should -BeNullOrEmpty
            if ($Run -like '*ask-ns*') {
                @(Get-KubeNamespace ask-ns -ErrorAction SilentlyContinue | Where-Object { $_.Status.Phase -ne 'Terminating' }).Count | Should -Be 0
            }
            elseif ($Command -eq 'Remove-KubeJob') { @(Get-KubeJob -Namespace ask-ns).Count | Should -Be 0 }
            else {
                # Only the two pods made here: the job's pod may be created after -All listed the namespace.
                @(Get-KubePod ask-1, ask-2 -Namespace ask-ns -ErrorAction SilentlyContinue | Where-Object { -not $_.Metadata.DeletionTimestamp }).Count | Should -Be 0
            }
        }
        finally {
            Remove-KubeNamespace ask-ns -Force -Wait -ErrorAction SilentlyContinue
        }
    }

    It 'still asks with -Force when -Confirm is given too, and -Force with -WhatIf only reports' {
        New-KubeNamespace asked-ns | Out-Null
        $output = Invoke-NonInteractive 'Remove-KubeNamespace asked-ns -Force -Confirm'
        $output | Should -Contain 'ID=ConfirmationNotPossible,PSKube.Commands.Cluster.RemoveKubeNamespaceCommand'
        ($output | Where-Object { $_ -like 'MESSAGE=*' }) | Should -BeLike '*Add -Confirm:$false (or -Force)*'
        Remove-KubeNamespace asked-ns -Force -WhatIf
        (Get-KubeNamespace asked-ns).Name | Should -Be 'asked-ns'
        Remove-KubeNamespace asked-ns -Force
    }

    It 'asks at the default $ConfirmPreference: <Run>' -ForEach @(
        @{ Run = 'Remove-KubePod quiet-* -GracePeriod 0' }
        @{ Run = 'Remove-KubeResource pods quiet-*' }
        @{ Run = "`$ConfirmPreference = 'Medium'; Remove-KubePod -All" }
    ) {
        $output = Invoke-NonInteractive $Run
        ($output -join "`n") | Should -BeLike "*ID=ConfirmationNotPossible,*"
        @(Get-KubePod quiet-*).Count | Should -Be 2
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Start-/Get-/Stop-KubePortForward as users type them, against a fake cluster whose kuard containers answer HTTP on
# 8080: forward, browse with Invoke-WebRequest, several connections at once, services and deployments, stop.
BeforeAll {
    $module = Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1'
    Import-Module $module -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '10')
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
    $kuard = 'gcr.io/kuar-demo/kuard-amd64:blue'

    New-KubePod kuard -Image $kuard | Out-Null
    Wait-KubePod kuard -Timeout 60 | Out-Null
    New-KubeDeployment web -Image $kuard -Replicas 2 | Out-Null
    Get-KubeDeployment web | Wait-KubeDeployment -Timeout 00:01:00 | Out-Null
    Get-KubeDeployment web | New-KubeService -Port 80 -TargetPort 8080 | Out-Null

    # Whether something listens on the local port.
    function Test-LocalPort([int] $Port) {
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect('127.0.0.1', $Port); $true } catch { $false } finally { $client.Dispose() }
    }
}

AfterAll {
    Stop-KubePortForward -All
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Start-KubePortForward to a pod' {
    It 'forwards a free local port to kuard, which Invoke-WebRequest reaches, until it is stopped' {
        $forward = Start-KubePortForward kuard :8080
        $forward.PSObject.TypeNames[0] | Should -Be 'PSKube.Client.PortForwarding.PortForward'
        $forward.LocalAddress | Should -Be '127.0.0.1'
        $forward.LocalPort | Should -BeGreaterThan 0
        $forward.RemotePort | Should -Be 8080
        $forward.Pod | Should -Be 'kuard'
        $forward.State | Should -Be 'Running'

        $page = Invoke-WebRequest "http://127.0.0.1:$($forward.LocalPort)/"
        $page.StatusCode | Should -Be 200
        $page.Content | Should -BeLike '*Served from kuard*'
        (Get-KubePortForward).Id | Should -Contain $forward.Id

        $forward | Stop-KubePortForward
        Test-LocalPort $forward.LocalPort | Should -BeFalse
        (Get-KubePortForward).Id | Should -Not -Contain $forward.Id
    }

    It 'serves several connections at once' {
        $forward = Start-KubePortForward -Name kuard -Port :8080
        $port = $forward.LocalPort
        $answers = 1..6 | ForEach-Object -ThrottleLimit 6 -Parallel {
            (Invoke-WebRequest "http://127.0.0.1:$using:port/ready" -DisableKeepAlive).Content
        }
        $answers | Should -HaveCount 6
        $answers | ForEach-Object { $_ | Should -Be 'ok' }
        (Get-KubePortForward -Id $forward.Id).Connections | Should -Be 6
        Stop-KubePortForward -Id $forward.Id
    }

    It 'forwards several ports as several objects, and -WhatIf starts none' {
        $forwards = Start-KubePortForward kuard :8080, :8080
        $forwards | Should -HaveCount 2
        $forwards[0].LocalPort | Should -Not -Be $forwards[1].LocalPort
        $forwards | Stop-KubePortForward
        Start-KubePortForward kuard 18099:8080 -WhatIf | Should -BeNullOrEmpty
        Test-LocalPort 18099 | Should -BeFalse
    }
}

Describe 'Start-KubePortForward to a service or a workload' {
    It 'forwards a service port to the target port of a pod it selects' {
        $forward = Start-KubePortForward -Service web :80
        $forward.Target | Should -Be 'service/web'
        $forward.RemotePort | Should -Be 8080
        $forward.Pod | Should -BeLike 'web-*'
        (Invoke-WebRequest "http://$($forward.LocalEndPoint)/").Content | Should -BeLike "*Served from $($forward.Pod)*"
        Stop-KubePortForward $forward
    }

    It 'takes a piped deployment, and kubectl''s TYPE/NAME' {
        $piped = Get-KubeDeployment web | Start-KubePortForward -Port :8080
        $named = Start-KubePortForward deploy/web :8080
        $piped.Target, $named.Target | Should -Be 'deployment/web', 'deployment/web'
        (Invoke-WebRequest "http://$($piped.LocalEndPoint)/healthy").Content | Should -Be 'ok'
        (Invoke-WebRequest "http://$($named.LocalEndPoint)/healthy").Content | Should -Be 'ok'
        $piped, $named | Stop-KubePortForward
    }
}

Describe 'Start-KubePortForward -Wait' {
    It 'runs in the foreground until stopped (Ctrl+C), then closes the port within 2 seconds' {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                param($Module, $KubeConfig)
                Import-Module $Module
                Start-KubePortForward kuard :8080 -Wait -KubeConfig $KubeConfig
            }).AddArgument((Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1')).AddArgument($cluster.KubeConfig)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $running = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ($output.Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            $forward = $output[0]
            (Invoke-WebRequest "http://127.0.0.1:$($forward.LocalPort)/healthy").Content | Should -Be 'ok'
            $running.IsCompleted | Should -BeFalse

            $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 2
            Test-LocalPort $forward.LocalPort | Should -BeFalse
        }
        finally {
            $shell.Dispose()
        }
    }
}

Describe 'Port-forward errors' {
    It 'refuses a bad port mapping, a missing pod and a missing service port with stable ids' {
        Start-KubePortForward kuard 8080:80:1 -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidPortMapping*'
        Start-KubePortForward nowhere 8080 -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound*'
        Start-KubePortForward -Service web 81 -ErrorVariable port -ErrorAction SilentlyContinue
        $port[0].FullyQualifiedErrorId | Should -BeLike 'ServicePortNotFound*'
        $port[0].Exception.Message | Should -BeLike '*does not have a service port 81*'
        Get-KubePortForward -Id 9999 -ErrorVariable unknown -ErrorAction SilentlyContinue
        $unknown[0].FullyQualifiedErrorId | Should -BeLike 'PortForwardNotFound*'
    }

    It 'reports a local port in use as LocalPortUnavailable' {
        $first = Start-KubePortForward kuard :8080
        Start-KubePortForward kuard "$($first.LocalPort):8080" -ErrorVariable busy -ErrorAction SilentlyContinue
        $busy[0].FullyQualifiedErrorId | Should -BeLike 'LocalPortUnavailable*'
        $first | Stop-KubePortForward
    }
}

Describe 'Removing the module' {
    It 'stops the session''s forwards' {
        $forward = Start-KubePortForward kuard :8080
        Test-LocalPort $forward.LocalPort | Should -BeTrue
        Remove-Module PSKube
        Test-LocalPort $forward.LocalPort | Should -BeFalse
        Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    }
}

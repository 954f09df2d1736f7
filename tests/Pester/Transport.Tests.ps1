#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Streams say how they are while the server is gone, and settings bound how long things wait.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
}

Describe 'A watch while the server is gone' {
    BeforeAll {
        $cluster = Start-FakeCluster
        $env:PSKUBE_STREAM_RECONNECT_TIMEOUT = '3s'
    }
    AfterAll {
        Remove-Item Env:PSKUBE_STREAM_RECONNECT_TIMEOUT -ErrorAction Ignore
        Stop-FakeCluster $cluster
    }

    It 'says each retry in verbose output and ends with an error after PSKUBE_STREAM_RECONNECT_TIMEOUT' {
        $stopper = Start-ThreadJob -ArgumentList $cluster.Process { param($process) Start-Sleep -Seconds 2; $process.Kill() }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $failure = $null
        $output = try {
            Get-KubeNamespace -KubeConfig $cluster.KubeConfig -Watch -Verbose -ErrorAction Stop 4>&1
        } catch {
            $failure = $_
        }
        $clock.Stop()
        $stopper | Wait-Job | Remove-Job

        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'KubeApiUnreachable*'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 12
        @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Watch of /api/v1/namespaces: connection to https://127.0.0.1:* failed (*); reconnecting, attempt *' }).Count |
            Should -BeGreaterThan 1
        @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Name | Should -Contain 'default'
    }
}

Describe 'The request timeout setting' {
    BeforeAll { $cluster = Start-FakeCluster }
    AfterAll {
        Remove-Item Env:PSKUBE_REQUEST_TIMEOUT -ErrorAction Ignore
        Stop-FakeCluster $cluster
    }

    It 'is read at each command, and nonsense is named' {
        $env:PSKUBE_REQUEST_TIMEOUT = '30s'
        Get-KubeNamespace -KubeConfig $cluster.KubeConfig | Should -Not -BeNullOrEmpty
        $env:PSKUBE_REQUEST_TIMEOUT = 'soon'
        $failure = { Get-KubeNamespace -KubeConfig $cluster.KubeConfig } | Should -Throw '*PSKUBE_REQUEST_TIMEOUT is not valid*' -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidRequestTimeout,*'
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

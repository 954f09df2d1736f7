#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The walkthrough of ../shared/guide/walkthrough.md (up to services), line by line, against a fake cluster whose
# clock runs 30 times faster. Runs wherever pwsh and Pester 5 are installed (build.ps1 -Task Pester).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '30')
    # As a user would: the kubeconfig from the environment, no -KubeConfig on any line.
    $savedKubeconfig = $env:KUBECONFIG
    $env:KUBECONFIG = $cluster.KubeConfig
}

AfterAll {
    $env:KUBECONFIG = $savedKubeconfig
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'The cluster' {
    It 'reports versions, nodes, namespaces and services' {
        (Get-KubeVersion).ServerVersion | Should -BeLike 'v1.32*'
        $node = Get-KubeNode
        $node.Name | Should -Be 'fake-node-1'
        $node.Status | Should -Be 'Ready'
        Get-KubeNode | Format-Table -View Wide | Out-String | Should -Match 'INTERNAL-IP'
        Get-KubeNode | ConvertTo-KubeYaml | Should -Match 'kind: Node'
        $report = Get-KubeNode | Select-Object Name, @{ n = 'Cpu'; e = { $_.Capacity['cpu'] } }
        $report.Cpu | Should -Not -BeNullOrEmpty
        (Get-KubeNamespace).Name | Should -Contain 'kube-system'
        (Get-KubeService).Name | Should -Contain 'kubernetes'
        { Get-KubePod -Namespace kube-system } | Should -Not -Throw
    }
}

Describe 'First containers' {
    It 'runs a pod, lists everything, removes the pod' {
        $pod = New-KubePod pingpong -Image alpine -Wait -- ping 127.0.0.1
        $pod.Status | Should -Be 'Running'
        $pod.Spec.Containers[0].Args | Should -Be @('ping', '127.0.0.1')
        (Get-KubeResource all).Name | Should -Contain 'pingpong'
        Get-KubeResource all | Out-String | Should -Match 'pod/pingpong'
        Remove-KubePod pingpong -Wait
        Get-KubePod pingpong -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound*'
    }

    It 'scales a deployment and reads the logs of its pods' {
        New-KubeDeployment pingpong -Image jpetazzo/ping | Out-Null
        Get-KubeDeployment pingpong | Wait-KubeDeployment -Timeout 00:01:00 | Out-Null
        @(Get-KubeDeployment pingpong | Receive-KubeLog -Tail 1).Count | Should -Be 1
        Get-KubeDeployment pingpong | Set-KubeReplicas 3 -Wait | Out-Null
        @(Get-KubePod -Selector app=pingpong | Where-Object Status -eq Running).Count | Should -Be 3
        Set-KubeReplicas -Name pingpong -Replicas 2 -Wait | Out-Null
        (Get-KubeDeployment pingpong).Ready | Should -Be '2/2'
        # A pod of the scale-down may still be terminating (ping ignores SIGTERM): its last line counts too, as with kubectl.
        $lines = Receive-KubeLog -Selector app=pingpong -Tail 1
        @($lines).Count | Should -BeGreaterOrEqual 2
        $lines[0].Pod | Should -BeLike 'pingpong-*'
        $lines[0] | Out-String | Should -Match 'pingpong-.*/ping'
        @(Receive-KubeLog -Selector app=pingpong -Since 5m -Raw).Count | Should -BeGreaterThan 0
        @(Get-KubePod pingpong-* | Where-Object Status -eq Running | Receive-KubeLog -Tail 1).Count | Should -Be 2
    }

    It 'replaces a deleted pod (resilience)' {
        $victim = Get-KubePod -Selector app=pingpong | Select-Object -First 1
        $victim | Remove-KubePod
        Get-KubeDeployment pingpong | Set-KubeReplicas 2 -Wait | Out-Null
        (Get-KubePod -Selector app=pingpong | Where-Object Status -eq Running).Name | Should -Not -Contain $victim.Name
    }

    It 'follows the logs of every pod until stopped, as Ctrl+C does' {
        $module = Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1'
        $job = Start-ThreadJob { Import-Module $using:module; Receive-KubeLog -Selector app=pingpong -Tail 1 -Follow }
        Start-Sleep -Seconds 3
        $stopping = [System.Diagnostics.Stopwatch]::StartNew()
        Stop-Job $job
        $stopping.Elapsed.TotalSeconds | Should -BeLessThan 2
        @(Receive-Job $job).Count | Should -BeGreaterThan 2
        Remove-Job $job -Force
    }
}

Describe 'Jobs and cron jobs' {
    It 'retries a coin flip until it succeeds' {
        # The walkthrough's line, with more retries: seven failed flips in a row (1 run in 128) would fail the default 6.
        New-KubeJob flipcoin -Image alpine -BackoffLimit 30 -- sh -c 'exit $(($RANDOM%2))' | Out-Null
        $job = Wait-KubeJob flipcoin -Timeout 00:01:00
        $job.Status | Should -Be 'Complete'
        (Get-KubePod -Selector job-name=flipcoin).Count | Should -BeGreaterThan 0
    }

    It 'runs pods in parallel to the completion count' {
        New-KubeJob render -Image alpine -Completions 5 -Parallelism 2 -- sleep 3 | Out-Null
        (Wait-KubeJob render -Timeout 00:01:00).Completions | Should -Be '5/5'
    }

    It 'schedules a cron job and starts it by hand' {
        $cron = New-KubeCronJob every3mins -Schedule '*/3 * * * *' -Image alpine -- sleep 10
        $cron.Spec.Schedule | Should -Be '*/3 * * * *'
        (Get-KubeCronJob every3mins).NextRun | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddSeconds(-1))
        $manual = Start-KubeCronJob every3mins
        $manual.Metadata.Annotations['cronjob.kubernetes.io/instantiate'] | Should -Be 'manual'
        (Get-KubeJob).Name | Should -Contain $manual.Name
        { New-KubeCronJob bad -Schedule '*/3 * * *' -Image alpine } | Should -Throw -ExpectedMessage '*schedule*'
    }
}

Describe 'Services' {
    It 'exposes a deployment and finds its cluster IP' {
        New-KubeDeployment elastic -Image elasticsearch:2 -Replicas 7 | Out-Null
        $service = Get-KubeDeployment elastic | New-KubeService -Port 9200
        $service.Spec.Selector['app'] | Should -Be 'elastic'
        (Get-KubeService elastic).Spec.ClusterIP | Should -Match '^10\.'
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-KubeTop (kubectl top) against a fake cluster whose containers run sh -c scripts: a busy loop uses a core, a
# sleeping loop almost nothing. A second cluster without metrics-server has no metrics API.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '10')
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig

    New-KubePod busy -Image alpine -Label @{ app = 'busy' } -Command -- sh -c 'while true; do :; done' | Out-Null
    New-KubePod web-idle -Image alpine -Label @{ app = 'web' } -Command -- sh -c 'while true; do sleep 1; done' | Out-Null
    New-KubePod web-kuard -Image gcr.io/kuar-demo/kuard-amd64:blue -Label @{ app = 'web' } | Out-Null
    Wait-KubePod busy, web-idle, web-kuard -Timeout 1m | Out-Null
    # metrics-server reports a pod once the kubelet has reported it running.
    $deadline = (Get-Date).AddSeconds(30)
    while (@(Get-KubeTop).Count -lt 3 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Get-KubeTop' {
    It 'shows the pods of the namespace with kubectl top pods columns' {
        $text = Get-KubeTop | Out-String
        $text | Should -Match 'NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)'
        $text | Should -Match 'busy\s+1000m\s+0Mi'
        $text | Should -Match 'web-kuard\s+1m\s+12Mi'
    }

    It 'gives typed usage that sorts as numbers' {
        $pods = Get-KubeTop
        $pods[0].GetType().FullName | Should -Be 'PSKube.Client.Metrics.PodUsage'
        $pods[0].CpuMillicores | Should -BeOfType [long]
        ($pods | Sort-Object CpuMillicores -Descending | Select-Object -First 1).Name | Should -Be 'busy'
        ($pods | Sort-Object MemoryBytes -Descending | Select-Object -First 1).Name | Should -Be 'web-kuard'
        (Get-KubeTop -SortBy Memory)[0].Name | Should -Be 'web-kuard'
        (Get-KubeTop -SortBy Cpu)[0].Name | Should -Be 'busy'
    }

    It 'picks pods by wildcard, by selector, and piped from Get-KubePod' {
        (Get-KubeTop web*).Name | Should -Be @('web-idle', 'web-kuard')
        (Get-KubeTop -Selector app=busy).Name | Should -Be 'busy'
        (Get-KubePod -Selector app=web | Get-KubeTop).Name | Should -Be @('web-idle', 'web-kuard')
        ((Get-KubeTop -Selector app=web | Measure-Object CpuMillicores -Sum).Sum) | Should -Be 2
    }

    It 'shows containers with -Containers and the namespace with -AllNamespaces' {
        $containers = Get-KubeTop web-kuard -Containers
        $containers.GetType().FullName | Should -Be 'PSKube.Client.Metrics.ContainerUsage'
        ($containers | Out-String) | Should -Match 'POD\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)'
        (Get-KubeTop -AllNamespaces | Out-String) | Should -Match 'NAMESPACE\s+NAME\s+CPU\(cores\)'
        (Get-KubeTop -AllNamespaces -Containers | Out-String) | Should -Match 'default\s+busy\s+busy\s+1000m'
    }

    It 'shows the node with its share of allocatable CPU and memory' {
        $node = Get-KubeTop -Node
        $node.Name | Should -Be 'fake-node-1'
        $node.CpuPercent | Should -BeGreaterThan 20
        ($node | Out-String) | Should -Match 'NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)'
        (Get-KubeTop -Node fake-node-1).Name | Should -Be 'fake-node-1'
    }

    It 'reports a pod without metrics as PodMetricsNotFound' {
        Get-KubeTop no-such-pod -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodMetricsNotFound*'
    }

    It 'refuses a bad selector before any request' {
        { Get-KubeTop -Selector 'app in (' -ErrorAction Stop } | Should -Throw
    }
}

Describe 'Get-KubeTop without metrics-server' {
    BeforeAll {
        $bare = Start-FakeCluster -ExtraArguments @('--no-metrics')
    }

    AfterAll {
        Stop-FakeCluster $bare
    }

    It 'says once that the metrics API is not available, with a stable id' {
        Get-KubeTop -KubeConfig $bare.KubeConfig -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MetricsApiNotAvailable*'
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failure[0].ErrorDetails.Message | Should -BeLike 'Metrics API not available*'
        { Get-KubeTop -Node -KubeConfig $bare.KubeConfig -ErrorAction Stop } | Should -Throw -ErrorId 'MetricsApiNotAvailable*'
    }
}

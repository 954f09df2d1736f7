#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What users see and filter on: Status as kubectl's STATUS text, Ready, times that sort and compare, -AllNamespaces
# and -Watch tables, mixed output. The fake cluster's clock runs 30 times faster, so it is soon ahead of this machine's.
BeforeAll {
    $module = Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1'
    Import-Module $module -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '30')
    $kubeconfig = $cluster.KubeConfig
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig

    # Waits until the condition holds, for at most 30 seconds.
    function Wait-Until([scriptblock] $Condition, [string] $Because) {
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "timed out waiting: $Because" }
            Start-Sleep -Milliseconds 200
        }
    }

    # The first line of a table as PowerShell prints it.
    function Get-Header([scriptblock] $Listing) {
        (& $Listing | Out-String -Width 250).Split("`n") | Where-Object { $_.Trim() } | Select-Object -First 1
    }

    New-KubePod older -Image alpine -Wait -Timeout 60 -- ping 127.0.0.1 | Out-Null
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Status is what kubectl shows' {
    It 'is the text of the STATUS column on nodes, and the status object is NodeStatus' {
        (Get-KubeNode).Status | Should -Be 'Ready'
        @(Get-KubeNode | Where-Object Status -eq Ready).Count | Should -Be 1
        Get-KubeNode | Out-String | Should -Match 'fake-node-1\s+Ready\s'
        (Get-KubeNode).NodeStatus.NodeInfo.KubeletVersion | Should -Not -BeNullOrEmpty
        Get-KubeNode | ConvertTo-KubeYaml | Should -Match '(?m)^status:'
    }

    It 'gives a node''s resources as properties' {
        $node = Get-KubeNode
        $node.Capacity['cpu'] | Should -Not -BeNullOrEmpty
        $node.Allocatable['pods'] | Should -Not -BeNullOrEmpty
        (Get-KubeNode | Select-Object Name, @{ n = 'Cpu'; e = { $_.Capacity['cpu'] } }).Cpu | Should -Be $node.Capacity['cpu']
    }

    It 'finds the pods that are not Ready, while the table shows ready containers' {
        New-KubePod broken -Image alpine -Restart Never -- sh -c 'exit 1' | Out-Null
        Wait-Until { (Get-KubePod broken).Status -eq 'Error' } 'the pod fails'
        (Get-KubePod older).Ready | Should -BeTrue
        $notReady = (Get-KubePod | Where-Object -not Ready).Name
        $notReady | Should -Contain 'broken'
        $notReady | Should -Not -Contain 'older'
        Get-KubePod older | Out-String | Should -Match 'older\s+1/1\s+Running'
        Remove-KubePod broken
    }

    It 'tells when a job completed' {
        New-KubeJob done -Image alpine -- sleep 1 | Out-Null
        $job = Wait-KubeJob done -Timeout 60
        $job.Status | Should -Be 'Complete'
        $job.CompletionTime.GetType().Name | Should -Be 'DateTimeOffset'
        $job.CompletionTime | Should -BeGreaterThan $job.JobStatus.StartTime
        $job.Duration | Should -BeLessThan '10m'
    }
}

Describe 'Times are values' {
    BeforeAll {
        # At 30 times the speed ten minutes pass in twenty seconds; the newer pod is five minutes old ten seconds later.
        Wait-Until { (Get-KubePod older).Age -gt '10m' } 'the first pod is ten minutes old'
        New-KubePod newer -Image alpine -- ping 127.0.0.1 | Out-Null
    }

    It 'sorts by age as a span of time' {
        (Get-KubePod older, newer | Sort-Object Age).Name | Should -Be @('newer', 'older')
        (Get-KubePod older, newer | Sort-Object Age -Descending).Name | Should -Be @('older', 'newer')
    }

    It 'compares ages with kubectl''s durations and with TimeSpans' {
        (Get-KubePod older, newer | Where-Object Age -gt '5m').Name | Should -Be 'older'
        (Get-KubePod older, newer | Where-Object Age -lt (New-TimeSpan -Hours 1)).Name | Should -Be @('older', 'newer')
        (Get-KubePod older).Age.TimeSpan.TotalMinutes | Should -BeGreaterOrEqual 10
    }

    It 'shows kubectl''s text, by the cluster''s clock even when it runs ahead of this machine''s' {
        "$((Get-KubePod older).Age)" | Should -Match '^\d+(s|m(\d+s)?)$'
        Get-KubePod | Out-String | Should -Not -Match 'invalid'
        Get-KubeResource all | Out-String | Should -Not -Match 'invalid'
    }
}

Describe 'Views' {
    BeforeAll {
        New-KubeDeployment web -Image nginx | Out-Null
        New-KubeCronJob nightly -Schedule '0 3 * * *' -Image alpine -- date | Out-Null
    }

    It 'puts NAMESPACE first with -AllNamespaces, as kubectl -A: <Command>' -ForEach @(
        @{ Command = 'Get-KubePod'; Columns = 'NAME\s+READY\s+STATUS' }
        @{ Command = 'Get-KubeDeployment'; Columns = 'NAME\s+READY\s+UP-TO-DATE' }
        @{ Command = 'Get-KubeService'; Columns = 'NAME\s+TYPE\s+CLUSTER-IP' }
        @{ Command = 'Get-KubeCronJob'; Columns = 'NAME\s+SCHEDULE' }
        @{ Command = 'Get-KubeJob'; Columns = 'NAME\s+STATUS\s+COMPLETIONS' }
        @{ Command = 'Get-KubeReplicaSet'; Columns = 'NAME\s+DESIRED' }
        @{ Command = 'Get-KubeEvent'; Columns = 'LAST SEEN\s+TYPE\s+REASON' }
    ) {
        Get-Header { & $Command -AllNamespaces } | Should -Match "^NAMESPACE\s+$Columns"
        Get-Header { & $Command } | Should -Match "^$Columns"
    }

    It 'puts NAMESPACE first for any kind with Get-KubeResource -AllNamespaces' {
        Get-Header { Get-KubeResource pods -AllNamespaces } | Should -Match '^NAMESPACE\s+NAME\s+READY\s+STATUS'
        Get-Header { Get-KubeResource services -AllNamespaces } | Should -Match '^NAMESPACE\s+NAME\s+TYPE\s+CLUSTER-IP'
        Get-Header { Get-KubeResource pods } | Should -Match '^NAME\s+READY'
    }

    It 'keeps the other views of -AllNamespaces output' {
        Get-Header { Get-KubePod -AllNamespaces | Format-Table -View Wide } | Should -Match '^NAMESPACE\s+NAME.*NOMINATED NODE'
        Get-KubePod older -AllNamespaces | Format-List | Out-String | Should -Match 'Conditions'
    }

    It 'shows a short property set for output of mixed types' {
        $text = & { Get-KubeNamespace; Get-KubeService } | Out-String -Width 250
        $text | Should -Not -Match 'Spec\s*:'
        $text | Should -Match 'ClusterIP\s*:\s*10\.'
        $text | Should -Match 'kube-system\s+Active'
        & { Get-KubeService; Get-KubeDeployment } | Out-String | Should -Match 'UpToDate\s*:'
    }

    It 'shows when a CronJob runs next' {
        $text = Get-KubeCronJob nightly | Out-String -Width 250
        $text | Should -Match 'LAST SCHEDULE\s+NEXT RUN\s+AGE'
        $text | Should -Match 'nightly\s+0 3 \* \* \*\s+<none>\s+False\s+0\s+<none>\s+in \d+'
    }

    It 'keeps -Watch columns as wide as any status, so a later, longer one is not cut' {
        $job = Start-ThreadJob -ArgumentList $module, $kubeconfig {
            param($Module, $KubeConfig)
            Import-Module $Module
            Get-KubePod older, crashing -Watch -KubeConfig $KubeConfig | Out-String -Stream -Width 200
        }
        try {
            Wait-Until { Receive-Job $job -Keep | Where-Object { $_ -match '^older\s' } } 'the first rows'
            New-KubePod crashing -Image alpine -- sh -c 'exit 1' | Out-Null
            Wait-Until { Receive-Job $job -Keep | Where-Object { $_ -match '^crashing\s.*CrashLoopBackOff' } } 'the pod crashes'
            $lines = @(Receive-Job $job -Keep | Where-Object { $_.Trim() })
            $header = $lines[0]
            $header | Should -Match '^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE'
            # The cluster's clock ran on after the watch began: objects it brings still age by it.
            $lines -join "`n" | Should -Not -Match 'invalid'
            # Each row, the first and the later ones, puts its whole status under STATUS, as kubectl get -w does.
            $statusColumn = $header.IndexOf('STATUS')
            foreach ($row in $lines | Select-Object -Skip 2) {
                $row.Substring($statusColumn - 1) | Should -Match '^ [A-Za-z][^\s\u2026]*\s'
            }
        }
        finally {
            Stop-Job $job
            Remove-Job $job -Force
            Remove-KubePod crashing -ErrorAction SilentlyContinue
        }
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Receive-KubeLog against a fake cluster started for this suite (its clock runs 10x, so `ping` writes ten lines a
# second). The deployment and the two-container pod are made with kubectl where it is installed.
BeforeDiscovery {
    $noKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue)
}

BeforeAll {
    $module = Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1'
    Import-Module $module -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '10')
    $kubeconfig = $cluster.KubeConfig
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig

    # The module's types live in its own load context, so PowerShell cannot resolve them by name: compare type names.
    function Test-LogRecord($Item) { $Item.PSObject.TypeNames[0] -eq 'PSKube.Client.Logs.KubeLogRecord' }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Receive-KubeLog input checks' {
    It 'reports a missing pod as PodNotFound' {
        Receive-KubeLog nowhere -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound*'
    }

    It 'refuses -Since with -SinceTime before any request' {
        { Receive-KubeLog nowhere -Since 5m -SinceTime (Get-Date) } | Should -Throw '*Since and SinceTime cannot both be given*'
    }

    It 'refuses -Container with -AllContainers' {
        { Receive-KubeLog nowhere -Container one -AllContainers } | Should -Throw '*either a container name or AllContainers*'
    }

    It 'says what to give when nothing names the pods' {
        { Receive-KubeLog -Tail 1 } | Should -Throw '*pod names (-Name), a label selector (-Selector)*'
    }

    It 'refuses an object that has no pods' {
        Get-KubeNamespace default | Receive-KubeLog -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ObjectHasNoPods*'
    }
}

Describe 'Receive-KubeLog on a deployment' -Skip:$noKubectl {
    BeforeAll {
        kubectl --kubeconfig $kubeconfig create deployment pingpong --image jpetazzo/ping | Out-Null
        Wait-KubeDeployment pingpong -Timeout 60 | Out-Null
        # Twenty lines or so before reading (more than a selector's tail of 10).
        Start-Sleep -Seconds 2
    }

    It 'reads the last line of a piped deployment as a record' {
        $records = @(Get-KubeDeployment pingpong | Receive-KubeLog -Tail 1)
        $records.Count | Should -Be 1
        Test-LogRecord $records[0] | Should -BeTrue
        $records[0].Pod | Should -BeLike 'pingpong-*'
        $records[0].Container | Should -Be 'ping'
        $records[0].Message | Should -BeLike '64 bytes from 127.0.0.1: seq=*'
        $records[0].Timestamp | Should -Not -BeNullOrEmpty
    }

    It 'reads at most the last 10 lines of each pod with a selector and -Since' {
        $pods = @(Get-KubePod -Selector app=pingpong)
        $records = @(Receive-KubeLog -Selector app=pingpong -Since 5m)
        $records.Count | Should -BeGreaterThan 0
        $records.Count | Should -BeLessOrEqual (10 * $pods.Count)
        @(Receive-KubeLog -Selector app=pingpong -Tail -1).Count | Should -BeGreaterThan $records.Count
    }

    It 'reads piped pods together' {
        $pods = @(Get-KubePod pingpong-*)
        @(Get-KubePod pingpong-* | Receive-KubeLog -Tail 1).Count | Should -Be $pods.Count
        @(Receive-KubeLog pingpong-* -Tail 1).Count | Should -Be $pods.Count
    }

    It 'outputs kubectl''s text with -Raw, timestamps first with -Timestamps' {
        $line = Get-KubeDeployment pingpong | Receive-KubeLog -Tail 1 -Raw
        $line | Should -BeOfType 'System.String'
        $line | Should -BeLike '64 bytes from*'
        Get-KubeDeployment pingpong | Receive-KubeLog -Tail 1 -Raw -Timestamps | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z 64 bytes from'
    }

    It 'follows the deployment, picks up the pods of a scale-up, and stops when asked' {
        $job = Start-ThreadJob -ArgumentList $module, $kubeconfig {
            param($Module, $KubeConfig)
            Import-Module $Module
            # The information stream (the "+ pod/NAME" lines) goes into the output with the records.
            Get-KubeDeployment pingpong -KubeConfig $KubeConfig | Receive-KubeLog -Tail 1 -Follow -KubeConfig $KubeConfig 6>&1
        }
        try {
            Wait-Until { @(Receive-Job $job -Keep | Where-Object { Test-LogRecord $_ }).Count -gt 0 } 'the first lines'
            Set-KubeReplicas -Name pingpong -Replicas 2 -Wait -Timeout 60
            Wait-Until { @(Receive-Job $job -Keep | Where-Object { "$_" -like '+ pod/*' }).Count -ge 2 } 'the new pod joins'
            Wait-Until { @(Receive-Job $job -Keep | Where-Object { Test-LogRecord $_ } | Select-Object -ExpandProperty Pod -Unique).Count -ge 2 } 'lines of both pods'
        }
        finally {
            $stopwatch = [Diagnostics.Stopwatch]::StartNew()
            Stop-Job $job
            $stopwatch.Elapsed.TotalSeconds | Should -BeLessThan 5
            Remove-Job $job -Force
        }
    }

    It 'follows one pod of two with -MaxConcurrency 1 and reports the other, never announcing it' {
        Wait-Until { @(Get-KubePod -Selector app=pingpong).Count -ge 2 } 'two pods'
        $job = Start-ThreadJob -ArgumentList $module, $kubeconfig {
            param($Module, $KubeConfig)
            Import-Module $Module
            # Errors and the "+ pod/NAME" information lines come into the output with the records.
            Receive-KubeLog -Selector app=pingpong -Tail 1 -Follow -MaxConcurrency 1 -KubeConfig $KubeConfig 2>&1 6>&1
        }
        try {
            Wait-Until { @(Receive-Job $job -Keep | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count -gt 0 } 'the refusal'
            Wait-Until { @(Receive-Job $job -Keep | Where-Object { Test-LogRecord $_ }).Count -gt 0 } 'lines of the followed pod'
            $output = @(Receive-Job $job -Keep)
            $refusals = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $joined = @($output | Where-Object { "$_" -like '+ pod/*' } | ForEach-Object { "$_".Substring(6) })
            $refusals.Count | Should -Be 1
            $refusals[0].FullyQualifiedErrorId | Should -BeLike 'TooManyStreams*'
            $refusals[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $refusals[0].ErrorDetails.RecommendedAction | Should -BeLike '*-MaxConcurrency*'
            $joined.Count | Should -Be 1
            $refusals[0].TargetObject | Should -Not -Be $joined[0]
            "$($refusals[0])" | Should -BeLike "pod $($refusals[0].TargetObject) is not followed*limit of 1 concurrent streams*"
            $output | Where-Object { Test-LogRecord $_ } | Select-Object -ExpandProperty Pod -Unique | Should -Be $joined[0]
        }
        finally {
            Stop-Job $job
            Remove-Job $job -Force
        }
    }

    It 'shows the timestamps in the default view with -Timestamps' {
        $shown = Get-KubeDeployment pingpong | Select-Object -First 1 | Receive-KubeLog -Tail 1 -Timestamps | Out-String
        $shown.Trim() | Should -Match '^pingpong-\S+/\S+  \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z 64 bytes from'
        $plain = Get-KubeDeployment pingpong | Select-Object -First 1 | Receive-KubeLog -Tail 1 | Out-String
        $plain.Trim() | Should -Match '^pingpong-\S+/\S+  64 bytes from'
        (Receive-KubeLog -Selector app=pingpong -Tail 1 -Timestamps)[0].Timestamp | Should -Not -BeNullOrEmpty
    }
}

Describe 'Receive-KubeLog on a pod with two containers' -Skip:$noKubectl {
    BeforeAll {
        $manifest = Join-Path $cluster.Folder 'duplicate-containers.yaml'
        @'
apiVersion: v1
kind: Pod
metadata:
  name: duplicate-containers
spec:
  containers:
  - name: one
    image: jpetazzo/ping
  - name: two
    image: alpine
    command: ["ping", "-c", "3", "127.0.0.1"]
'@ | Set-Content -Path $manifest
        kubectl --kubeconfig $kubeconfig apply -f $manifest | Out-Null
        # Container two ends after three pings and is restarted.
        Wait-Until { (Get-KubePod duplicate-containers).PodStatus.ContainerStatuses | Where-Object { $_.Name -eq 'two' -and $_.RestartCount -ge 1 } } 'container two restarts'
    }

    It 'reads the previous instance of a named container' {
        $records = @(Receive-KubeLog -Name duplicate-containers -Container two -Previous)
        $records[0].Message | Should -BeLike 'PING 127.0.0.1*'
        $records[-1].Message | Should -BeLike 'round-trip*'
        $records.Container | Select-Object -Unique | Should -Be 'two'
    }

    It 'says which container it read when none was named, as kubectl does' {
        $records = @(Receive-KubeLog duplicate-containers -Tail 1 -WarningVariable defaulted 3>$null)
        $records.Container | Should -Be 'one'
        @($defaulted).Count | Should -Be 1
        "$($defaulted[0])" | Should -Be 'Defaulted container "one" out of: one, two'
        Receive-KubeLog duplicate-containers -Container one -Tail 1 -WarningVariable named 3>$null | Out-Null
        @($named).Count | Should -Be 0
    }

    It 'reads every container with -AllContainers' {
        (Receive-KubeLog duplicate-containers -AllContainers -Tail 1).Container | Should -Be @('one', 'two')
    }

    It 'reports PreviousContainerNotFound and ContainerNotFound per container' {
        Receive-KubeLog duplicate-containers -Container one -Previous -ErrorVariable previous -ErrorAction SilentlyContinue
        $previous[0].FullyQualifiedErrorId | Should -BeLike 'PreviousContainerNotFound*'
        Receive-KubeLog duplicate-containers -Container three -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'ContainerNotFound*'
    }
}

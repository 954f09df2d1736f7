#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Pods, events, nodes and namespaces against a fake cluster started for this suite (its clock runs 10x, so pods
# start in moments). Pods are created with kubectl where it is installed, until New-KubePod exists.
BeforeDiscovery {
    $noKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '10')
    $kubeconfig = $cluster.KubeConfig
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig

    function New-TestPod([string] $Name, [string[]] $Command) {
        kubectl --kubeconfig $kubeconfig run $Name --image alpine --restart Never -- @Command | Out-Null
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Get-KubeNode' {
    It 'lists the ready node, by name and by wildcard' {
        $nodes = @(Get-KubeNode)
        $nodes.Count | Should -Be 1
        $nodes[0].GetType().FullName | Should -Be 'PSKube.Client.Models.Node'
        (Get-KubeNode $nodes[0].Name).Name | Should -Be $nodes[0].Name
        @(Get-KubeNode 'no-such-*').Count | Should -Be 0
    }

    It 'reports a missing node as NodeNotFound' {
        Get-KubeNode missing-node -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NodeNotFound*'
    }
}

Describe 'Get-KubeNamespace, New-KubeNamespace, Remove-KubeNamespace' {
    It 'lists the system namespaces' {
        (Get-KubeNamespace).Name | Should -Contain 'kube-system'
        (Get-KubeNamespace kube-*).Name | Should -Not -Contain 'default'
    }

    It 'creates nothing with -WhatIf' {
        New-KubeNamespace dry-run -WhatIf
        Get-KubeNamespace dry-run -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'creates a labelled namespace and outputs it' {
        $created = New-KubeNamespace hands-on -Label @{ team = 'workshop' }
        $created.Name | Should -Be 'hands-on'
        $created.Status | Should -Be 'Active'
        (Get-KubeNamespace -Selector team=workshop).Name | Should -Be 'hands-on'
    }

    It 'refuses a name that is not a DNS-1123 label before any request' {
        { New-KubeNamespace 'Not_Valid' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName,*' -ExpectedMessage '*not a valid namespace name*'
    }

    It 'removes a piped namespace and waits until it is gone' {
        Get-KubeNamespace hands-on | Remove-KubeNamespace -Wait -Confirm:$false
        Get-KubeNamespace hands-on -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Wait-KubePod errors' {
    It 'reports a missing pod as PodNotFound' {
        Wait-KubePod nowhere -Timeout 5 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound*'
    }
}

Describe 'Pods, waits and events' -Skip:$noKubectl {
    It 'waits for a pod to be Ready and outputs it' {
        New-TestPod pingpong @('ping', '127.0.0.1')
        $pod = Wait-KubePod pingpong -Timeout 30
        $pod.Name | Should -Be 'pingpong'
        $pod.Status | Should -Be 'Running'
        (Get-KubePod -FieldSelector status.phase=Running).Name | Should -Contain 'pingpong'
        (Get-KubePod ping*).Name | Should -Be 'pingpong'
    }

    It 'gives the events of a piped pod, oldest first' {
        $events = Get-KubePod pingpong | Get-KubeEvent
        ($events | Select-Object -First 1).Reason | Should -Be 'Scheduled'
        $events.Reason | Should -Contain 'Started'
        @(Get-KubePod pingpong | Get-KubeEvent -Type Warning).Count | Should -Be 0
    }

    It 'gives the pods of a piped node' {
        (Get-KubeNode | Get-KubePod -AllNamespaces).Name | Should -Contain 'pingpong'
    }

    It 'ends the wait with an error for a pod that fails' {
        New-TestPod failing @('sh', '-c', 'exit 3')
        Wait-KubePod failing -Timeout 30 -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodFailed*'
        $failure[0].Exception.Message | Should -BeLike '*it failed*'
    }

    It 'times out with PodWaitTimedOut naming the pod and what it waited for' {
        Wait-KubePod pingpong -For Deleted -Timeout 1 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodWaitTimedOut*'
        $failure[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failure[0].Exception.Message | Should -BeLike '*pod/pingpong*deleted*'
    }

    It 'removes nothing with -WhatIf, then removes piped pods and waits' {
        Remove-KubePod pingpong -WhatIf
        (Get-KubePod pingpong).Name | Should -Be 'pingpong'
        Get-KubePod | Remove-KubePod -Wait
        @(Get-KubePod).Count | Should -Be 0
    }

    It 'reports a missing pod as PodNotFound and removes the others' {
        New-TestPod sleeper @('sleep', '3600')
        Remove-KubePod missing, sleeper -Force -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound*'
        Wait-KubePod sleeper -For Deleted -Timeout 30
        Get-KubePod sleeper -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-KubeResource and Remove-KubeResource against a fake cluster started for this suite. A fresh fake cluster holds
# the four system namespaces, one node and the kubernetes Service in default.
BeforeDiscovery {
    # kubectl makes the objects without a model; CI (PSKUBE_REQUIRE_KUBECTL=1) runs these tests, and fails without it.
    $skipKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    $kubeconfig = $cluster.KubeConfig
}

AfterAll {
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Get-KubeResource' {
    It 'gives kinds with a model as typed objects' {
        $services = @(Get-KubeResource svc -KubeConfig $kubeconfig)
        $services.Name | Should -Contain 'kubernetes'
        $services[0].GetType().FullName | Should -Be "PSKube.Client.Models.Service"
    }

    It 'takes comma lists and gives the objects kind after kind' {
        $objects = @(Get-KubeResource svc,ns -KubeConfig $kubeconfig)
        @($objects.Kind | Select-Object -Unique) | Should -Be @('Service', 'Namespace')
    }

    It 'takes the all category' {
        (Get-KubeResource all -KubeConfig $kubeconfig).Name | Should -Contain 'kubernetes'
    }

    It 'selects names with wildcards' {
        $names = (Get-KubeResource namespaces 'kube-*' -KubeConfig $kubeconfig).Name | Sort-Object
        $names | Should -Be @('kube-node-lease', 'kube-public', 'kube-system')
    }

    It 'reports a missing name per name' {
        Get-KubeResource svc nope -KubeConfig $kubeconfig -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ServiceNotFound*'
    }

    It 'reports an unknown kind with the closest ones' {
        Get-KubeResource deploymnets -KubeConfig $kubeconfig -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ResourceTypeNotFound*'
        $failure[0].Exception.Message | Should -BeLike '*deployments*'
    }

    It 'gives kinds without a model with their table columns as properties' -Skip:$skipKubectl {
        @'
apiVersion: v1
kind: ReplicationController
metadata:
  name: legacy
spec:
  replicas: 1
  selector: { app: legacy }
  template:
    metadata: { labels: { app: legacy } }
    spec: { containers: [ { name: web, image: nginx } ] }
'@ | kubectl --kubeconfig $kubeconfig create -f - | Out-Null
        $legacy = Get-KubeResource rc legacy -KubeConfig $kubeconfig
        $legacy.PSObject.TypeNames | Should -Contain "PSKube.Client.Resources.KubeTableObject"
        $legacy.Kind | Should -Be 'ReplicationController'
        $legacy.Columns['Name'] | Should -Be 'legacy'
        @(Get-KubeResource rc -KubeConfig $kubeconfig | Where-Object Name -eq 'legacy').Count | Should -Be 1
        ($legacy | ConvertTo-KubeYaml) | Should -BeLike '*kind: ReplicationController*'
    }

    It 'completes -Kind with the built-in kinds' {
        $line = 'Get-KubeResource -Kind depl'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'deployments'
    }
}

Describe 'Remove-KubeResource' {
    It 'changes nothing with -WhatIf' {
        Remove-KubeResource svc kubernetes -KubeConfig $kubeconfig -WhatIf
        (Get-KubeResource svc kubernetes -KubeConfig $kubeconfig).Name | Should -Be 'kubernetes'
    }

    It 'removes by kind and name' -Skip:$skipKubectl {
        Remove-KubeResource rc legacy -KubeConfig $kubeconfig -Wait
        Get-KubeResource rc legacy -KubeConfig $kubeconfig -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'removes piped objects of any kind' {
        Get-KubeResource svc kubernetes -KubeConfig $kubeconfig | Remove-KubeResource -KubeConfig $kubeconfig -Confirm:$false
        Get-KubeResource svc kubernetes -KubeConfig $kubeconfig -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The context and version cmdlets against a fake cluster started for this suite.
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

Describe 'Get-KubeVersion' {
    It 'reports the fake server' {
        $version = Get-KubeVersion -KubeConfig $kubeconfig
        $version.ServerVersion | Should -BeLike 'v1.32.*'
        $version.Context | Should -Be 'fake'
    }
}

Describe 'Get-KubeContext, Use-KubeContext, Set-KubeContext' {
    It 'lists the contexts with the current one marked' {
        $contexts = Get-KubeContext -KubeConfig $kubeconfig
        $contexts.Name | Should -Be @('fake', 'fake-token')
        ($contexts | Where-Object IsCurrent).Name | Should -Be 'fake'
    }

    It 'changes nothing with -WhatIf' {
        Use-KubeContext fake-token -KubeConfig $kubeconfig -WhatIf
        (Get-KubeContext -Current -KubeConfig $kubeconfig).Name | Should -Be 'fake'
    }

    It 'switches the current context and sets its namespace' {
        Use-KubeContext fake-token -KubeConfig $kubeconfig
        Set-KubeContext -Namespace kube-system -KubeConfig $kubeconfig
        $current = Get-KubeContext -Current -KubeConfig $kubeconfig
        $current.Name | Should -Be 'fake-token'
        $current.Namespace | Should -Be 'kube-system'
        (Get-KubeVersion -KubeConfig $kubeconfig).Context | Should -Be 'fake-token'
    }

    It 'reports an unknown context as ContextNotFound' {
        Use-KubeContext nowhere -KubeConfig $kubeconfig -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ContextNotFound*'
    }
}

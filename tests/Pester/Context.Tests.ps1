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

Describe 'Kubeconfig edits and the lock file kubectl uses' {
    BeforeEach {
        $file = Join-Path $TestDrive 'config'
        Copy-Item $kubeconfig $file
        $lock = "$file.lock"
        $null = New-Item -ItemType File $lock
    }

    AfterEach {
        Remove-Item $lock -ErrorAction SilentlyContinue
    }

    It 'waits while the kubeconfig''s .lock file exists, then fails with KubeConfigLocked naming the lock file and leaves both files alone' {
        $before = Get-Content -Raw $file
        $elapsed = Measure-Command {
            Set-KubeContext -Namespace team -KubeConfig $file -ErrorVariable failure -ErrorAction SilentlyContinue
        }
        $elapsed.TotalSeconds | Should -BeGreaterOrEqual 4.5
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'KubeConfigLocked,*'
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
        $failure[0].TargetObject | Should -Be $file
        $failure[0].Exception.Message | Should -BeLike "*$lock*remove $lock and try again*"
        Get-Content -Raw $file | Should -Be $before
        $lock | Should -Exist
    }

    It 'goes ahead as soon as the lock file is removed' {
        $release = Start-ThreadJob { Start-Sleep -Milliseconds 500; Remove-Item $using:lock } -StreamingHost $Host
        Use-KubeContext fake-token -KubeConfig $file -ErrorAction Stop
        $release | Wait-Job | Remove-Job
        (Get-KubeContext -Current -KubeConfig $file).Name | Should -Be 'fake-token'
        $lock | Should -Not -Exist
    }
}

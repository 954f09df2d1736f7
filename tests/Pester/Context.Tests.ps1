#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The context and version cmdlets against a fake cluster started for this suite.
BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $root 'out/PSKube/PSKube.psd1') -Force
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ("pskube-pester-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $work | Out-Null
    $kubeconfig = Join-Path $work 'config'
    $server = Get-ChildItem -Path (Join-Path $root 'tests/FakeCluster/bin') -Recurse -Filter 'PSKube.FakeCluster.dll' | Select-Object -First 1
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $startInfo.ArgumentList.Add($server.FullName)
    $startInfo.ArgumentList.Add('--kubeconfig')
    $startInfo.ArgumentList.Add($kubeconfig)
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $fake = [System.Diagnostics.Process]::Start($startInfo)
    $ready = $fake.StandardOutput.ReadLine()
    if ($ready -notlike 'ready https://127.0.0.1:*') { throw "the fake cluster did not start: $ready" }
}

AfterAll {
    $fake.StandardInput.Close()
    $fake.WaitForExit(10000) | Out-Null
    Remove-Module PSKube -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $work
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

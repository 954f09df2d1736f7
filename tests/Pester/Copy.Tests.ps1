#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Copy-KubeFile (kubectl cp) as users type it, against a fake cluster whose simulated busybox runs tar over exec.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '10')
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig

    New-KubePod box -Image busybox -- sleep 3600 | Out-Null
    New-KubePod box2 -Image busybox -Label @{ app = 'copy' } -- sleep 3600 | Out-Null
    New-KubeNamespace copy-other | Out-Null
    New-KubePod box3 -Namespace copy-other -Image busybox -Label @{ app = 'copy' } -- sleep 3600 | Out-Null
    Wait-KubePod box, box2 -Timeout 00:00:30 | Out-Null
    Wait-KubePod box3 -Namespace copy-other -Timeout 00:00:30 | Out-Null
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Copy-KubeFile' {
    BeforeEach {
        # Relative local paths start at PowerShell's location, not the process's working folder.
        Push-Location TestDrive:
        New-Item -ItemType Directory -Path up/sub -Force | Out-Null
        Set-Content -Path up/a.txt -Value 'first'
        Set-Content -Path up/sub/b.txt -Value 'second'
    }

    AfterEach {
        Pop-Location
    }

    It 'copies a folder into a pod and back with kubectl''s POD:PATH, relative to the current location' {
        Copy-KubeFile ./up box:/tmp/up | Should -BeNullOrEmpty
        Invoke-KubeCommand box -- cat /tmp/up/sub/b.txt | Should -Be 'second'

        Copy-KubeFile box:/tmp/up ./down
        Get-Content ./down/a.txt | Should -Be 'first'
        Get-Content ./down/sub/b.txt | Should -Be 'second'
    }

    It 'copies with -FromPod and -ToPod, and -PassThru writes what was copied' {
        $sent = Copy-KubeFile -ToPod -Pod box -Path ./up/a.txt -Destination /tmp/ -PassThru
        $sent.Destination | Should -Be '/tmp/a.txt'
        $sent.Files | Should -Be 1

        New-Item -ItemType Directory -Path back | Out-Null
        $file = Copy-KubeFile -FromPod -Pod box -Path /tmp/a.txt -Destination ./back -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $file.FullName | Should -Be (Join-Path (Resolve-Path ./back).ProviderPath 'a.txt')
        Get-Content $file | Should -Be 'first'
    }

    It 'copies into each piped pod, in its own namespace' {
        Get-KubePod -Selector app=copy -AllNamespaces | Copy-KubeFile -ToPod -Path ./up/a.txt -Destination /tmp/piped.txt
        Invoke-KubeCommand box2 -- cat /tmp/piped.txt | Should -Be 'first'
        Invoke-KubeCommand box3 -Namespace copy-other -- cat /tmp/piped.txt | Should -Be 'first'
        Copy-KubeFile copy-other/box3:/tmp/piped.txt ./from-other.txt
        Get-Content ./from-other.txt | Should -Be 'first'
    }

    It 'changes nothing with -WhatIf, in either direction' {
        Copy-KubeFile ./up/a.txt box:/tmp/whatif.txt -WhatIf
        Invoke-KubeCommand box -ErrorAction SilentlyContinue -- cat /tmp/whatif.txt 2>$null | Should -BeNullOrEmpty
        Copy-KubeFile box:/etc/hostname ./hostname -WhatIf
        Test-Path ./hostname | Should -BeFalse
    }

    It 'reports a path the container lacks as RemotePathNotFound, for the pod' {
        Copy-KubeFile box:/nope ./nope -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'RemotePathNotFound,*'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject.Name | Should -Be 'box'
        Test-Path ./nope | Should -BeFalse
    }

    It 'reports a missing pod as PodNotFound and a missing local file as LocalPathNotFound' {
        Copy-KubeFile ghost:/etc ./ghost -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound,*'

        Copy-KubeFile ./missing.txt box:/tmp/ -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'LocalPathNotFound,*'
    }

    It 'stops when neither side names a pod, or both do' {
        { Copy-KubeFile ./up ./elsewhere } | Should -Throw -ErrorId 'NoPodInPath,*'
        { Copy-KubeFile box:/tmp box2:/tmp } | Should -Throw -ErrorId 'PodToPodCopy,*'
    }
}

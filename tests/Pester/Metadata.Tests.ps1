#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Set-KubeLabel and Set-KubeAnnotation (kubectl label / annotate) as users type them, against a fake cluster; kubectl
# reads the result where it is installed.
BeforeDiscovery {
    $noKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '20')
    $kubeconfig = $cluster.KubeConfig
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig
    New-KubePod bar -Image nginx | Out-Null
    New-KubeDeployment web -Image nginx -Replicas 2 | Out-Null
    Wait-KubeDeployment web -Timeout 60 | Out-Null
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Set-KubeLabel' {
    It 'adds a label to a pod named as KIND/NAME' {
        Set-KubeLabel color=red -Name pod/bar
        (Get-KubePod bar).Metadata.Labels['color'] | Should -Be 'red'
    }

    It 'is seen by kubectl' -Skip:$noKubectl {
        kubectl --kubeconfig $kubeconfig get pod bar -o 'jsonpath={.metadata.labels.color}' | Should -Be 'red'
    }

    It 'refuses another value without -Overwrite, and changes nothing' {
        Set-KubeLabel color=blue -Name bar -Kind pods -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LabelExists,*'
        $failures[0].Exception.Message | Should -BeLike "*'color' already has a value (red)*-Overwrite*"
        (Get-KubePod bar).Metadata.Labels['color'] | Should -Be 'red'
        Set-KubeLabel color=blue -Name pod/bar -Overwrite
        (Get-KubePod bar).Metadata.Labels['color'] | Should -Be 'blue'
    }

    It 'needs no -Overwrite for the value it already has' {
        Set-KubeLabel color=blue -Name pod/bar -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
    }

    It 'removes with KEY-, and warns of a key that is not there' {
        Set-KubeLabel color-, nothere- -Name pod/bar -WarningVariable warnings -WarningAction SilentlyContinue
        (Get-KubePod bar).Metadata.Labels.Keys | Should -Not -Contain 'color'
        $warnings[0].Message | Should -BeLike '*label "nothere" not found on pod/bar*'
    }

    It 'labels every pod a piped deployment stands for, and takes a hashtable' {
        Get-KubeDeployment web | Get-KubePod | Set-KubeLabel @{ tier = 'front'; stale = $null }
        (Get-KubePod -Selector tier=front).Count | Should -Be 2
    }

    It 'labels by selector and -All, and outputs with -PassThru' {
        $changed = @(Set-KubeLabel audited=yes -Kind pods -Selector app=web -PassThru)
        $changed.Count | Should -Be 2
        $changed[0].Kind | Should -Be 'Pod'
        @(Set-KubeLabel everyone=here -Kind pods -All -PassThru).Count | Should -Be 3
    }

    It 'labels a kind without a Get cmdlet, through its resource type' {
        Set-KubeLabel owner=ops -Name deploy/web
        (Get-KubeDeployment web).Metadata.Labels['owner'] | Should -Be 'ops'
        Set-KubeLabel pool=blue -Kind nodes -Name (Get-KubeNode | Select-Object -First 1).Name
        (Get-KubeNode -Selector pool=blue).Count | Should -Be 1
    }

    It 'changes nothing with -WhatIf' {
        Set-KubeLabel dry=run -Name pod/bar -WhatIf
        (Get-KubePod bar).Metadata.Labels.Keys | Should -Not -Contain 'dry'
    }

    It 'refuses malformed changes before any request, naming -Label' {
        { Set-KubeLabel 'a=b-' -Name pod/bar } | Should -Throw '*invalid label value*'
        { Set-KubeLabel a=b, a- -Name pod/bar } | Should -Throw '*can not both modify and remove*'
        { Set-KubeLabel color -Name pod/bar } | Should -Throw '*KEY=VALUE*'
    }

    It 'asks for the kind of a plain name' {
        { Set-KubeLabel a=b -Name bar } | Should -Throw '*-Kind pods, or kubectl''s KIND/NAME*'
    }

    It 'reports a missing object for that object alone' {
        Set-KubeLabel a=b -Name pod/nothing, pod/bar -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound,*'
        (Get-KubePod bar).Metadata.Labels['a'] | Should -Be 'b'
    }
}

Describe 'Set-KubeAnnotation' {
    It 'annotates with free text, and refuses another value without -Overwrite' {
        Set-KubeAnnotation 'note=rolled back: see #42' -Name deploy/web
        (Get-KubeDeployment web).Metadata.Annotations['note'] | Should -Be 'rolled back: see #42'
        Set-KubeAnnotation note=other -Name deploy/web -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AnnotationExists,*'
        Get-KubeDeployment web | Set-KubeAnnotation note- 
        (Get-KubeDeployment web).Metadata.Annotations.Keys | Should -Not -Contain 'note'
    }
}

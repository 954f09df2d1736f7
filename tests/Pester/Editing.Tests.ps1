#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Edit-KubeResource (kubectl edit) and Update-KubeResource (kubectl patch) as users type them, against a fake cluster.
# The editor is a small sh script written here: each opening is logged with a copy of what it showed, and round N
# applies the sed script round-N.sed when there is one.
BeforeDiscovery {
    $noSh = $IsWindows
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
    $savedEditor = $env:KUBE_EDITOR
    New-KubeDeployment web -Image nginx | Out-Null
    New-KubePod pingpong -Image alpine -- ping 127.0.0.1 | Out-Null
    New-KubePod duplicate-containers -Image gcr.io/kuar-demo/kuard-amd64:1 | Out-Null

    $editorScript = Join-Path $TestDrive 'editor.sh'
    $editorLog = Join-Path $TestDrive 'editor.log'
    Set-Content -Path $editorScript -Value @"
#!/bin/sh
n=`$(( `$(cat '$editorLog' 2>/dev/null | wc -l) + 1 ))
echo "`$1" >> '$editorLog'
cp "`$1" '$TestDrive/shown-'`$n.yaml
if [ -f '$TestDrive/round-'`$n.sed ]; then sed -i -f '$TestDrive/round-'`$n.sed "`$1"; fi
"@
    chmod +x $editorScript

    # Sets what the editor does in each round (a sed script, or '' to save the file as it is).
    function Set-EditorRounds([string[]] $Rounds) {
        Remove-Item (Join-Path $TestDrive 'round-*.sed'), (Join-Path $TestDrive 'shown-*.yaml'), $editorLog -ErrorAction Ignore
        for ($i = 0; $i -lt $Rounds.Count; $i++) {
            if ($Rounds[$i]) { Set-Content -Path (Join-Path $TestDrive "round-$($i + 1).sed") -Value $Rounds[$i] }
        }
        $env:KUBE_EDITOR = $editorScript
    }

    function Get-Shown([int] $Round) { Get-Content -Raw (Join-Path $TestDrive "shown-$Round.yaml") }
}

AfterAll {
    $env:KUBE_EDITOR = $savedEditor
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Edit-KubeResource' -Skip:$noSh {
    It 'changes an image through the editor and outputs the deployment' {
        Set-EditorRounds 's/image: nginx$/image: nginx:1.27/'
        $edited = Edit-KubeResource deploy/web
        $edited.GetType().Name | Should -Be 'Deployment'
        $edited.Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.27'
        (Get-KubeDeployment web).Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.27'
        Get-Shown 1 | Should -BeLike "# Please edit the object below.*kind: Deployment*"
        Get-Shown 1 | Should -Not -BeLike '*managedFields*'
        @(Get-Content $editorLog).Count | Should -Be 1
    }

    It 'runs an editor given with arguments, as kubectl splits it' {
        Set-EditorRounds 's/^    run: pingpong$/    run: pingpong\n    edited: "yes"/'
        $env:KUBE_EDITOR = "sh $editorScript"
        (Edit-KubeResource pod pingpong).Metadata.Labels['edited'] | Should -Be 'yes'
    }

    It 'reopens an immutable pod change with the server''s error on top; reverting it cancels' {
        # The seed workshop's case: kubectl edit pod duplicate-containers, adding args to a container.
        Set-EditorRounds @(
            '/^    name: duplicate-containers$/a\    args: ["--address", ":8081"]',
            '/^    args: \["--address", ":8081"\]$/d')
        $out = Edit-KubeResource pod duplicate-containers -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures
        @(Get-Content $editorLog).Count | Should -Be 2
        $reopened = Get-Shown 2
        $reopened | Should -BeLike '*# pods "duplicate-containers" was not valid:*'
        $reopened.Contains('# * spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`') | Should -BeTrue
        $reopened.Contains('args: ["--address", ":8081"]') | Should -BeTrue
        $warnings[0].Message | Should -Be 'Edit cancelled, no changes made.'
        $failures | Should -BeNullOrEmpty
        $out | Should -BeNullOrEmpty
        (Get-KubePod duplicate-containers).Spec.Containers[0].Args | Should -BeNullOrEmpty
    }

    It 'gives up when the reopened file is saved unchanged, with an error that keeps the changes' {
        Set-EditorRounds @('/^    name: duplicate-containers$/a\    args: [x]', '')
        Edit-KubeResource pod/duplicate-containers -ErrorVariable failures -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PodInvalid,*'
        $failures[0].ErrorDetails.Message | Should -BeLike '*Your changes are kept in *pskube-edit-*.yaml*'
        $warnings[0].Message | Should -BeLike 'Edit cancelled, no valid changes were saved.*'
        $kept = [regex]::Match($failures[0].ErrorDetails.Message, 'kept in (\S+\.yaml)').Groups[1].Value
        Get-Content -Raw $kept | Should -BeLike '*args:*'
        Remove-Item $kept
    }

    It 'sends nothing when nothing changed' {
        Set-EditorRounds ''
        # Its controllers change its status meanwhile; what an edit changes is the spec, which generation counts.
        $before = (Get-KubeDeployment web).Metadata.Generation
        $verbose = Edit-KubeResource deploy web -Verbose -WarningVariable warnings -WarningAction SilentlyContinue 4>&1
        $warnings[0].Message | Should -Be 'Edit cancelled, no changes made.'
        @($verbose | Where-Object { "$_" -like 'PATCH *' }) | Should -BeNullOrEmpty
        (Get-KubeDeployment web).Metadata.Generation | Should -Be $before
    }

    It 'opens several objects as one List and edits the piped ones in their own namespace' {
        New-KubeNamespace edit-other | Out-Null
        New-KubeDeployment web -Image nginx -Namespace edit-other | Out-Null
        Set-EditorRounds 's/^    replicas: 1$/    replicas: 2/'
        $edited = & { Get-KubeDeployment web; Get-KubeDeployment web -Namespace edit-other } | Edit-KubeResource
        Get-Shown 1 | Should -BeLike '*kind: List*'
        $edited.Namespace | Sort-Object | Should -Be @('default', 'edit-other')
        (Get-KubeDeployment web -Namespace edit-other).Spec.Replicas | Should -Be 2
    }

    It '-WhatIf opens the editor and sends the change as a server dry run (kubectl edit --dry-run=server)' {
        Set-EditorRounds 's/image: nginx.*$/image: httpd/'
        $before = Get-KubeDeployment web
        $out = Edit-KubeResource deploy/web -WhatIf -Verbose 4>&1
        @(Get-Content $editorLog).Count | Should -Be 1
        @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Should -BeNullOrEmpty
        ($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'deployment/web edited (server dry run)'
        $after = Get-KubeDeployment web
        $after.Spec.Template.Spec.Containers[0].Image | Should -Be $before.Spec.Template.Spec.Containers[0].Image
        $after.Metadata.Generation | Should -Be $before.Metadata.Generation
    }

    It '-WhatIf reopens a change the server refuses, as a real edit does' {
        Set-EditorRounds @('/^    name: duplicate-containers$/a\    args: [x]', '')
        Edit-KubeResource pod/duplicate-containers -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @(Get-Content $editorLog).Count | Should -Be 2
        Get-Shown 2 | Should -BeLike '*# pods "duplicate-containers" was not valid:*'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PodInvalid,*'
    }
}

Describe 'Update-KubeResource' {
    It 'changes replicas with a <Type> patch given as <Form>' -TestCases @(
        @{ Type = 'merge'; Form = 'a hashtable'; Patch = @{ MergePatch = @{ spec = @{ replicas = 3 } } }; Replicas = 3 }
        @{ Type = 'merge'; Form = 'JSON text'; Patch = @{ MergePatch = '{"spec":{"replicas":4}}' }; Replicas = 4 }
        @{ Type = 'strategic'; Form = 'an ordered hashtable'; Patch = @{ StrategicPatch = [ordered]@{ spec = [ordered]@{ replicas = 5 } } }; Replicas = 5 }
        @{ Type = 'strategic'; Form = 'YAML text'; Patch = @{ StrategicPatch = "spec:`n  replicas: 6" }; Replicas = 6 }
        @{ Type = 'JSON'; Form = 'hashtables'; Patch = @{ JsonPatch = @(@{ op = 'replace'; path = '/spec/replicas'; value = 7 }) }; Replicas = 7 }
        @{ Type = 'JSON'; Form = 'JSON text'; Patch = @{ JsonPatch = '[{"op":"replace","path":"/spec/replicas","value":1}]' }; Replicas = 1 }
    ) {
        param($Patch, $Replicas)
        $patched = Update-KubeResource deploy web @Patch
        $patched.GetType().Name | Should -Be 'Deployment'
        $patched.Spec.Replicas | Should -Be $Replicas
        (Get-KubeDeployment web).Spec.Replicas | Should -Be $Replicas
    }

    It 'merges containers by name with a strategic patch' {
        $patched = Update-KubeResource deploy/web -StrategicPatch @{ spec = @{ template = @{ spec = @{ containers = @(@{ name = 'nginx'; args = @('--port', '8081') }) } } } }
        $container = $patched.Spec.Template.Spec.Containers[0]
        $container.Args | Should -Be @('--port', '8081')
        $container.Image | Should -Not -BeNullOrEmpty
    }

    It 'patches the scale subresource and outputs the Scale' {
        $scale = Update-KubeResource deploy web -Subresource scale -MergePatch @{ spec = @{ replicas = 2 } }
        $scale.Kind | Should -Be 'Scale'
        $scale.Spec.Replicas | Should -Be 2
        (Get-KubeDeployment web).Spec.Replicas | Should -Be 2
    }

    It 'patches piped objects of any kind in their own namespace' {
        $patched = Get-KubeDeployment web -Namespace edit-other | Update-KubeResource -MergePatch @{ metadata = @{ labels = @{ piped = 'yes' } } } -Namespace default
        $patched.Namespace | Should -Be 'edit-other'
        (Get-KubeDeployment web -Namespace edit-other).Metadata.Labels['piped'] | Should -Be 'yes'
        (Get-KubeDeployment web).Metadata.Labels.Keys | Should -Not -Contain 'piped'
    }

    It 'says "patched (no change)" in verbose output when nothing changed' {
        Update-KubeResource pod/pingpong -MergePatch @{ metadata = @{ labels = @{ same = 'x' } } } | Out-Null
        $verbose = Update-KubeResource pod/pingpong -MergePatch @{ metadata = @{ labels = @{ same = 'x' } } } -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $verbose.Message | Should -Contain 'pod/pingpong in namespace default patched (no change)'
    }

    It '-WhatIf sends only a dry run: nothing changes, and the server''s refusal still shows' {
        $before = Get-KubeDeployment web
        Update-KubeResource deploy/web -MergePatch @{ spec = @{ replicas = 9 } } -WhatIf | Should -BeNullOrEmpty
        $after = Get-KubeDeployment web
        $after.Spec.Replicas | Should -Be $before.Spec.Replicas
        $after.Metadata.Generation | Should -Be $before.Metadata.Generation
        Update-KubeResource pod/duplicate-containers -StrategicPatch @{ spec = @{ containers = @(@{ name = 'duplicate-containers'; args = @('x') }) } } -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PodInvalid,*'
        (Get-KubePod duplicate-containers).Spec.Containers[0].Args | Should -BeNullOrEmpty
    }

    It 'refuses a bad patch before any request, naming the parameter' -TestCases @(
        @{ Patch = @{ JsonPatch = @{ op = 'replace' } }; Id = 'InvalidJsonPatch' }
        @{ Patch = @{ MergePatch = 'spec: [' }; Id = 'InvalidMergePatch' }
        @{ Patch = @{ StrategicPatch = @(1, 2) }; Id = 'InvalidStrategicPatch' }
        @{ Patch = @{ MergePatch = @{}; JsonPatch = @() }; Id = 'SeveralPatches' }
        @{ Patch = @{}; Id = 'NoPatch' }
    ) {
        param($Patch, $Id)
        { Update-KubeResource deploy/web @Patch } | Should -Throw -ErrorId "$Id,*"
    }
}

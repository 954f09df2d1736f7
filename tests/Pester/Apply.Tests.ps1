#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Set-KubeResource (kubectl apply -f) and Compare-KubeResource (kubectl diff) as users type them, against a fake
# cluster; the hand-over from and back to kubectl runs the real kubectl where it is installed (always in CI).
BeforeDiscovery {
    $noKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    $kubeconfig = $cluster.KubeConfig
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig
    $folder = Join-Path ([IO.Path]::GetTempPath()) ("pskube-apply-" + [guid]::NewGuid())
    New-Item -ItemType Directory $folder | Out-Null

    function Write-Manifest([string] $Name, [string] $Text) {
        $path = Join-Path $folder $Name
        Set-Content -LiteralPath $path -Value $Text -NoNewline
        $path
    }

    $web = @'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
    tier: front
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: webcfg
data:
  color: blue
'@
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Set-KubeResource' {
    It 'creates what a file describes and outputs it typed' {
        $file = Write-Manifest web.yaml $web
        $applied = Set-KubeResource $file
        $applied.Count | Should -Be 2
        $applied[0].PSTypeNames | Should -Contain 'PSKube.Client.Models.Deployment'
        (Get-KubeDeployment web).Spec.Replicas | Should -Be 2
    }

    It 'changes nothing when the file is applied again: the same resourceVersion' {
        $file = Join-Path $folder web.yaml
        $before = (Get-KubeResource configmap webcfg).Metadata.ResourceVersion
        Set-KubeResource $file -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'configmap/webcfg*' } |
            ForEach-Object Message | Should -Be 'configmap/webcfg unchanged'
        (Get-KubeResource configmap webcfg).Metadata.ResourceVersion | Should -Be $before
    }

    It 'applies a changed replica count' {
        $file = Write-Manifest web.yaml ($web -replace 'replicas: 2', 'replicas: 3')
        Set-KubeResource $file | Out-Null
        (Get-KubeDeployment web).Spec.Replicas | Should -Be 3
    }

    It 'reports a field another manager owns, with the manager, and -Force takes it' {
        # Set-KubeLabel writes as an Update: the label is then its field, not the manifest's.
        Set-KubeLabel tier=back -Name deployment/web -Overwrite
        $file = Write-Manifest web.yaml ($web -replace 'replicas: 2', 'replicas: 3')
        Set-KubeResource $file -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ApplyConflict,*'
        $failures[0].ErrorDetails.Message | Should -BeLike '*web.yaml, document 1*.metadata.labels.tier (owned by "pskube", set by an earlier PSKube command such as Set-KubeImage*)*-Force*'
        (Get-KubeDeployment web).Metadata.Labels['tier'] | Should -Be 'back'
        Set-KubeResource $file -Force | Out-Null
        (Get-KubeDeployment web).Metadata.Labels['tier'] | Should -Be 'front'
    }

    It '-WhatIf changes nothing, and reports what the server would refuse' {
        $file = Write-Manifest whatif.yaml @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: planned
data:
  a: b
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: Bad_Name
'@
        Set-KubeResource $file -WhatIf -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ConfigMapInvalid,*'
        $failures[0].ErrorDetails.Message | Should -BeLike '*whatif.yaml, document 2*'
        Get-KubeResource configmap planned -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Set-KubeResource after kubectl apply' -Skip:$noKubectl {
    BeforeAll {
        $kubectlWeb = $web.Split("---`n")[0] -replace 'name: web', 'name: legacy' -replace 'app: web', 'app: legacy'
        $kubectlFile = Write-Manifest legacy.yaml $kubectlWeb
        kubectl --kubeconfig $kubeconfig apply -f $kubectlFile | Out-Null
    }

    It 'removes a field the file no longer sets, though kubectl applied it' {
        $file = Write-Manifest legacy.yaml ($kubectlWeb -replace "    tier: front`n", '')
        $removal = Compare-KubeResource $file | ForEach-Object Changes | Where-Object Path -eq 'metadata.labels.tier'
        $removal.LiveValue | Should -Be 'front'
        $removal.NewValue | Should -BeNullOrEmpty
        Set-KubeResource $file | Out-Null
        (Get-KubeDeployment legacy).Metadata.Labels.Keys | Should -Not -Contain 'tier'
        kubectl --kubeconfig $kubeconfig get deploy legacy -o 'jsonpath={.metadata.labels.tier}' | Should -BeNullOrEmpty
    }

    It 'leaves kubectl apply working afterwards' {
        $file = Write-Manifest legacy.yaml ($kubectlWeb -replace "    tier: front`n", '' -replace 'nginx:1.27', 'nginx:1.28')
        kubectl --kubeconfig $kubeconfig apply -f $file | Should -Be 'deployment.apps/legacy configured'
        $LASTEXITCODE | Should -Be 0
        (Get-KubeDeployment legacy).Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.28'
        kubectl --kubeconfig $kubeconfig apply --server-side -f $file 2>&1 | Should -Be 'deployment.apps/legacy serverside-applied'
        $LASTEXITCODE | Should -Be 0
    }
}

Describe 'Compare-KubeResource' {
    It 'shows the unified diff of what would change, and the changes as objects' {
        $file = Write-Manifest web.yaml ($web -replace 'replicas: 2', 'replicas: 4' -replace 'nginx:1.27', 'nginx:1.28')
        $comparison = Compare-KubeResource $file
        $comparison.Count | Should -Be 1
        $comparison.ObjectName | Should -Be 'deployment.apps/web'
        $comparison.Diff | Should -BeLike "diff -u -N LIVE/apps.v1.Deployment.default.web MERGED/apps.v1.Deployment.default.web*-      - image: nginx:1.27*+      - image: nginx:1.28*"
        ($comparison.Changes | Where-Object Path -eq 'spec.template.spec.containers[0].image').NewValue | Should -Be 'nginx:1.28'
        ($comparison | Out-String) | Should -BeLike '*+++ MERGED/apps.v1.Deployment.default.web*'
        (Get-KubeDeployment web).Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.27'
    }

    It '-Quiet is $true when something would change and $false when nothing would' {
        $changed = Write-Manifest web.yaml ($web -replace 'replicas: 2', 'replicas: 4' -replace 'nginx:1.27', 'nginx:1.28')
        Compare-KubeResource $changed -Quiet | Should -BeTrue
        Set-KubeResource $changed | Out-Null
        Compare-KubeResource $changed -Quiet | Should -BeFalse
        Compare-KubeResource $changed | Should -BeNullOrEmpty
        [int](Compare-KubeResource $changed -Quiet) | Should -Be 0
    }

    It 'shows a missing object as all new, from piped text' {
        $text = "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: brandnew`ndata:`n  k: v`n"
        $comparison = $text | Compare-KubeResource
        $comparison.Exists | Should -BeFalse
        $comparison.Diff | Should -BeLike '*+  name: brandnew*'
    }
}

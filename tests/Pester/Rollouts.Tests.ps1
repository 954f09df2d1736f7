#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# kubectl set image and kubectl rollout history / undo / restart / pause / resume as users type them in PSKube,
# against a fake cluster on a fast clock whose simulated kubelet runs the pods. Stateful and daemon sets are made from
# a manifest with New-KubeResource; kubectl reads their history back, side by side.
BeforeDiscovery {
    $noKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments '--time-scale', '20'
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig

    # The one error a command wrote (non-terminating) or threw (terminating).
    function Get-Failure([scriptblock] $Command) {
        $ErrorActionPreference = 'Continue'
        try { $written = @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) }
        catch { return $_ }
        $written[0]
    }

    function Get-Image($Deployment) { (Get-KubeDeployment $Deployment).Spec.Template.Spec.Containers[0].Image }

    # A set's controller records its revision on its next sync: the history once its newest revision is $Latest and current.
    function Wait-Revision([string] $Workload, [int] $Latest) {
        $deadline = [DateTime]::UtcNow.AddSeconds(15)
        do {
            $history = @(Get-KubeDeploymentHistory $Workload)
            if ($history.Count -gt 0 -and $history[-1].Revision -eq $Latest -and $history[-1].Current) { return $history }
            Start-Sleep -Milliseconds 50
        } while ([DateTime]::UtcNow -lt $deadline)
        throw "$Workload has no current revision $Latest"
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Set image, history and undo' {
    BeforeAll {
        New-KubeDeployment web -Image nginx:1.26 -Replicas 2 | Out-Null
        Wait-KubeDeployment web -Timeout 60 | Out-Null
    }

    It 'sets the image, outputs the changed deployment, and the history shows 2 revisions with the change cause' {
        $changed = Set-KubeImage deploy/web nginx=nginx:1.27 -ChangeCause 'nginx 1.27'
        $changed.Kind | Should -Be 'Deployment'
        $changed.Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.27'
        Wait-KubeDeployment web -Timeout 60 | Out-Null

        $history = Get-KubeDeploymentHistory web
        $history.Revision | Should -Be 1, 2
        $history[0].ChangeCause | Should -BeNullOrEmpty
        $history[1].ChangeCause | Should -Be 'nginx 1.27'
        $history[1].Current | Should -BeTrue
        ($history | Format-Table | Out-String) | Should -Match '1\s+<none>\s+nginx=nginx:1.26'
    }

    It 'shows one revision with its pod template' {
        $revision = Get-KubeDeploymentHistory web -Revision 1
        $revision.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.26'
        (Get-Failure { Get-KubeDeploymentHistory web -Revision 9 }).FullyQualifiedErrorId | Should -BeLike 'RevisionNotFound,*'
    }

    It 'undoes back to revision 1, which restores the image and rolls out' {
        $undone = Undo-KubeDeployment web
        $undone.Spec.Template.Spec.Containers[0].Image | Should -Be 'nginx:1.26'
        (Wait-KubeDeployment web -Timeout 60).Status.UpdatedReplicas | Should -Be 2
        (Get-KubeDeploymentHistory web).Revision | Should -Be 2, 3
        (Get-KubeReplicaSet -Selector app=web).Count | Should -Be 2
    }

    It 'goes to a revision with -ToRevision, or one piped from the history' {
        Undo-KubeDeployment web -ToRevision 2 | Out-Null
        Get-Image web | Should -Be 'nginx:1.27'
        Wait-KubeDeployment web -Timeout 60 | Out-Null
        Get-KubeDeploymentHistory web | Where-Object ChangeCause -ne 'nginx 1.27' | Undo-KubeDeployment | Out-Null
        Get-Image web | Should -Be 'nginx:1.26'
        Wait-KubeDeployment web -Timeout 60 | Out-Null
    }

    It 'skips a rollback to the template it runs, with a warning' {
        $current = (Get-KubeDeploymentHistory web | Where-Object Current).Revision
        $output = Undo-KubeDeployment web -ToRevision $current -WarningVariable warned 3>$null
        $output | Should -BeNullOrEmpty
        "$warned" | Should -BeLike "*skipped rollback (current template already matches revision $current)*"
    }

    It 'refuses a revision that is not in the history' {
        $failure = Get-Failure { Undo-KubeDeployment web -ToRevision 1 }
        $failure.FullyQualifiedErrorId | Should -BeLike 'RevisionNotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$failure" | Should -BeLike '*unable to find specified revision 1*'
    }
}

Describe 'Set-KubeImage forms' {
    BeforeAll {
        New-KubeDeployment api -Image nginx:1.26 | Out-Null
        New-KubeDeployment side -Image busybox -Replicas 1 | Out-Null
        New-KubePod solo -Image alpine -- sleep 3600 | Out-Null
    }

    It 'sets every container with *=IMAGE' {
        (Set-KubeImage api '*=nginx:1.28').Spec.Template.Spec.Containers.Image | Should -Be 'nginx:1.28'
    }

    It 'takes a hashtable and -Kind with names' {
        (Set-KubeImage api @{ nginx = 'nginx:1.29' } -Kind deployment).Spec.Template.Spec.Containers.Image | Should -Be 'nginx:1.29'
    }

    It 'changes piped objects of several kinds, each typed' {
        $changed = @(Get-KubeDeployment side; Get-KubePod solo) | Set-KubeImage -Image '*=busybox:1.36'
        $changed.Kind | Should -Be 'Deployment', 'Pod'
        (Get-KubePod solo).Spec.Containers[0].Image | Should -Be 'busybox:1.36'
    }

    It 'names the containers that exist when one is unknown, and changes nothing' {
        $failure = Get-Failure { Set-KubeImage api ngnix=nginx:1.30 }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ContainerNotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$failure" | Should -BeLike '*unable to find container named "ngnix"; its containers are nginx*'
        Get-Image api | Should -Be 'nginx:1.29'
    }

    It 'refuses an invalid image before any request' {
        $failure = Get-Failure { Set-KubeImage api 'nginx=Not An Image' }
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidImage,*'
        "$failure" | Should -BeLike '*invalid reference format*'
    }

    It 'refuses kinds without containers' {
        (Get-Failure { Set-KubeImage svc/kubernetes x=nginx }).FullyQualifiedErrorId | Should -BeLike 'KindWithoutContainers,*'
        (Get-Failure { Get-KubeService kubernetes | Set-KubeImage -Image x=nginx }).FullyQualifiedErrorId | Should -BeLike 'ObjectWithoutContainers,*'
    }

    It 'changes nothing with -WhatIf' {
        $output = Set-KubeImage api nginx=nginx:1.31 -WhatIf
        $output | Should -BeNullOrEmpty
        Get-Image api | Should -Be 'nginx:1.29'
        (Get-Failure { Set-KubeImage api nope=nginx:1.31 -WhatIf }).FullyQualifiedErrorId | Should -BeLike 'ContainerNotFound,*'
    }
}

Describe 'Restart, suspend and resume' {
    BeforeAll {
        New-KubeDeployment pingpong -Image jpetazzo/ping -Replicas 2 | Out-Null
        Wait-KubeDeployment pingpong -Timeout 60 | Out-Null
    }

    It 'restarts from the pipeline with a new replica set, and Wait-KubeDeployment completes' {
        $before = (Get-KubeReplicaSet -Selector app=pingpong).Name
        $restarted = Get-KubeDeployment pingpong | Restart-KubeDeployment
        $restarted.Spec.Template.Metadata.Annotations['kubectl.kubernetes.io/restartedAt'] | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'
        $done = $restarted | Wait-KubeDeployment -Timeout 60
        $done.Status.UpdatedReplicas | Should -Be 2
        $after = Get-KubeReplicaSet -Selector app=pingpong
        $after.Count | Should -Be 2
        ($after | Where-Object Name -NotIn $before).Status.ReadyReplicas | Should -Be 2
    }

    It 'does not roll out a change while suspended, and rolls it out once resumed' {
        (Suspend-KubeDeployment deploy/pingpong).Spec.Paused | Should -BeTrue
        Set-KubeImage pingpong ping=alpine | Out-Null
        Start-Sleep -Milliseconds 1500
        (Get-KubeReplicaSet -Selector app=pingpong).Count | Should -Be 2
        (Get-KubeDeploymentHistory pingpong).Revision | Should -Be 1, 2

        (Get-Failure { Suspend-KubeDeployment pingpong }).FullyQualifiedErrorId | Should -BeLike 'DeploymentAlreadyPaused,*'
        (Get-Failure { Restart-KubeDeployment pingpong }).FullyQualifiedErrorId | Should -BeLike 'DeploymentPaused,*'
        (Get-Failure { Undo-KubeDeployment pingpong }).FullyQualifiedErrorId | Should -BeLike 'DeploymentPaused,*'

        (Resume-KubeDeployment pingpong).Spec.Paused | Should -Not -BeTrue
        (Wait-KubeDeployment pingpong -Timeout 60).Spec.Template.Spec.Containers[0].Image | Should -Be 'alpine'
        (Get-KubeDeploymentHistory pingpong).Revision | Should -Be 1, 2, 3
        (Get-Failure { Resume-KubeDeployment pingpong }).FullyQualifiedErrorId | Should -BeLike 'DeploymentNotPaused,*'
    }

    It 'changes nothing with -WhatIf' {
        $generation = (Get-KubeDeployment pingpong).Metadata.Generation
        Restart-KubeDeployment pingpong -WhatIf | Should -BeNullOrEmpty
        Suspend-KubeDeployment pingpong -WhatIf | Should -BeNullOrEmpty
        Undo-KubeDeployment pingpong -WhatIf | Should -BeNullOrEmpty
        $deployment = Get-KubeDeployment pingpong
        $deployment.Metadata.Generation | Should -Be $generation
        $deployment.Spec.Paused | Should -Not -BeTrue
    }

    It 'refuses objects of other kinds from the pipeline' {
        (Get-Failure { Get-KubePod solo | Restart-KubeDeployment }).FullyQualifiedErrorId | Should -BeLike 'UnrelatedInputObject,*'
    }
}

Describe 'Stateful and daemon sets' -Skip:$noKubectl {
    BeforeAll {
        $manifest = Join-Path $cluster.Folder 'sets.yaml'
        @'
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: "postgres:16"}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec: {containers: [{name: agent, image: "fluentd:1"}]}
'@ | Set-Content $manifest
        New-KubeResource -Path $manifest | Out-Null
        # Their controllers record revision 1 on their first sync: a change before that would be revision 1 itself.
        Wait-Revision sts/db 1 | Out-Null
        Wait-Revision ds/agent 1 | Out-Null
    }

    It 'sets the image of a stateful set and shows its history from controller revisions, as kubectl does' {
        (Set-KubeImage sts/db db=postgres:17).Kind | Should -Be 'StatefulSet'
        $history = Wait-Revision sts/db 2
        $history.Images | Should -Be 'db=postgres:16', 'db=postgres:17'
        ($history | Format-Table | Out-String) | Should -Match 'statefulset.apps/db'
        (kubectl --kubeconfig $cluster.KubeConfig rollout history sts/db | Select-Object -Skip 2 | Where-Object { $_ }).Trim() -replace '\s+', ' ' |
            Should -Be '1 <none>', '2 <none>'
    }

    It 'undoes a piped stateful set, and a revision piped from its history' {
        $undone = Get-KubeResource statefulsets db | Undo-KubeDeployment
        $undone.Spec.Template.Spec.Containers[0].Image | Should -Be 'postgres:16'
        Wait-Revision sts/db 3 | Out-Null
        Get-KubeDeploymentHistory sts/db | Where-Object { $_.Images -contains 'db=postgres:17' } | Undo-KubeDeployment | Out-Null
        (Wait-Revision sts/db 4)[-1].Images | Should -Be 'db=postgres:17'
    }

    It 'restarts a daemon set named with -Kind, which makes a new revision' {
        $restarted = Restart-KubeDeployment agent -Kind daemonset
        $restarted.Kind | Should -Be 'DaemonSet'
        (Wait-Revision ds/agent 2).Count | Should -Be 2
    }

    It 'refuses to suspend or resume them, as kubectl does' {
        (Get-Failure { Suspend-KubeDeployment sts/db }).FullyQualifiedErrorId | Should -BeLike 'RolloutNotSupported,*'
        (Get-Failure { Resume-KubeDeployment ds/agent }).FullyQualifiedErrorId | Should -BeLike 'RolloutNotSupported,*'
    }
}

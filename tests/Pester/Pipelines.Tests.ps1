#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# How names and objects come through the pipeline: every piped kind into every Get cmdlet is either meaningful or
# refused (never widened to every object), names come as strings, rows and KIND/NAME. Against a fake cluster at 20x;
# the stateful set and the config map are made with kubectl where it is installed.
BeforeDiscovery {
    $noKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
    $getCommands = 'Get-KubePod', 'Get-KubeDeployment', 'Get-KubeReplicaSet', 'Get-KubeJob', 'Get-KubeCronJob', 'Get-KubeService',
        'Get-KubeNamespace', 'Get-KubeNode', 'Get-KubeEvent'
    # What each piped kind may go into, besides the Get of its own kind (written out: a changed rule shows here).
    $works = @{
        Pod         = 'Get-KubeEvent'
        Deployment  = 'Get-KubeReplicaSet', 'Get-KubePod', 'Get-KubeService', 'Get-KubeEvent'
        ReplicaSet  = 'Get-KubePod', 'Get-KubeEvent'
        StatefulSet = 'Get-KubePod', 'Get-KubeService', 'Get-KubeEvent'
        Job         = 'Get-KubePod', 'Get-KubeEvent'
        CronJob     = 'Get-KubeJob', 'Get-KubeEvent'
        Service     = 'Get-KubePod', 'Get-KubeEvent'
        Node        = 'Get-KubePod', 'Get-KubeEvent'
        Namespace   = 'Get-KubePod', 'Get-KubeDeployment', 'Get-KubeReplicaSet', 'Get-KubeJob', 'Get-KubeCronJob', 'Get-KubeService', 'Get-KubeEvent'
        Event       = @()
        ConfigMap   = 'Get-KubeEvent'
    }
    $pairs = foreach ($kind in $works.Keys) {
        foreach ($command in $getCommands) {
            $own = $command -eq "Get-Kube$kind"
            @{ Kind = $kind; Command = $command; Works = $own -or $works[$kind] -contains $command; Own = $own
               NeedsKubectl = $kind -in 'StatefulSet', 'ConfigMap' }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '20')
    $kubeconfig = $cluster.KubeConfig
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig

    New-KubeNamespace team-a | Out-Null
    New-KubePod solo -Namespace team-a -Image alpine -- sleep 3600 | Out-Null
    New-KubeDeployment web -Image nginx -Replicas 2 | Out-Null
    Get-KubeDeployment web | New-KubeService -Port 80 | Out-Null
    New-KubeService other -Selector @{ app = 'other' } -Port 80 | Out-Null
    New-KubeDeployment api -Image nginx | Out-Null
    New-KubeDeployment pinger -Image jpetazzo/ping -Replicas 2 | Out-Null
    New-KubeCronJob nightly -Schedule '0 3 * * *' -Image alpine -- sleep 1 | Out-Null
    Start-KubeCronJob nightly -JobName nightly-manual | Out-Null
    New-KubeJob unrelated -Image alpine -- sleep 1 | Out-Null
    if (Get-Command kubectl -ErrorAction SilentlyContinue) {
        kubectl --kubeconfig $kubeconfig create configmap settings --from-literal=a=b | Out-Null
        @'
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 1
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [ { name: db, image: postgres } ] }
'@ | kubectl --kubeconfig $kubeconfig apply -f - | Out-Null
    }
    Wait-KubeDeployment web, api, pinger -Timeout 60 | Out-Null

    $samples = @{
        Pod         = { Get-KubePod solo -Namespace team-a }
        Deployment  = { Get-KubeDeployment web }
        ReplicaSet  = { Get-KubeDeployment web | Get-KubeReplicaSet | Select-Object -First 1 }
        StatefulSet = { Get-KubeResource statefulsets db }
        Job         = { Get-KubeJob unrelated }
        CronJob     = { Get-KubeCronJob nightly }
        Service     = { Get-KubeService web }
        Node        = { Get-KubeNode | Select-Object -First 1 }
        Namespace   = { Get-KubeNamespace team-a }
        Event       = { Get-KubeEvent | Select-Object -First 1 }
        ConfigMap   = { Get-KubeResource configmaps settings }
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Every piped kind into every Get cmdlet' {
    It '<Kind> | <Command>: meaningful (<Works>) or refused' -ForEach $pairs -Skip:($NeedsKubectl -and $noKubectl) {
        $piped = & $samples[$Kind]
        $piped | Should -Not -BeNullOrEmpty
        $output = @($piped | & $Command -ErrorVariable failures -ErrorAction SilentlyContinue)
        if ($Works) {
            $failures | Should -BeNullOrEmpty
            if ($Own) { $output.Name | Should -Be $piped.Name }
        }
        else {
            $output | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'UnrelatedInputObject,*'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].Exception.Message | Should -BeLike "$Command cannot use $($Kind.ToLowerInvariant())/*"
            $failures[0].TargetObject.Name | Should -Be $piped.Name
        }
    }
}

Describe 'Relations between kinds' {
    It 'a CronJob gives the jobs it owns, not every job (the dangerous pipe of wave 1)' {
        (Get-KubeCronJob nightly | Get-KubeJob).Name | Should -Be 'nightly-manual'
    }

    It 'removes nothing when a CronJob is piped into Remove-KubeJob, and says what works' {
        Get-KubeCronJob nightly | Remove-KubeJob -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'UnrelatedInputObject,*'
        $failures[0].Exception.Message | Should -BeLike '*Get-KubeJob (the jobs it owns)*'
        (Get-KubeJob).Name | Should -Contain 'unrelated'
        (Get-KubeJob).Name | Should -Contain 'nightly-manual'
    }

    It 'a Namespace gives the objects in it' {
        (Get-KubeNamespace team-a | Get-KubePod).Name | Should -Be 'solo'
        @(Get-KubeNamespace team-a | Get-KubeDeployment).Count | Should -Be 0
    }

    It 'a Deployment gives the replica sets it owns and the services that select its pods' {
        $sets = @(Get-KubeDeployment web | Get-KubeReplicaSet)
        $sets.Count | Should -Be 1
        $sets[0].Name | Should -BeLike 'web-*'
        (Get-KubeDeployment web | Get-KubeService).Name | Should -Be 'web'
        @(Get-KubeDeployment api | Get-KubeService).Count | Should -Be 0
    }

    It 'a Service gives its endpoints through Get-KubeResource' {
        (Get-KubeService web | Get-KubeResource endpoints).Name | Should -Be 'web'
    }

    It 'names typed on the command line narrow what the piped object stands for' {
        $first = (Get-KubePod -Selector app=web | Select-Object -First 1).Name
        (Get-KubeDeployment web | Get-KubePod $first).Name | Should -Be $first
        @(Get-KubeDeployment web | Get-KubePod 'nothing-*').Count | Should -Be 0
    }

    It 'a piped object of the command''s own kind is read again' {
        $saved = Get-KubeDeployment web
        ($saved | Get-KubeDeployment).Metadata.Uid | Should -Be $saved.Metadata.Uid
        ($saved | Get-KubeResource).Name | Should -Be 'web'
    }
}

Describe 'Names as users pass them' {
    It 'takes strings by value, a missing one an error for it alone' {
        $found = @('web', 'nothing', 'api' | Get-KubeDeployment -ErrorVariable failures -ErrorAction SilentlyContinue)
        $found.Name | Should -Be 'web', 'api'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DeploymentNotFound,*'
    }

    It 'takes any object with Name and Namespace properties: Import-Csv rows, PSCustomObject' {
        $rows = "Name,Namespace`nsolo,team-a`nweb,default" | ConvertFrom-Csv
        $rows[0] | Get-KubePod | ForEach-Object Name | Should -Be 'solo'
        ([pscustomobject]@{ Name = 'web' } | Get-KubeDeployment).Name | Should -Be 'web'
    }

    It 'takes kubectl''s KIND/NAME in every spelling of the kind' {
        (Get-KubeDeployment deploy/web).Name | Should -Be 'web'
        (Get-KubeDeployment deployments.apps/web).Name | Should -Be 'web'
        (Get-KubeResource deploy/web).Name | Should -Be 'web'
        { Get-KubeResource deploy/web -Name api } | Should -Throw '*KIND/NAME pairs (deploy/web), not both*'
        { Remove-KubeResource deploy/web pods -Confirm:$false } | Should -Throw '*not both*'
        (Get-KubeNamespace ns/team-a).Name | Should -Be 'team-a'
        (Wait-KubeDeployment deployment/web -Timeout 30).Name | Should -Be 'web'
    }

    It 'refuses a name of another kind, saying which command takes it' {
        Get-KubeDeployment pod/solo -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'NameOfOtherKind,*'
        $failures[0].Exception.Message | Should -BeLike '*names a pod*use Get-KubePod solo*'
        Remove-KubePod deploy/web -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].Exception.Message | Should -BeLike '*use Remove-KubeDeployment web*'
        (Get-KubeDeployment web).Name | Should -Be 'web'
        Wait-KubeJob cronjob/nightly -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'NameOfOtherKind,*'
    }

    It 'removes by KIND/NAME and by piped strings' {
        New-KubeJob gone-1 -Image alpine -- sleep 1 | Out-Null
        New-KubeJob gone-2 -Image alpine -- sleep 1 | Out-Null
        Remove-KubeJob job/gone-1 -Confirm:$false
        'gone-2' | Remove-KubeJob -Confirm:$false
        (Get-KubeJob).Name | Should -Not -Contain 'gone-1'
        (Get-KubeJob).Name | Should -Not -Contain 'gone-2'
        New-KubeJob gone-3 -Image alpine -- sleep 1 | Out-Null
        Remove-KubeResource job/gone-3 -Confirm:$false
        (Get-KubeJob).Name | Should -Not -Contain 'gone-3'
    }

    It 'reads the logs of a workload named as KIND/NAME, as when it is piped' {
        $lines = @(Receive-KubeLog deploy/pinger -Tail 1)
        ($lines.Pod | Sort-Object -Unique).Count | Should -Be 2
    }

    It 'reads the logs of pods named by piped strings' {
        $names = (Get-KubePod -Selector app=pinger).Name
        $lines = @($names | Receive-KubeLog -Tail 1)
        ($lines.Pod | Sort-Object -Unique) | Should -Be ($names | Sort-Object)
    }

    It 'scales a piped name' {
        'api' | Set-KubeReplicas 2 -Confirm:$false
        (Get-KubeDeployment api).Spec.Replicas | Should -Be 2
    }

    It 'refuses a Namespace piped into Set-KubeReplicas instead of scaling something of its name' {
        Get-KubeNamespace team-a | Set-KubeReplicas 0 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ObjectCannotBeScaled,*'
    }

    It 'acts on a piped object in its own namespace even when $PSDefaultParameterValues sets -Namespace' {
        New-KubePod visitor -Namespace team-a -Image alpine -- sleep 3600 | Out-Null
        $PSDefaultParameterValues['*-Kube*:Namespace'] = 'default'
        try {
            Get-KubePod visitor -Namespace team-a | Remove-KubePod -GracePeriod 0 -Wait -Confirm:$false
        }
        finally {
            $PSDefaultParameterValues.Remove('*-Kube*:Namespace')
        }
        (Get-KubePod -Namespace team-a).Name | Should -Not -Contain 'visitor'
    }
}

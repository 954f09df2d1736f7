#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The New-* generators and Start-KubeCronJob against a fake cluster started for this suite (its clock runs 30x, so
# pods start and short jobs finish in moments).
# Types are named by their full name: PSKube.Client loads in a private load context, so [PSKube.Client.Models.Pod] does not resolve.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '30')
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
    # A kubeconfig that does not exist: a command that got as far as a request would fail with KubeConfigUnusable.
    $nowhere = Join-Path $cluster.Folder 'missing-config'
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'New-* -DryRun' {
    It 'builds a pod whose args are the words after --, those that look like parameters too' {
        $pod = New-KubePod pingpong -Image alpine -DryRun -KubeConfig $nowhere -- ping 127.0.0.1
        $pod.GetType().FullName | Should -Be 'PSKube.Client.Models.Pod'
        $pod.Metadata.Labels['run'] | Should -Be 'pingpong'
        $pod.Spec.Containers[0].Args | Should -Be @('ping', '127.0.0.1')
        $failing = New-KubePod failing -Image alpine -Restart never -Command -DryRun -KubeConfig $nowhere -- sh -c 'exit 1'
        $failing.Spec.Containers[0].Command | Should -Be @('sh', '-c', 'exit 1')
        $failing.Spec.RestartPolicy | Should -Be 'Never'
    }

    It 'builds a Deployment ready for ConvertTo-KubeYaml' {
        $yaml = New-KubeDeployment elastic -Image elasticsearch:2 -Replicas 7 -DryRun -KubeConfig $nowhere | ConvertTo-KubeYaml
        $yaml | Should -BeLike '*replicas: 7*'
        $yaml | Should -BeLike '*app: elastic*'
        $yaml | Should -BeLike '*name: elasticsearch*'
    }

    It 'builds a Job with completions, parallelism and a deadline' {
        $job = New-KubeJob render -Image alpine -Completions 5 -Parallelism 2 -ActiveDeadline 2m -DryRun -KubeConfig $nowhere -- sleep 3
        $job.Spec.Completions | Should -Be 5
        $job.Spec.Parallelism | Should -Be 2
        $job.Spec.ActiveDeadlineSeconds | Should -Be 120
        $job.Spec.Template.Spec.Containers[0].Command | Should -Be @('sleep', '3')
    }

    It 'builds a CronJob with the settings kubectl create cannot set' {
        $cronJob = New-KubeCronJob every3mins -Schedule '*/3 * * * *' -Image alpine -Suspend -ConcurrencyPolicy forbid -TimeZone Etc/UTC -DryRun -KubeConfig $nowhere -- sleep 10
        $cronJob.Spec.Schedule | Should -Be '*/3 * * * *'
        $cronJob.Spec.Suspend | Should -BeTrue
        $cronJob.Spec.ConcurrencyPolicy | Should -Be 'Forbid'
        $cronJob.Spec.JobTemplate.Spec.Template.Spec.RestartPolicy | Should -Be 'OnFailure'
    }

    It 'builds a Service from a piped Deployment and from a selector' {
        $service = New-KubeDeployment elastic -Image elasticsearch:2 -DryRun -KubeConfig $nowhere | New-KubeService -Port 9200 -DryRun -KubeConfig $nowhere
        $service.Name | Should -Be 'elastic'
        $service.Spec.Selector['app'] | Should -Be 'elastic'
        $service.Spec.Ports[0].Port | Should -Be 9200
        $web = New-KubeService web -Selector app=web,tier=front -Port 80, 443 -Type nodeport -DryRun -KubeConfig $nowhere
        $web.Spec.Selector.Count | Should -Be 2
        $web.Spec.Ports.Name | Should -Be @('port-1', 'port-2')
        $web.Spec.Type | Should -Be 'NodePort'
    }
}

Describe 'Bad input is refused before any request' {
    It 'says which field of a schedule is wrong, at binding' {
        { New-KubeCronJob bad -Schedule '61 * * * *' -Image alpine -KubeConfig $nowhere -- sleep 1 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,PSKube.Commands.Jobs.NewKubeCronJobCommand' -ExpectedMessage '*minute*'
        { New-KubeCronJob bad -Schedule '*/3 * * *' -Image alpine -KubeConfig $nowhere -- sleep 1 } | Should -Throw -ExpectedMessage '*4 field*'
    }

    It 'refuses invalid names with InvalidName' {
        { New-KubeJob Bad_Name -Image alpine -KubeConfig $nowhere -ErrorAction Stop -- sleep 1 } | Should -Throw -ErrorId 'InvalidName,PSKube.Commands.Jobs.NewKubeJobCommand'
        { New-KubePod 'web pod' -Image alpine -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName,PSKube.Commands.Pods.NewKubePodCommand'
        { Start-KubeCronJob Bad_Name -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName,PSKube.Commands.Jobs.StartKubeCronJobCommand'
    }

    It 'refuses a Service without a selector or ports, and a selector that is not key=value' {
        { New-KubeService lonely -Port 80 -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSelector,PSKube.Commands.Services.NewKubeServiceCommand'
        { New-KubeService lonely -Selector app=web -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPort,PSKube.Commands.Services.NewKubeServiceCommand' -ExpectedMessage '*Give -Port*'
        { New-KubeService lonely -Selector 'app!=web' -Port 80 -KubeConfig $nowhere } | Should -Throw -ExpectedMessage '*key=value*'
    }

    It 'refuses an image reference kubectl run refuses, naming -Image' {
        New-KubePod web -Image UPPER:case -KubeConfig $nowhere -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidImage,PSKube.Commands.Pods.NewKubePodCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Message | Should -BeLike 'Invalid image name "UPPER:case": invalid reference format. Give -Image as *'
        $failure[0].Exception.Message | Should -Not -BeLike '*ContainerName*'
        { New-KubeDeployment web -Image UPPER -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidImage,PSKube.Commands.Workloads.NewKubeDeploymentCommand' -ExpectedMessage '*-Image*'
        { New-KubeJob once -Image 'nginx:' -KubeConfig $nowhere -ErrorAction Stop -- sleep 1 } | Should -Throw -ErrorId 'InvalidImage,PSKube.Commands.Jobs.NewKubeJobCommand'
    }

    It 'names the parameter the user typed, not the generator''s option' {
        { New-KubePod web -Image nginx -Env @{ '1A' = 'x' } -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidEnv,PSKube.Commands.Pods.NewKubePodCommand'
        { New-KubePod web.v1 -Image nginx -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName,PSKube.Commands.Pods.NewKubePodCommand' -ExpectedMessage '*Give -Name*'
        { New-KubeDeployment web -Image nginx -Port 70000 -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPort,PSKube.Commands.Workloads.NewKubeDeploymentCommand' -ExpectedMessage '*Give -Port a number*'
    }

    It 'refuses a request above its limit and -Timeout without -Wait' {
        { New-KubePod web -Image nginx -Requests @{ cpu = '2' } -Limits @{ cpu = '1' } -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRequests,PSKube.Commands.Pods.NewKubePodCommand'
        { New-KubeJob quick -Image alpine -Timeout 5 -KubeConfig $nowhere -- sleep 1 } | Should -Throw -ErrorId 'TimeoutWithoutWait,PSKube.Commands.Jobs.NewKubeJobCommand'
    }
}

Describe 'Creating' {
    It 'creates nothing with -WhatIf' {
        New-KubePod ghost -Image alpine -WhatIf
        New-KubeDeployment ghost -Image nginx -WhatIf
        New-KubeJob ghost -Image alpine -WhatIf -- sleep 1
        New-KubeCronJob ghost -Schedule '@daily' -Image alpine -WhatIf
        New-KubeService ghost -Selector app=ghost -Port 80 -WhatIf
        Get-KubePod ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeDeployment ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeJob ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeCronJob ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeService ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'runs a pod and waits until it is Ready' {
        $pod = New-KubePod pingpong -Image alpine -Wait -Timeout 60 -- ping 127.0.0.1
        $pod.Status | Should -Be 'Running'
        $pod.Ready | Should -BeTrue
        $pod.ReadyContainers | Should -Be '1/1'
    }

    It 'reports a pod that fails while waiting, and outputs it' {
        $pod = New-KubePod failing -Image alpine -Restart Never -Command -Wait -Timeout 60 -ErrorVariable failure -ErrorAction SilentlyContinue -- sh -c 'exit 1'
        $pod.Name | Should -Be 'failing'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodFailed*'
    }

    It 'reports an existing object as AlreadyExists, also with -WhatIf (a server dry run)' {
        New-KubePod pingpong -Image alpine -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodAlreadyExists*'
        New-KubePod pingpong -Image alpine -WhatIf -ErrorVariable dryRun -ErrorAction SilentlyContinue
        $dryRun[0].FullyQualifiedErrorId | Should -BeLike 'PodAlreadyExists*'
    }

    It 'creates a Deployment and exposes it' {
        $deployment = New-KubeDeployment elastic -Image elasticsearch:2 -Replicas 7
        $deployment.GetType().FullName | Should -Be 'PSKube.Client.Models.Deployment'
        $service = Get-KubeDeployment elastic | New-KubeService -Port 9200
        $service.Name | Should -Be 'elastic'
        (Get-KubeService elastic).Spec.ClusterIP | Should -Not -BeNullOrEmpty
    }

    It 'runs a Job to completion with -Wait, and reports a failed one' {
        $job = New-KubeJob render -Image alpine -Completions 3 -Parallelism 2 -Wait -Timeout 2m -- sleep 3
        $job.Status | Should -Be 'Complete'
        New-KubeJob doomed -Image alpine -BackoffLimit 0 -Wait -Timeout 2m -ErrorVariable failure -ErrorAction SilentlyContinue -- sh -c 'exit 2'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'JobFailed*'
    }

    It 'creates a CronJob with its next run, and starts it by hand' {
        $cronJob = New-KubeCronJob every3mins -Schedule '*/3 * * * *' -Image alpine -- sleep 10
        $cronJob.NextRun | Should -Not -BeNullOrEmpty
        $job = Start-KubeCronJob every3mins
        $job.Name | Should -BeLike 'every3mins-manual-*'
        $job.Metadata.OwnerReferences[0].Name | Should -Be 'every3mins'
        $named = Get-KubeCronJob every3mins | Start-KubeCronJob -JobName every3mins-now
        $named.Name | Should -Be 'every3mins-now'
    }

    It 'starts nothing with -WhatIf or -DryRun, and reports a missing CronJob' {
        # Named, since the CronJob itself starts jobs every few seconds on the fake cluster's fast clock.
        Start-KubeCronJob every3mins -JobName what-if -WhatIf
        (Start-KubeCronJob every3mins -JobName dry-run -DryRun).Metadata.Annotations['cronjob.kubernetes.io/instantiate'] | Should -Be 'manual'
        Get-KubeJob what-if -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeJob dry-run -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Start-KubeCronJob missing -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'CronJobNotFound*'
    }
}

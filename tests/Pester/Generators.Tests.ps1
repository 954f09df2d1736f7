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
        $web.Spec.Ports.Name | Should -Be @('80', '443')
        $web.Spec.Type | Should -Be 'NodePort'
        $web.Metadata.Labels['app'] | Should -Be 'web'
    }

    It 'names several ports of an exposed object port-1, port-2, and one port not at all' {
        $deployment = New-KubeDeployment web -Image nginx -Port 80 -DryRun -KubeConfig $nowhere
        ($deployment | New-KubeService -Port 80, 8080 -DryRun -KubeConfig $nowhere).Spec.Ports.Name | Should -Be @('port-1', 'port-2')
        ($deployment | New-KubeService -DryRun -KubeConfig $nowhere).Spec.Ports[0].Name | Should -BeNullOrEmpty
    }

    It 'builds a Service from a name as kubectl create service does, a target port for each port' {
        $web = New-KubeService web -Port 80:8080, 443:https, 9000 -DryRun -KubeConfig $nowhere
        $web.Spec.Ports.Name | Should -Be @('80-8080', '443-https', '9000')
        $web.Spec.Ports.TargetPort | ForEach-Object { "$_" } | Should -Be @('8080', 'https', '9000')
        $web.Spec.Selector['app'] | Should -Be 'web'
        $web.Spec.Type | Should -Be 'ClusterIP'
        (New-KubeService web -TcpPort 80 -TargetPort 8080 -DryRun -KubeConfig $nowhere).Spec.Ports[0].Name | Should -Be '80-8080'
        "$((New-KubeService web -Tcp 80:8080 -DryRun -KubeConfig $nowhere).Spec.Ports[0].TargetPort)" | Should -Be '8080'
    }

    It 'builds NodePort, headless and ExternalName Services' {
        $nodePort = New-KubeService np -Port 80:8080 -NodePort 30080 -DryRun -KubeConfig $nowhere
        $nodePort.Spec.Type | Should -Be 'NodePort'
        $nodePort.Spec.Ports[0].NodePort | Should -Be 30080
        $headless = New-KubeService db -ClusterIP none -DryRun -KubeConfig $nowhere
        $headless.Spec.ClusterIP | Should -Be 'None'
        $headless.Spec.Ports | Should -BeNullOrEmpty
        $external = New-KubeService billing -ExternalName billing.example.com -DryRun -KubeConfig $nowhere
        $external.Spec.Type | Should -Be 'ExternalName'
        $external.Spec.ExternalName | Should -Be 'billing.example.com'
        (New-KubeDeployment db -Image postgres -DryRun -KubeConfig $nowhere | New-KubeService -ClusterIP None -DryRun -KubeConfig $nowhere).Spec.ClusterIP | Should -Be 'None'
    }

    It 'sets no namespace on what it builds from a piped object, unless -Namespace is typed' {
        $deployment = New-KubeDeployment web -Image nginx -Port 80 -DryRun -KubeConfig $nowhere
        $deployment.Metadata.Namespace = 'team-a'
        ($deployment | New-KubeService -DryRun -KubeConfig $nowhere).Metadata.Namespace | Should -BeNullOrEmpty
        # A typed -Namespace names the namespace in metadata: the piped object's own, where the Service goes, as everywhere in the module.
        ($deployment | New-KubeService -Namespace team-b -DryRun -KubeConfig $nowhere).Metadata.Namespace | Should -Be 'team-a'
        (New-KubeService web -Port 80 -Namespace team-b -DryRun -KubeConfig $nowhere).Metadata.Namespace | Should -Be 'team-b'
    }

    It 'builds a pod with annotations, a pull policy, privileges, KEY=value variables and overrides' {
        $pod = New-KubePod api -Image nginx -Env LOG_LEVEL=debug, 'JAVA_OPTS=-Xmx1g -Dmode=a,b' -Annotation owner=team-a, 'note=x = y' -ImagePullPolicy always -Privileged -DryRun -KubeConfig $nowhere
        $container = $pod.Spec.Containers[0]
        $container.Env.Name | Should -Be @('LOG_LEVEL', 'JAVA_OPTS')
        $container.Env.Value | Should -Be @('debug', '-Xmx1g -Dmode=a,b')
        $pod.Metadata.Annotations['note'] | Should -Be 'x = y'
        $container.ImagePullPolicy | Should -Be 'Always'
        $container.SecurityContext.Privileged | Should -BeTrue
        (New-KubePod api -Image nginx -Env @{ MODE = 'test' } -DryRun -KubeConfig $nowhere).Spec.Containers[0].Env[0].Value | Should -Be 'test'

        $overridden = New-KubePod api -Image nginx -Overrides @{ spec = @{ nodeName = 'fake-node-1'; dnsPolicy = $null }; metadata = @{ labels = @{ run = $null; tier = 'be' } } } -DryRun -KubeConfig $nowhere
        $overridden.Spec.NodeName | Should -Be 'fake-node-1'
        $overridden.Spec.DnsPolicy | Should -BeNullOrEmpty
        $overridden.Metadata.Labels.Keys | Should -Be @('tier')
        (New-KubePod api -Image nginx -Overrides '{"spec":{"hostNetwork":true}}' -DryRun -KubeConfig $nowhere).Spec.HostNetwork | Should -BeTrue
    }

    It 'builds a Deployment of several images and a namespace' {
        $deployment = New-KubeDeployment shop -Image nginx:1.27, registry.example.com/team/log-shipper:3 -Port 80 -DryRun -KubeConfig $nowhere
        $deployment.Spec.Template.Spec.Containers.Name | Should -Be @('nginx', 'log-shipper')
        $deployment.Spec.Template.Spec.Containers[0].Ports[0].ContainerPortValue | Should -Be 80
        $namespace = New-KubeNamespace staging -Label @{ env = 'qa' } -DryRun -KubeConfig $nowhere
        $namespace.Name | Should -Be 'staging'
        $namespace.Metadata.Labels['env'] | Should -Be 'qa'
        $namespace | ConvertTo-KubeYaml | Should -BeLike '*kind: Namespace*'
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

    It 'refuses a Service without ports, and a selector that is not key=value' {
        { New-KubeService lonely -Selector app=web -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPort,PSKube.Commands.Services.NewKubeServiceCommand' -ExpectedMessage '*Give -Port*'
        { New-KubeService lonely -Selector 'app!=web' -Port 80 -KubeConfig $nowhere } | Should -Throw -ExpectedMessage '*key=value*'
    }

    It 'refuses Services the API server would refuse, naming the parameter' {
        { New-KubeService web -Port 80:Http -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPort,PSKube.Commands.Services.NewKubeServiceCommand'
        { New-KubeService web -Port 80 -Type NodePort -ClusterIP None -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidClusterIP,PSKube.Commands.Services.NewKubeServiceCommand'
        { New-KubeService web -Port 80 -Type ClusterIP -NodePort 30080 -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidNodePort,PSKube.Commands.Services.NewKubeServiceCommand'
        { New-KubeService db -ExternalName Db_Host -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidExternalName,PSKube.Commands.Services.NewKubeServiceCommand'
        $pod = New-KubePod web -Image nginx -Port 80 -DryRun -KubeConfig $nowhere
        { $pod | New-KubeService -ExternalName db.example.com -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidExternalName,PSKube.Commands.Services.NewKubeServiceCommand'
    }

    It 'refuses bad overrides, KEY=value text without =, and two images with one container name' {
        { New-KubePod web -Image nginx -Overrides '{spec' -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidOverrides,PSKube.Commands.Pods.NewKubePodCommand' -ExpectedMessage '*not JSON*'
        { New-KubePod web -Image nginx -Env LOG_LEVEL -KubeConfig $nowhere } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,PSKube.Commands.Pods.NewKubePodCommand' -ExpectedMessage "*'LOG_LEVEL' is not KEY=value*"
        { New-KubeDeployment web -Image nginx, nginx:1.27 -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidImage,PSKube.Commands.Workloads.NewKubeDeploymentCommand' -ExpectedMessage '*both make the container name*'
        { New-KubeDeployment web -Image nginx, busybox -KubeConfig $nowhere -ErrorAction Stop -- sleep 1 } | Should -Throw -ErrorId 'InvalidCommand,PSKube.Commands.Workloads.NewKubeDeploymentCommand'
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

    It 'creates every form of Service, the fake cluster allocating what kubectl''s cluster would' {
        $web = New-KubeService svc-web -Port 80:8080, 443:https
        $web.Spec.ClusterIP | Should -Not -BeNullOrEmpty
        $web.Spec.Ports.Name | Should -Be @('80-8080', '443-https')
        (New-KubeService svc-np -Port 80 -NodePort 30080).Spec.Ports[0].NodePort | Should -Be 30080
        (New-KubeService svc-auto -Port 80 -Type NodePort).Spec.Ports[0].NodePort | Should -BeGreaterOrEqual 30000
        (New-KubeService svc-lb -Port 80 -Type LoadBalancer).Spec.Type | Should -Be 'LoadBalancer'
        (New-KubeService svc-hl -ClusterIP None).Spec.ClusterIP | Should -Be 'None'
        (New-KubeService svc-ext -ExternalName billing.example.com).ClusterIP | Should -Be '<none>'
        New-KubeService svc-np2 -Port 81 -NodePort 30080 -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ServiceInvalid*'
        $failure[0].Exception.Message | Should -BeLike '*provided port is already allocated*'
    }

    It 'creates what it builds from a piped object in that object''s namespace' {
        New-KubeNamespace gen-team | Out-Null
        New-KubeDeployment piped -Image nginx -Port 80 -Namespace gen-team | Out-Null
        $service = Get-KubeDeployment piped -Namespace gen-team | New-KubeService
        $service.Namespace | Should -Be 'gen-team'
        New-KubeCronJob nightly -Schedule '@daily' -Image alpine -Namespace gen-team | Out-Null
        $job = Get-KubeCronJob nightly -Namespace gen-team | Start-KubeCronJob -JobName nightly-now
        $job.Namespace | Should -Be 'gen-team'
        (Get-KubeCronJob nightly -Namespace gen-team | Start-KubeCronJob -JobName nightly-dry -DryRun).Metadata.Namespace | Should -BeNullOrEmpty
    }

    It 'creates a pod with overrides, privileges and annotations, a Deployment of two images and a namespace' {
        $pod = New-KubePod overridden -Image alpine -Privileged -Annotation owner=team-a -Overrides @{ spec = @{ terminationGracePeriodSeconds = 5 } } -- sleep 60
        $pod.Spec.TerminationGracePeriodSeconds | Should -Be 5
        $pod.Metadata.Annotations['owner'] | Should -Be 'team-a'
        $deployment = New-KubeDeployment shop -Image nginx:1.27, busybox
        $deployment.Spec.Template.Spec.Containers.Count | Should -Be 2
        New-KubeNamespace gen-dry -DryRun | Out-Null
        Get-KubeNamespace gen-dry -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
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

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-KubeDescription (kubectl describe) as users type it: kubectl's text by default, the sections as properties for
# scripts, objects piped from the Get- commands described exactly as piped, and an error id for a missing object.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '10')
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig

    New-KubeDeployment web -Image nginx -Replicas 2 | Out-Null
    Get-KubeDeployment web | Wait-KubeDeployment -Timeout 1m | Out-Null
    Get-KubeDeployment web | New-KubeService -Port 80 | Out-Null
    New-KubePod pingpong -Image alpine -- ping 127.0.0.1 | Out-Null
    Wait-KubePod pingpong -Timeout 1m | Out-Null
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Get-KubeDescription' {
    It 'shows the text kubectl describe prints' {
        $text = Get-KubeDescription pod pingpong | Out-String -Width 300
        $text | Should -Match '(?m)^Name:\s+pingpong$'
        $text | Should -Match '(?m)^Containers:$'
        $text | Should -Match '(?m)^    Args:$'
        $text | Should -Match '(?m)^      ping$'
        $text | Should -Match '(?m)^Conditions:$'
        $text | Should -Match '(?m)^  Normal  Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default/pingpong to fake-node-1$'
        (Get-KubeDescription pod pingpong).ToString() | Should -BeLike 'Name:*Events:*'
    }

    It 'gives the sections as typed properties for scripts' {
        $pod = Get-KubeDescription pod pingpong
        $pod.GetType().Name | Should -Be 'PodDescription'
        $pod.Containers[0].Name | Should -Be 'pingpong'
        $pod.Containers[0].Args | Should -Be @('ping', '127.0.0.1')
        $pod.Containers[0].State | Should -Be 'Running'
        ($pod.Conditions | Where-Object Type -eq Ready).Status | Should -Be 'True'
        $pod.Events[0].Reason | Should -Be 'Scheduled'
        $pod.Events[-1].Reason | Should -Be 'Started'
        $pod.Labels['run'] | Should -Be 'pingpong'

        $deployment = Get-KubeDescription deploy/web
        $deployment.DesiredReplicas | Should -Be 2
        $deployment.NewReplicaSet.Name | Should -BeLike 'web-*'
        $deployment.PodTemplate.Containers[0].Image | Should -Be 'nginx'

        $service = Get-KubeDescription svc web
        $service.Ports[0].Port | Should -Be 80
        $service.Endpoints.Count | Should -Be 2

        $node = Get-KubeDescription node fake-node-1
        $node.Pods.Name | Should -Contain 'pingpong'
        $node.AllocatedResources.Resource | Should -Be @('cpu', 'memory', 'ephemeral-storage')

        (Get-KubeDescription ns default).Status | Should -Be 'Active'
    }

    It 'shows the Resource Limits of a namespace''s limit ranges' {
        New-KubeNamespace limited | Out-Null
        $file = Join-Path $TestDrive 'limits.yaml'
        Set-Content $file @'
apiVersion: v1
kind: LimitRange
metadata: {name: bounds, namespace: limited}
spec:
  limits:
  - type: Container
    max: {cpu: "1", memory: 1Gi}
    default: {cpu: 500m}
    defaultRequest: {cpu: 250m}
    maxLimitRequestRatio: {cpu: "2"}
  - type: Pod
    max: {memory: 2Gi}
'@
        New-KubeResource $file | Out-Null

        $text = Get-KubeDescription -Kind Namespace limited | Out-String -Width 300
        $text | Should -Match '(?m)^Resource Limits$'
        $text | Should -Match '(?m)^ Type\s+Resource\s+Min\s+Max\s+Default Request\s+Default Limit\s+Max Limit/Request Ratio$'
        $text | Should -Match '(?m)^ Container\s+cpu\s+-\s+1\s+250m\s+500m\s+2$'
        $text | Should -Match '(?m)^ Pod\s+memory\s+-\s+2Gi\s+-\s+-\s+-$'
        (Get-KubeDescription ns default | Out-String) | Should -Match '(?m)^No LimitRange resource\.$'

        $limits = (Get-KubeDescription ns limited).ResourceLimits
        $limits | Where-Object { $_.Type -eq 'Container' -and $_.Resource -eq 'cpu' } | ForEach-Object DefaultLimit | Should -Be '500m'
        $limits.Resource | Should -Be @('cpu', 'memory', 'memory')
        (Get-KubeDescription ns limited).LimitRanges.Name | Should -Be 'bounds'
        (Get-KubeResource limits -Namespace limited).Name | Should -Be 'bounds'
        (Get-KubeResource limits -Namespace limited | Out-String) | Should -Match '(?m)^NAME\s+CREATED AT\s*$'
        (Get-KubeResource limits -Namespace limited | Out-String) | Should -Match '(?m)^bounds\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s*$'
        (Get-KubeResource limits -AllNamespaces | Out-String) | Should -Match '(?m)^NAMESPACE\s+NAME\s+CREATED AT\s*$'

        $limitRange = Get-KubeDescription limits bounds -Namespace limited
        ($limitRange | Out-String) | Should -Match '(?m)^Namespace:\s+limited$'
        ($limitRange | Out-String) | Should -Match '(?m)^Container\s+memory\s+-\s+1Gi\s+1Gi\s+1Gi\s+-$'
        $limitRange.Limits | Should -HaveCount 3
    }

    It 'describes what wildcards and selectors name, and exactly the objects piped in' {
        (Get-KubeDescription pods web-*).Name | Should -HaveCount 2
        (Get-KubeDescription po -Selector run=pingpong).Name | Should -Be 'pingpong'
        (Get-KubePod -Selector app=web | Get-KubeDescription).Name | Should -Be (Get-KubePod -Selector app=web).Name
        $one = Get-KubePod -Selector app=web | Select-Object -First 1
        ($one | Get-KubeDescription).Name | Should -Be $one.Name
        (Get-KubeDeployment web | Get-KubeDescription).Kind | Should -Be 'Deployment'
        (Get-KubeNode | Get-KubeDescription).Name | Should -Be 'fake-node-1'
    }

    It 'reports a missing object and a kind it does not describe, and goes on' {
        $found = Get-KubeDescription pod nope, pingpong -ErrorVariable errors -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'pingpong'
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound,*'
        $errors[0].TargetObject | Should -Be 'nope'
        Get-KubeDescription configmap x -ErrorVariable unsupported -ErrorAction SilentlyContinue
        $unsupported[0].FullyQualifiedErrorId | Should -BeLike 'DescribeNotSupported,*'
        $unsupported[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'completes kinds and the names of the kind typed' {
        (TabExpansion2 'Get-KubeDescription dep' 23).CompletionMatches.CompletionText | Should -Be 'deployments'
        (TabExpansion2 'Get-KubeDescription pods ping' 29).CompletionMatches.CompletionText | Should -Be 'pingpong'
        (TabExpansion2 'Get-KubeDescription -Kind nodes -Name fake' 42).CompletionMatches.CompletionText | Should -Be 'fake-node-1'
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Quotas, priority classes, ingresses and disruption budgets (issue 12) as users type them, against a fake cluster
# started for this suite (its clock runs 30x, so pods start in moments).
# Types are named by their full name: PSKube.Client loads in a private load context, so [PSKube.Client.Models.Ingress] does not resolve.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '30')
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
    # A kubeconfig that does not exist: a command that got as far as a request would fail with KubeConfigUnusable.
    $nowhere = Join-Path $cluster.Folder 'missing-config'

    # The errors a command wrote, without stopping the test.
    function Get-Errors([scriptblock] $Command) {
        $ErrorActionPreference = 'Continue'
        @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'New-* -DryRun builds what kubectl create builds, without a request' {
    It 'builds a quota with quantities written as the server writes them' {
        $quota = New-KubeQuota team -Hard @{ pods = 1000; 'requests.cpu' = '0.5'; 'limits.memory' = '1024Mi' } -Scope notterminating -DryRun -KubeConfig $nowhere
        $quota.GetType().FullName | Should -Be 'PSKube.Client.Models.ResourceQuota'
        $quota.Spec.Hard['pods'] | Should -Be '1k'
        $quota.Spec.Hard['requests.cpu'] | Should -Be '500m'
        $quota.Spec.Hard['limits.memory'] | Should -Be '1Gi'
        $quota.Spec.Scopes | Should -Be @('NotTerminating')
        $quota.Namespace | Should -BeNullOrEmpty
    }

    It 'builds a priority class with kubectl''s default preemption policy' {
        $class = New-KubePriorityClass high 1000 -Description 'user facing' -DryRun -KubeConfig $nowhere
        $class.Value | Should -Be 1000
        $class.PreemptionPolicy | Should -Be 'PreemptLowerPriority'
        $class.GlobalDefault | Should -BeNullOrEmpty
        (New-KubePriorityClass zero -GlobalDefault -PreemptionPolicy never -DryRun -KubeConfig $nowhere).PreemptionPolicy | Should -Be 'Never'
    }

    It 'builds an ingress from kubectl''s rules: * for Prefix, one rule per host, tls hosts per secret' {
        $ingress = New-KubeIngress shop -Rule 'shop.example.com/*=shop:80,tls=shop-cert', 'shop.example.com/api=api:http' -Class nginx -DefaultBackend fallback:80 `
            -Annotation @{ 'nginx.ingress.kubernetes.io/rewrite-target' = '/' } -Namespace team -DryRun -KubeConfig $nowhere
        $ingress.Namespace | Should -Be 'team'
        $ingress.Spec.IngressClassName | Should -Be 'nginx'
        $ingress.Spec.Rules.Count | Should -Be 1
        $paths = $ingress.Spec.Rules[0].Http.Paths
        $paths[0].Path | Should -Be '/'
        $paths[0].PathType | Should -Be 'Prefix'
        $paths[1].PathType | Should -Be 'Exact'
        $paths[1].Backend.Service.Port.Name | Should -Be 'http'
        $ingress.Spec.Tls[0].SecretName | Should -Be 'shop-cert'
        $ingress.Spec.Tls[0].Hosts | Should -Be @('shop.example.com')
        $ingress.Spec.DefaultBackend.Service.Port.Number | Should -Be 80
        $ingress.Metadata.Annotations['nginx.ingress.kubernetes.io/rewrite-target'] | Should -Be '/'
    }

    It 'builds a disruption budget from a selector with expressions and a percentage' {
        $budget = New-KubePodDisruptionBudget workers -Selector 'tier in (worker,batch),app=jobs' -MaxUnavailable '25%' -DryRun -KubeConfig $nowhere
        $budget.Spec.Selector.MatchLabels['app'] | Should -Be 'jobs'
        $budget.Spec.Selector.MatchExpressions[0].Operator | Should -Be 'In'
        $budget.Spec.Selector.MatchExpressions[0].Values | Should -Be @('batch', 'worker')
        $budget.Spec.MaxUnavailable.StringValue | Should -Be '25%'
        (New-KubePodDisruptionBudget web -Selector app=web -MinAvailable 2 -DryRun -KubeConfig $nowhere).Spec.MinAvailable.IntValue | Should -Be 2
    }

    It 'saves as the YAML kubectl writes' {
        $yaml = New-KubePodDisruptionBudget web -Selector app=web -MinAvailable 2 -DryRun -KubeConfig $nowhere | ConvertTo-KubeYaml
        $yaml | Should -BeLike '*apiVersion: policy/v1*'
        $yaml | Should -BeLike '*minAvailable: 2*'
    }
}

Describe 'Bad input is refused before any request, naming the parameter' {
    It 'refuses <Command> with <Id>' -ForEach @(
        @{ Command = { New-KubeQuota q -Hard @{ gpus = 1 } -KubeConfig $nowhere }; Id = 'InvalidHard'; Text = "*'gpus' is not a resource a quota can limit*" }
        @{ Command = { New-KubeQuota q -Hard @{ memory = '4GB' } -KubeConfig $nowhere }; Id = 'InvalidHard'; Text = "*'GB' is not a unit*" }
        @{ Command = { New-KubeIngress web -Rule 'example.com=web:80' -KubeConfig $nowhere }; Id = 'InvalidRule'; Text = '*is not host/path=service:port*' }
        @{ Command = { New-KubeIngress web -KubeConfig $nowhere }; Id = 'InvalidRule'; Text = '*needs rules or a default backend*' }
        @{ Command = { New-KubeIngress web -DefaultBackend web -KubeConfig $nowhere }; Id = 'InvalidDefaultBackend'; Text = '*is not service:port*' }
        @{ Command = { New-KubeIngress web -Rule '/=web:80' -Class Nginx -KubeConfig $nowhere }; Id = 'InvalidClass'; Text = '*not a valid ingress class name*' }
        @{ Command = { New-KubePodDisruptionBudget web -Selector app=web -MinAvailable 1.5 -KubeConfig $nowhere }; Id = 'InvalidMinAvailable'; Text = '*not a number of pods or a percentage*' }
        @{ Command = { New-KubePodDisruptionBudget web -Selector 'app!=web' -MaxUnavailable 1 -KubeConfig $nowhere }; Id = 'InvalidSelector'; Text = "*cannot be part of a disruption budget's selector*" }
        @{ Command = { New-KubePriorityClass system-mine -KubeConfig $nowhere }; Id = 'InvalidName'; Text = "*starts with 'system-'*" }
        @{ Command = { New-KubePriorityClass huge 2000000000 -KubeConfig $nowhere }; Id = 'InvalidValue'; Text = '*above 1000000000*' }
    ) {
        $errors = Get-Errors $Command
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].Exception.Message | Should -BeLike $Text
    }

    It 'offers only the scopes and policies the server knows' {
        { New-KubeQuota q -Scope Cheap -KubeConfig $nowhere } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { New-KubePriorityClass p -PreemptionPolicy Always -KubeConfig $nowhere } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        { New-KubePodDisruptionBudget web -Selector app=web -MinAvailable 1 -MaxUnavailable 1 -KubeConfig $nowhere } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }
}

Describe 'Created, listed and removed as kubectl does' {
    It 'creates a quota and shows its usage as kubectl get quota' {
        New-KubeNamespace quota-team | Out-Null
        $quota = New-KubeQuota team -Namespace quota-team -Hard @{ pods = 10; 'limits.memory' = '4Gi' }
        $quota.Name | Should -Be 'team'
        Wait-Until { (Get-KubeQuota team -Namespace quota-team).Status.Used.Count -eq 2 } 'the quota controller'
        $shown = Get-KubeQuota team -Namespace quota-team
        $shown.Request | Should -Be 'pods: 0/10'
        $shown.Limit | Should -Be 'limits.memory: 0/4Gi'
        ($shown | Format-Table | Out-String) | Should -Match 'NAME\s+AGE\s+REQUEST\s+LIMIT'
        Get-KubeQuota -AllNamespaces | Where-Object Namespace -eq quota-team | Should -HaveCount 1
    }

    It 'creates a disruption budget whose allowed disruptions count the ready pods' {
        New-KubeDeployment web -Image nginx -Replicas 3 | Out-Null
        New-KubePodDisruptionBudget web -Selector app=web -MinAvailable 2 | Out-Null
        Wait-Until { (Get-KubePodDisruptionBudget web).AllowedDisruptions -eq 1 } 'one allowed disruption'
        $budget = Get-KubePodDisruptionBudget web
        $budget.AllowedDisruptions | Should -BeOfType [int]
        $budget.MinAvailable | Should -Be '2'
        $budget.MaxUnavailable | Should -Be 'N/A'
        ($budget | Format-Table | Out-String) | Should -Match 'NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE'
        Get-KubePodDisruptionBudget | Where-Object AllowedDisruptions -ge 1 | Select-Object -ExpandProperty Name | Should -Be 'web'
    }

    It 'creates an ingress shown with kubectl''s columns' {
        New-KubeIngress web -Class nginx -Rule 'foo.com/*=web:80,tls=cert', 'bar.com/=web:80' | Out-Null
        New-KubeIngress plain -DefaultBackend web:80 | Out-Null
        $web = Get-KubeIngress web
        $web.Hosts | Should -Be 'foo.com,bar.com'
        $web.Ports | Should -Be '80, 443'
        (Get-KubeIngress plain).Class | Should -Be '<none>'
        (Get-KubeIngress plain).Hosts | Should -Be '*'
        (Get-KubeIngress | Format-Table | Out-String) | Should -Match 'NAME\s+CLASS\s+HOSTS\s+ADDRESS\s+PORTS\s+AGE'
    }

    It 'creates priority classes that sort by value; a second global default is refused by the server, -WhatIf included' {
        New-KubePriorityClass high-priority 1000000 -GlobalDefault | Out-Null
        $sorted = Get-KubePriorityClass | Sort-Object Value -Descending
        $sorted[0].Name | Should -Be 'system-node-critical'
        $sorted[-1].Name | Should -Be 'high-priority'
        (Get-KubePriorityClass | Where-Object IsGlobalDefault).Name | Should -Be 'high-priority'
        (Get-KubePriorityClass high-priority | Format-Table | Out-String) | Should -Match 'NAME\s+VALUE\s+GLOBAL-DEFAULT\s+AGE\s+PREEMPTIONPOLICY'
        $errors = Get-Errors { New-KubePriorityClass other 5 -GlobalDefault -WhatIf }
        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -BeLike '*already marked as default*'
        Get-KubePriorityClass other -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'gives new pods the defaults of a limit range and refuses those out of its bounds, as the API server does' {
        New-KubeNamespace limited-team | Out-Null
        $file = Join-Path $TestDrive 'limits.yaml'
        Set-Content $file @'
apiVersion: v1
kind: LimitRange
metadata: {name: bounds, namespace: limited-team}
spec:
  limits:
  - type: Container
    max: {cpu: 800m}
    default: {cpu: 500m}
    defaultRequest: {cpu: 200m}
'@
        New-KubeResource $file | Out-Null

        $pod = New-KubePod plain -Image nginx -Namespace limited-team
        $pod.Spec.Containers[0].Resources.Limits['cpu'] | Should -Be '500m'
        $pod.Spec.Containers[0].Resources.Requests['cpu'] | Should -Be '200m'
        $pod.Metadata.Annotations['kubernetes.io/limit-ranger'] | Should -Be 'LimitRanger plugin set: cpu request for container plain; cpu limit for container plain'

        $errors = Get-Errors { New-KubePod big -Image nginx -Limits @{ cpu = '1' } -Namespace limited-team }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'Forbidden,*'
        $errors[0].Exception.Message | Should -BeLike '*pods "big" is forbidden: maximum cpu usage per Container is 800m, but limit is 1*'
        $errors[0].ErrorDetails.RecommendedAction | Should -BeLike "The cluster's policy for the namespace refused the object*"
        Get-KubePod big -Namespace limited-team -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It '-WhatIf creates nothing' {
        New-KubeQuota ghost -Hard @{ pods = 1 } -WhatIf
        New-KubeIngress ghost -Rule '/=web:80' -WhatIf
        New-KubePodDisruptionBudget ghost -Selector app=web -MinAvailable 1 -WhatIf
        Get-KubeQuota ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeIngress ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubePodDisruptionBudget ghost -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'removes each kind; the cluster''s own priority classes cannot be removed' {
        Get-KubeIngress web | Remove-KubeIngress
        Remove-KubeIngress plain
        Remove-KubeQuota team -Namespace quota-team
        Remove-KubePodDisruptionBudget web
        Get-KubePriorityClass high-priority | Remove-KubePriorityClass -Wait
        Get-KubeIngress | Should -BeNullOrEmpty
        Get-KubeQuota -Namespace quota-team | Should -BeNullOrEmpty
        Get-KubePodDisruptionBudget | Should -BeNullOrEmpty
        Get-KubePriorityClass high-priority -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors = Get-Errors { Remove-KubePriorityClass system-node-critical }
        $errors[0].Exception.Message | Should -BeLike '*system priority class*'
        $errors = Get-Errors { Get-KubePriorityClass missing }
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'PriorityClassNotFound,*'
    }
}

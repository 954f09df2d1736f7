#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Service accounts, roles, bindings and tokens as users type them (kubectl create serviceaccount/role/clusterrole/
# rolebinding/clusterrolebinding/token, kubectl get and delete of each), against a fake cluster started for this suite.
# Types are named by their full name: PSKube.Client loads in a private load context.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
    # A kubeconfig that does not exist: a command that got as far as a request would fail with KubeConfigUnusable.
    $nowhere = Join-Path $cluster.Folder 'missing-config'
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'A service account that may read pods, and a token for it' {
    It 'creates the account, the role, the binding, and gets a token' {
        $account = New-KubeServiceAccount ci
        $account.GetType().FullName | Should -Be 'PSKube.Client.Models.ServiceAccount'
        $role = New-KubeRole pod-reader -Verb get, list -Resource pods
        $role.Rules[0].Resources | Should -Be @('pods')
        $role.Rules[0].ApiGroups | Should -Be @('')
        $binding = New-KubeRoleBinding ci-reads -Role pod-reader -ServiceAccount default:ci
        $binding.Role | Should -Be 'Role/pod-reader'
        $binding.ServiceAccounts | Should -Be 'default/ci'

        $token = New-KubeToken ci -Duration 10m
        $token | Should -BeOfType [securestring]
        $text = ConvertFrom-SecureString $token -AsPlainText
        $text.Split('.').Count | Should -Be 3
    }

    It 'gives a token that authenticates as the service account' {
        $text = New-KubeToken ci -AsPlainText
        $text | Should -BeOfType [string]
        $claims = $text.Split('.')[1].Replace('-', '+').Replace('_', '/')
        $claims += '=' * ((4 - $claims.Length % 4) % 4)
        ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($claims)) | ConvertFrom-Json).sub | Should -Be 'system:serviceaccount:default:ci'
        $server = (Select-String -Path $cluster.KubeConfig -Pattern 'server: (.*)').Matches[0].Groups[1].Value
        $pods = Invoke-RestMethod "$server/api/v1/namespaces/default/pods" -Authentication Bearer -Token (ConvertTo-SecureString $text -AsPlainText) -SkipCertificateCheck
        $pods.kind | Should -Be 'PodList'
    }

    It 'never shows the token in -Verbose output or in errors' {
        $verbose = New-KubeToken ci -Verbose 4>&1
        $token = $verbose | Where-Object { $_ -is [securestring] }
        $text = ConvertFrom-SecureString $token -AsPlainText
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String) | Should -Not -BeLike "*$text*"
        ($token | Out-String) | Should -Not -BeLike "*$text*"
    }

    It 'binds a token to a pod or secret, which must exist' {
        New-KubePod runner -Image alpine -KubeConfig $cluster.KubeConfig -- sleep 3600 | Out-Null
        New-KubeToken default -BoundObject pod/runner -AsPlainText | Should -Not -BeNullOrEmpty
        Get-KubePod runner | ForEach-Object { New-KubeToken default -BoundObject $_ } | Should -BeOfType [securestring]
        New-KubeToken default -BoundObject pod/nowhere -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound*'
        New-KubeToken ci -BoundObject pod/runner -ErrorVariable wrongAccount -ErrorAction SilentlyContinue
        $wrongAccount[0].Exception.Message | Should -BeLike '*different serviceaccount*'
    }

    It 'reports a missing service account as ServiceAccountNotFound, and a short lifetime as the server does' {
        New-KubeToken nobody -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'ServiceAccountNotFound,PSKube.Commands.Rbac.NewKubeTokenCommand'
        New-KubeToken ci -Duration 5m -ErrorVariable short -ErrorAction SilentlyContinue
        $short[0].Exception.Message | Should -BeLike '*may not specify a duration less than 10 minutes*'
    }

    It 'takes a piped service account, and asks only for a dry run with -WhatIf' {
        Get-KubeServiceAccount ci | New-KubeToken -AsPlainText | Should -Not -BeNullOrEmpty
        New-KubeToken ci -WhatIf | Should -BeNullOrEmpty
    }
}

Describe 'Getting and removing' {
    BeforeAll {
        New-KubeServiceAccount deployer -Namespace kube-system | Out-Null
        New-KubeClusterRole node-reader -Verb get, list, watch -Resource nodes | Out-Null
        New-KubeClusterRoleBinding deployer-nodes -ClusterRole node-reader -ServiceAccount kube-system:deployer -User jane -Group ops | Out-Null
        New-KubeRoleBinding team-view -ClusterRole view -Group team-a | Out-Null
    }

    It 'lists with kubectl''s columns' {
        (Get-KubeServiceAccount | Out-String) | Should -BeLike '*NAME*SECRETS*AGE*ci*'
        (Get-KubeRole | Out-String) | Should -BeLike '*NAME*CREATED AT*pod-reader*'
        (Get-KubeRoleBinding | Out-String) | Should -BeLike '*NAME*ROLE*AGE*ci-reads*Role/pod-reader*'
        (Get-KubeClusterRole node-reader | Out-String) | Should -BeLike '*NAME*CREATED AT*node-reader*'
        $wide = Get-KubeClusterRoleBinding deployer-nodes | Format-Table -View Wide | Out-String
        $wide | Should -BeLike '*USERS*GROUPS*SERVICEACCOUNTS*'
        $wide | Should -BeLike '*ClusterRole/node-reader*jane*ops*kube-system/deployer*'
        (Get-KubeRoleBinding -AllNamespaces | Out-String) | Should -BeLike '*NAMESPACE*NAME*ROLE*'
        (Get-KubeRole pod-reader | Format-List | Out-String) | Should -BeLike '*pods: get, list*'
    }

    It 'filters on what the table shows, and finds by wildcard' {
        (Get-KubeRoleBinding | Where-Object Role -eq 'ClusterRole/view').Name | Should -Be 'team-view'
        (Get-KubeClusterRoleBinding 'deployer-*').Name | Should -Be 'deployer-nodes'
        (Get-KubeServiceAccount -Namespace kube-system deployer).Namespace | Should -Be 'kube-system'
    }

    It 'reports a missing one by its kind' {
        Get-KubeRole nothing -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'RoleNotFound*'
        Get-KubeClusterRole nothing -ErrorVariable clusterFailure -ErrorAction SilentlyContinue
        $clusterFailure[0].FullyQualifiedErrorId | Should -BeLike 'ClusterRoleNotFound*'
    }

    It 'removes each kind, cluster-scoped ones whatever -Namespace says' {
        Remove-KubeClusterRoleBinding deployer-nodes -WhatIf
        Get-KubeClusterRoleBinding deployer-nodes | Should -Not -BeNullOrEmpty
        Remove-KubeClusterRoleBinding deployer-nodes -Namespace team-a
        Remove-KubeClusterRole node-reader
        Remove-KubeRoleBinding team-view
        Get-KubeRole pod-reader | Remove-KubeRole
        Remove-KubeServiceAccount deployer -Namespace kube-system
        Get-KubeClusterRoleBinding deployer-nodes -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeClusterRole node-reader -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeRoleBinding team-view -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeRole pod-reader -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-KubeServiceAccount deployer -Namespace kube-system -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe '-DryRun builds kubectl''s objects without a cluster' {
    It 'builds a role with one rule per API group, resources resolved as kubectl resolves them' {
        $role = New-KubeRole scaler -Verb get, update -Resource deploy/scale, pods/log, rs.apps -ResourceName web, web -Namespace shop -DryRun -KubeConfig $nowhere
        $role.Namespace | Should -Be 'shop'
        $role.Rules.Count | Should -Be 2
        $role.Rules[0].ApiGroups | Should -Be @('')
        $role.Rules[0].Resources | Should -Be @('pods/log')
        $role.Rules[1].ApiGroups | Should -Be @('apps')
        $role.Rules[1].Resources | Should -Be @('deployments/scale', 'replicasets')
        $role.Rules[1].ResourceNames | Should -Be @('web')
    }

    It 'builds cluster roles with non-resource URLs or an aggregation rule, ready for YAML' {
        $yaml = New-KubeClusterRole health -Verb get -NonResourceUrl /healthz, '/logs/*' -DryRun -KubeConfig $nowhere | ConvertTo-KubeYaml
        $yaml | Should -BeLike '*nonResourceURLs:*- /healthz*'
        $aggregated = New-KubeClusterRole monitoring -AggregationRule @{ 'rbac.example.com/aggregate-to-monitoring' = 'true' } -DryRun -KubeConfig $nowhere
        $aggregated.AggregationRule.ClusterRoleSelectors[0].MatchLabels['rbac.example.com/aggregate-to-monitoring'] | Should -Be 'true'
        $aggregated.Rules | Should -BeNullOrEmpty
    }

    It 'builds bindings with users, groups and service accounts in kubectl''s order' {
        $binding = New-KubeClusterRoleBinding admins -ClusterRole cluster-admin -ServiceAccount kube-system:deployer -User u -Group g -DryRun -KubeConfig $nowhere
        $binding.Subjects.Kind | Should -Be @('User', 'Group', 'ServiceAccount')
        $binding.RoleRef.Kind | Should -Be 'ClusterRole'
        (New-KubeServiceAccount ci -DryRun -KubeConfig $nowhere).Kind | Should -Be 'ServiceAccount'
    }

    It 'shows a token request, never a token' {
        $request = New-KubeToken ci -Duration 1h -Audience api -BoundObject secret/ci-token -DryRun -KubeConfig $nowhere
        $request.GetType().FullName | Should -Be 'PSKube.Client.Models.TokenRequest'
        $request.Spec.ExpirationSeconds | Should -Be 3600
        $request.BoundObject | Should -Be 'Secret/ci-token'
    }
}

Describe 'Bad input is refused before any request, naming the parameter' {
    It 'refuses role input kubectl refuses' {
        { New-KubeRole r -Verb get -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidResource,PSKube.Commands.Rbac.NewKubeRoleCommand'
        { New-KubeRole r -Resource pods -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidVerb,PSKube.Commands.Rbac.NewKubeRoleCommand'
        { New-KubeRole r -Verb bind -Resource pods -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidVerb,PSKube.Commands.Rbac.NewKubeRoleCommand' -ExpectedMessage "*'bind' cannot apply to 'pods'*"
        { New-KubeRole 'a/b' -Verb get -Resource pods -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName,PSKube.Commands.Rbac.NewKubeRoleCommand'
        { New-KubeClusterRole c -Verb list -NonResourceUrl /metrics -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidVerb,PSKube.Commands.Rbac.NewKubeClusterRoleCommand'
        { New-KubeClusterRole c -Verb get -NonResourceUrl metrics -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidNonResourceUrl,PSKube.Commands.Rbac.NewKubeClusterRoleCommand'
        { New-KubeClusterRole c -Verb get -AggregationRule @{ a = 'b' } -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidAggregationRule,PSKube.Commands.Rbac.NewKubeClusterRoleCommand'
    }

    It 'warns of a verb kubectl does not know, and still builds the role' {
        $role = New-KubeRole r -Verb frob -Resource pods -DryRun -KubeConfig $nowhere -WarningVariable warned -WarningAction SilentlyContinue
        $warned[0].Message | Should -BeLike "*'frob' is not a standard resource verb*"
        $role.Rules[0].Verbs | Should -Be @('frob')
    }

    It 'asks the server about a resource type it does not know, and refuses one it does not have' {
        New-KubeRole r -Verb get -Resource podz -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'InvalidResource,PSKube.Commands.Rbac.NewKubeRoleCommand'
        $failure[0].Exception.Message | Should -BeLike "*no resource type 'podz'*"
    }

    It 'refuses binding subjects the API server refuses' {
        { New-KubeRoleBinding b -Role r -ServiceAccount ci -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidServiceAccount,PSKube.Commands.Rbac.NewKubeRoleBindingCommand' -ExpectedMessage '*NAMESPACE:NAME*'
        { New-KubeClusterRoleBinding b -ClusterRole view -ServiceAccount 'Team:ci' -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidServiceAccount,PSKube.Commands.Rbac.NewKubeClusterRoleBindingCommand'
        { New-KubeRoleBinding b -Role 'a/b' -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRole,PSKube.Commands.Rbac.NewKubeRoleBindingCommand'
        { New-KubeRoleBinding b -Role r -ClusterRole c -KubeConfig $nowhere } | Should -Throw -ErrorId 'AmbiguousParameterSet,PSKube.Commands.Rbac.NewKubeRoleBindingCommand'
    }

    It 'refuses token input kubectl refuses' {
        { New-KubeToken ci -Duration 1.5 -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidDuration,PSKube.Commands.Rbac.NewKubeTokenCommand'
        { New-KubeToken ci -BoundObject deployment/web -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidBoundObject,PSKube.Commands.Rbac.NewKubeTokenCommand' -ExpectedMessage '*Node, Pod, Secret*'
        { New-KubeToken ci -BoundObject web -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidBoundObject,PSKube.Commands.Rbac.NewKubeTokenCommand'
        { New-KubeToken ci -BoundObjectUid 123 -KubeConfig $nowhere -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidBoundObjectUid,PSKube.Commands.Rbac.NewKubeTokenCommand'
        { New-KubeToken ci -Audience '' -KubeConfig $nowhere } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PSKube.Commands.Rbac.NewKubeTokenCommand'
    }
}

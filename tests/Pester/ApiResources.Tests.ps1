#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-KubeApiResource as users type it (kubectl api-resources), side by side with kubectl where it is on PATH.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
}

Describe 'Get-KubeApiResource' {
    It 'lists the served types with kubectl''s columns, core group first' {
        $resources = Get-KubeApiResource
        $resources[0].ApiVersion | Should -Be 'v1'
        $deployments = $resources | Where-Object Plural -EQ 'deployments'
        $deployments.ApiVersion | Should -Be 'apps/v1'
        $deployments.ShortNames | Should -Be @('deploy')
        $deployments.Namespaced | Should -BeTrue

        $table = ($resources | Format-Table | Out-String -Width 200) -split '\r?\n'
        $table[1] | Should -Match '^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$'
        $table | Should -Contain ($table | Where-Object { $_ -match '^deployments\s+deploy\s+apps/v1\s+true\s+Deployment\s*$' })
        ($resources | Format-Table -View Wide | Out-String -Width 300) | Should -Match 'VERBS\s+CATEGORIES'
    }

    It 'narrows by name, short name and wildcard, API group, scope and verbs' {
        (Get-KubeApiResource pdb).Kind | Should -Be 'PodDisruptionBudget'
        (Get-KubeApiResource limits).Kind | Should -Be 'LimitRange'
        (Get-KubeApiResource *rolebinding*).Plural | Should -Be @('clusterrolebindings', 'rolebindings')
        (Get-KubeApiResource -ApiGroup rbac.authorization.k8s.io -Namespaced:$false).Plural | Should -Be @('clusterrolebindings', 'clusterroles')
        Get-KubeApiResource -ApiGroup '' | ForEach-Object ApiVersion | Sort-Object -Unique | Should -Be 'v1'
        Get-KubeApiResource -Namespaced | Where-Object { -not $_.Namespaced } | Should -BeNullOrEmpty
        Get-KubeApiResource -Verb list, watch | Where-Object { $_.Verbs -notcontains 'watch' } | Should -BeNullOrEmpty
    }

    It 'refuses a verb kubectl does not know before any request' {
        { Get-KubeApiResource -Verb fly } | Should -Throw -ErrorId 'ParameterArgumentValidationError,PSKube.Commands.Cluster.GetKubeApiResourceCommand'
    }

    It 'gives the rows kubectl api-resources gives' -Skip:(-not (Get-Command kubectl -ErrorAction Ignore)) {
        $expected = kubectl --kubeconfig $cluster.KubeConfig api-resources --no-headers --api-group apps | ForEach-Object { ($_ -split '\s+' | Where-Object { $_ }) -join ' ' }
        $actual = Get-KubeApiResource -ApiGroup apps | ForEach-Object { (@($_.Plural, ($_.ShortNames -join ','), $_.ApiVersion, "$($_.Namespaced)".ToLowerInvariant(), $_.Kind) | Where-Object { $_ }) -join ' ' }
        $actual | Should -Be $expected
    }
}

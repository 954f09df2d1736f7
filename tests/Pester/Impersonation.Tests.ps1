#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Impersonation from kubeconfig users (as, as-uid, as-groups, as-user-extra) and Get-KubeIdentity (kubectl auth
# whoami) against a fake cluster; the side-by-side checks run the real kubectl where it is installed (always in CI).
BeforeDiscovery {
    $noKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    # The fake's kubeconfig plus users acting as jane: its admin certificate (which may impersonate), its token
    # user (which may not), and a user with as-groups but no as.
    $original = Get-Content -Raw $cluster.KubeConfig
    $certificate = [regex]::Match($original, 'client-certificate-data: (\S+)').Groups[1].Value
    $key = [regex]::Match($original, 'client-key-data: (\S+)').Groups[1].Value
    $token = [regex]::Match($original, 'token: (\S+)').Groups[1].Value
    $server = [regex]::Match($original, 'server: (\S+)').Groups[1].Value
    $authority = [regex]::Match($original, 'certificate-authority-data: (\S+)').Groups[1].Value
    $kubeconfig = Join-Path $cluster.Folder 'impersonating'
    Set-Content -Path $kubeconfig -Value @"
apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster: {server: "$server", certificate-authority-data: $authority}
contexts:
- name: fake
  context: {cluster: fake, user: admin}
- name: as-jane
  context: {cluster: fake, user: admin-as-jane}
- name: token-as-jane
  context: {cluster: fake, user: token-as-jane}
- name: groups-only
  context: {cluster: fake, user: admin-groups-only}
current-context: as-jane
users:
- name: admin
  user: {client-certificate-data: $certificate, client-key-data: $key}
- name: admin-as-jane
  user:
    client-certificate-data: $certificate
    client-key-data: $key
    as: jane
    as-uid: "1234"
    as-groups: [devs, ops]
    as-user-extra:
      scopes: [read, write]
      example.com/team: [payments]
- name: token-as-jane
  user: {token: $token, as: jane}
- name: admin-groups-only
  user: {client-certificate-data: $certificate, client-key-data: $key, as-groups: [devs]}
"@
}

AfterAll {
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Get-KubeIdentity' {
    It 'shows the authenticated user when the kubeconfig user impersonates no one' {
        $identity = Get-KubeIdentity -KubeConfig $kubeconfig -Context fake
        $identity.Username | Should -Be 'fake-admin'
        $identity.Groups | Should -Be @('system:masters', 'system:authenticated')
        $identity.Extra.Count | Should -Be 0
        $identity.Context | Should -Be 'fake'
    }

    It 'shows the user the kubeconfig user acts as, with system:authenticated added by the server' {
        $identity = Get-KubeIdentity -KubeConfig $kubeconfig
        $identity.Username | Should -Be 'jane'
        $identity.Uid | Should -Be '1234'
        $identity.Groups | Should -Be @('devs', 'ops', 'system:authenticated')
        $identity.Extra['scopes'] | Should -Be @('read', 'write')
        $identity.Extra['example.com/team'] | Should -Be @('payments')
        $identity.Context | Should -Be 'as-jane'
    }

    It 'lists the attributes as kubectl auth whoami does' {
        $text = Get-KubeIdentity -KubeConfig $kubeconfig | Out-String
        $text | Should -Match 'Username\s+: jane'
        $text | Should -Match 'UID\s+: 1234'
        $text | Should -Match 'Groups\s+: \[devs ops system:authenticated\]'
        $text | Should -Match 'example\.com/team: \[payments\]'
        $text | Should -Match 'scopes: \[read write\]'
    }

    It 'impersonates on every command of the context' {
        Get-KubeNamespace default -KubeConfig $kubeconfig | Should -Not -BeNullOrEmpty
        Get-KubeNamespace -KubeConfig $kubeconfig -Watch -ErrorAction Stop | Select-Object -First 1 | Should -Not -BeNullOrEmpty
    }

    It 'reports Forbidden, in the API server''s words, when the authenticated user may not impersonate' {
        $identity = Get-KubeIdentity -KubeConfig $kubeconfig -Context token-as-jane -ErrorVariable failures -ErrorAction SilentlyContinue
        $identity | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Forbidden,*'
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].Exception.Message | Should -BeLike '*users "jane" is forbidden: User "fake-token-user" cannot impersonate resource "users" in API group "" at the cluster scope*'
    }

    It 'stops before any request when the kubeconfig user sets groups but no user to act as' {
        $failure = { Get-KubeIdentity -KubeConfig $kubeconfig -Context groups-only } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'KubeConfigUnusable,*'
        $failure.Exception.Message | Should -BeLike 'requesting uid, groups or user-extra for admin-groups-only without impersonating a user*'
    }
}

Describe 'Get-KubeIdentity beside kubectl auth whoami' -Skip:$noKubectl {
    It 'reports what kubectl auth whoami -o json reports on the same kubeconfig' {
        $review = kubectl --kubeconfig $kubeconfig auth whoami -o json | ConvertFrom-Json -AsHashtable
        $LASTEXITCODE | Should -Be 0
        $identity = Get-KubeIdentity -KubeConfig $kubeconfig
        $identity.Username | Should -Be $review.status.userInfo.username
        $identity.Uid | Should -Be $review.status.userInfo.uid
        $identity.Groups | Should -Be $review.status.userInfo.groups
        @($identity.Extra.Keys | Sort-Object) | Should -Be @($review.status.userInfo.extra.Keys | Sort-Object)
        foreach ($key in $review.status.userInfo.extra.Keys) {
            $identity.Extra[$key] | Should -Be $review.status.userInfo.extra[$key]
        }
    }

    It 'refuses groups without a user in kubectl''s words' {
        $kubectlError = (kubectl --kubeconfig $kubeconfig --context groups-only get namespaces 2>&1 | ForEach-Object { "$_" }) -join "`n"
        $LASTEXITCODE | Should -Be 1
        $failure = { Get-KubeIdentity -KubeConfig $kubeconfig -Context groups-only } | Should -Throw -PassThru
        $kubectlWords = $kubectlError.Trim() -replace '^error: ', '' -replace '[\[\]*?]', '?'
        $kubectlWords | Should -BeLike 'requesting uid, groups or user-extra for admin-groups-only without impersonating a user'
        $failure.Exception.Message | Should -BeLike "$kubectlWords*"
    }
}

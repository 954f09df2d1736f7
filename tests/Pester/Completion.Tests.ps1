#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# kubectl's short flags as aliases, and tab completion as users press Tab (TabExpansion2), against a fake cluster
# started for this suite. The pods of team-a are made with kubectl, which CI requires (PSKUBE_REQUIRE_KUBECTL=1).
BeforeDiscovery {
    $skipKubectl = -not (Get-Command kubectl -ErrorAction SilentlyContinue) -and $env:PSKUBE_REQUIRE_KUBECTL -ne '1'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster
    $kubeconfig = $cluster.KubeConfig
    $savedKubeConfig = $env:KUBECONFIG
    # Where completion would look without -KubeConfig or a default for it: nowhere.
    $env:KUBECONFIG = Join-Path $cluster.Folder 'missing-config'

    # What Tab offers at the end of the line, as PowerShell's own completion asks for it.
    function Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }

    if (Get-Command kubectl -ErrorAction SilentlyContinue) {
        @'
apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: v1
kind: Pod
metadata: { name: web-1, namespace: team-a, labels: { app: web, tier: front } }
spec:
  initContainers: [ { name: setup, image: busybox, command: [echo, ready] } ]
  containers:
  - { name: nginx, image: jpetazzo/ping }
  - { name: sidecar, image: alpine, command: [sleep, '3600'] }
---
apiVersion: v1
kind: Pod
metadata: { name: db-1, namespace: team-a, labels: { app: db, tier: back } }
spec:
  containers: [ { name: postgres, image: alpine, command: [sleep, '3600'] } ]
'@ | kubectl --kubeconfig $kubeconfig apply -f - | Out-Null
    }
}

AfterAll {
    $env:KUBECONFIG = $savedKubeConfig
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe "kubectl's short flags" -Skip:$skipKubectl {
    It 'binds -n to -Namespace, -l to -Selector and -A to -AllNamespaces' {
        (Get-KubePod -n team-a -KubeConfig $kubeconfig).Name | Sort-Object | Should -Be @('db-1', 'web-1')
        (Get-KubePod -n team-a -l app=web -KubeConfig $kubeconfig).Name | Should -Be 'web-1'
        (Get-KubePod -l tier=back -A -KubeConfig $kubeconfig).Namespace | Should -Be 'team-a'
        (Get-KubeService -n default -KubeConfig $kubeconfig).Name | Should -Be 'kubernetes'
    }

    It 'binds -c to -Container of Receive-KubeLog, and -Name still by position' {
        Wait-Until { (Get-KubePod web-1 -n team-a -KubeConfig $kubeconfig).Status -eq 'Running' } 'web-1 runs'
        $records = @(Receive-KubeLog web-1 -n team-a -c setup -KubeConfig $kubeconfig)
        $records.Container | Should -Be 'setup'
        $records.Message | Should -Be 'ready'
    }

    It 'keeps -Name and -Namespace apart: -n is the namespace, -na is ambiguous, -name the name' {
        (Get-Command Get-KubePod).ResolveParameter('n').Name | Should -Be 'Namespace'
        (Get-Command Get-KubePod).ResolveParameter('name').Name | Should -Be 'Name'
        { (Get-Command Get-KubePod).ResolveParameter('na') } | Should -Throw '*ambiguous*'
        (Get-Command Receive-KubeLog).ResolveParameter('c').Name | Should -Be 'Container'
        (Get-Command New-KubeService).ResolveParameter('l').Name | Should -Be 'Label'
    }

    It 'completes after an alias as after the parameter''s name' {
        Complete "Get-KubePod -KubeConfig $kubeconfig -n team" | Should -Be @('team-a')
        Complete "Receive-KubeLog web-1 -n team-a -KubeConfig $kubeconfig -c n" | Should -Be @('nginx')
    }
}

Describe 'Completing -Kind' {
    It 'offers the kinds the command takes: <Line>' -ForEach @(
        @{ Line = 'Get-KubeDescription -Kind st'; Expected = @('statefulsets') }
        @{ Line = 'Set-KubeReplicas web -Kind s'; Expected = @('statefulset') }
        @{ Line = 'Undo-KubeDeployment web -Kind d'; Expected = @('deployment', 'daemonset') }
    ) {
        Complete $Line | Should -Be $Expected
    }
}

Describe 'Completing -Container' -Skip:$skipKubectl {
    It 'offers the init containers and containers of the pod -Name names' {
        Complete "Receive-KubeLog web-1 -n team-a -KubeConfig $kubeconfig -c " | Should -Be @('nginx', 'setup', 'sidecar')
        Complete "Receive-KubeLog -Name web-1 -Namespace team-a -KubeConfig $kubeconfig -Container s" | Should -Be @('setup', 'sidecar')
    }

    It 'offers the containers of every pod in the namespace when none is named, or of the pods a wildcard names' {
        Complete "Receive-KubeLog -n team-a -KubeConfig $kubeconfig -c " | Should -Be @('nginx', 'postgres', 'setup', 'sidecar')
        Complete "Receive-KubeLog db* -n team-a -KubeConfig $kubeconfig -c " | Should -Be @('postgres')
        Complete "Receive-KubeLog -l app=db -n team-a -KubeConfig $kubeconfig -c " | Should -Be @('postgres')
    }
}

Describe 'Completing -Selector' -Skip:$skipKubectl {
    It 'offers the label keys of the objects the command lists' {
        Complete "Get-KubePod -n team-a -KubeConfig $kubeconfig -l " | Should -Be @('app', 'tier')
        Complete "Get-KubeNode -KubeConfig $kubeconfig -Selector kubernetes.io/h" | Should -Be @('kubernetes.io/hostname')
    }

    It 'offers the values of a key after key= or key!=' {
        Complete "Get-KubePod -n team-a -KubeConfig $kubeconfig -l app=" | Should -Be @('app=db', 'app=web')
        Complete "Receive-KubeLog -n team-a -KubeConfig $kubeconfig -l tier!=f" | Should -Be @('tier!=front')
    }

    It 'goes on with the next key after a comma, quoted as PowerShell needs' {
        Complete "Get-KubePod -n team-a -KubeConfig $kubeconfig -l 'app=web," | Should -Be @("'app=web,tier'")
        Complete "Get-KubePod -n team-a -KubeConfig $kubeconfig -l 'app=web,tier=" | Should -Be @("'app=web,tier=front'")
    }

    It 'looks in every namespace with -A' {
        Complete "Get-KubePod -A -KubeConfig $kubeconfig -l app=" | Should -Be @('app=db', 'app=web')
        Complete "Get-KubePod -KubeConfig $kubeconfig -l app=" | Should -BeNullOrEmpty
    }
}

Describe 'Completion with $PSDefaultParameterValues' -Skip:$skipKubectl {
    BeforeEach {
        $saved = $PSDefaultParameterValues.Clone()
        $PSDefaultParameterValues.Clear()
        $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig
    }

    AfterEach {
        $PSDefaultParameterValues.Clear()
        foreach ($entry in $saved.GetEnumerator()) { $PSDefaultParameterValues[$entry.Key] = $entry.Value }
        Remove-Item alias:kp -ErrorAction SilentlyContinue
        $env:KUBECONFIG = Join-Path $cluster.Folder 'missing-config'
    }

    It 'offers the default namespace''s pods, containers and labels, with the default kubeconfig' {
        $PSDefaultParameterValues['*-Kube*:Namespace'] = 'team-a'
        Complete 'Get-KubePod ' | Should -Be @('db-1', 'web-1')
        Complete 'Receive-KubeLog web-1 -c ' | Should -Be @('nginx', 'setup', 'sidecar')
        Complete 'Get-KubePod -l app=' | Should -Be @('app=db', 'app=web')
        Complete 'Remove-KubePod w' | Should -Be @('web-1')
    }

    It 'reads a relative -KubeConfig from PowerShell''s location, as the command does' {
        $PSDefaultParameterValues.Clear()
        Push-Location $cluster.Folder
        try {
            Complete 'Get-KubeService -KubeConfig ./config ' | Should -Be @('kubernetes')
        }
        finally {
            Pop-Location
        }
    }

    It 'lets what is typed win over the default' {
        $PSDefaultParameterValues['*-Kube*:Namespace'] = 'team-a'
        Complete 'Get-KubePod -n default ' | Should -BeNullOrEmpty
        Complete 'Get-KubeService -n default ' | Should -Be @('kubernetes')
    }

    It 'uses the default context, and its namespace' {
        Set-KubeContext fake-token -Namespace team-a -KubeConfig $kubeconfig
        try {
            $PSDefaultParameterValues['Get-KubePod:Context'] = 'fake-token'
            Complete 'Get-KubePod ' | Should -Be @('db-1', 'web-1')
            Complete 'Get-KubeService ' | Should -Be @('kubernetes')
        }
        finally {
            Set-KubeContext fake-token -Namespace default -KubeConfig $kubeconfig
        }
    }

    It 'matches the keys as the binder does: <Case>' -ForEach @(
        @{ Case = 'a wildcard command'; Defaults = @{ '*-Kube*:Namespace' = 'team-a' } }
        @{ Case = 'a parameter alias'; Defaults = @{ 'Get-KubePod:ns' = 'team-a' } }
        @{ Case = 'a parameter pattern'; Defaults = @{ 'Get-KubeP*:Names*' = 'team-a' } }
        @{ Case = 'a pattern matching two parameters'; Defaults = @{ 'Get-KubePod:N*' = 'team-a' } }
        @{ Case = 'a command alias'; Defaults = @{ 'kp:Namespace' = 'team-a' } }
        @{ Case = 'two keys giving two values'; Defaults = @{ 'Get-KubePod:Namespace' = 'team-a'; '*:Namespace' = 'kube-system' } }
        @{ Case = 'two keys giving one value'; Defaults = @{ 'Get-KubePod:Namespace' = 'team-a'; '*:Namespace' = 'team-a' } }
        @{ Case = 'Disabled'; Defaults = @{ '*:Namespace' = 'team-a'; 'Disabled' = $true } }
        @{ Case = 'a script block'; Defaults = @{ '*:Namespace' = { 'team-a' } } }
        @{ Case = 'another command'; Defaults = @{ 'Get-KubeService:Namespace' = 'team-a' } }
    ) {
        # KUBECONFIG, not a default, names the cluster here: Disabled turns every default off.
        $PSDefaultParameterValues.Clear()
        $env:KUBECONFIG = $kubeconfig
        Set-Alias kp Get-KubePod -Scope Global
        foreach ($entry in $Defaults.GetEnumerator()) { $PSDefaultParameterValues[$entry.Key] = $entry.Value }
        $listed = @(Get-KubePod -WarningAction SilentlyContinue | ForEach-Object Name | Sort-Object)
        Complete 'Get-KubePod ' | Should -Be $listed
    }
}

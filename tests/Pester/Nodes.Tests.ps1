#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# A fake cluster of three nodes (--nodes 3): Get-KubeNode lists them, a deployment's pods spread over them with IPs
# from each node's pod CIDR, and a pod asking for 32 CPUs (seed 002) stays Pending with the scheduler's event.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--nodes', '3', '--time-scale', '10')
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig
    $manifests = Join-Path ([System.IO.Path]::GetTempPath()) ("pskube-nodes-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $manifests | Out-Null
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Item -Recurse -Force $manifests -ErrorAction SilentlyContinue
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Several nodes' {
    It 'lists every node, Ready, the first one the control plane' {
        $nodes = @(Get-KubeNode)
        $nodes.Count | Should -Be 3
        $nodes.Metadata.Name | Should -Be @('fake-node-1', 'fake-node-2', 'fake-node-3')
        $nodes.Spec.PodCIDR | Should -Be @('10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24')
        $text = Get-KubeNode | Out-String
        $text | Should -Match 'fake-node-1\s+Ready\s+control-plane'
        $text | Should -Match 'fake-node-3\s+Ready\s+<none>'
    }

    It 'spreads a deployment''s pods over the nodes, each with an IP from its node''s CIDR' {
        New-KubeDeployment web -Image nginx -Replicas 6 | Out-Null
        Wait-KubeDeployment web -Timeout 60 | Out-Null
        Wait-KubePod (Get-KubePod -Selector app=web).Metadata.Name -Timeout 1m | Out-Null
        $pods = @(Get-KubePod -Selector app=web)
        $pods.Count | Should -Be 6
        @($pods.Node | Sort-Object -Unique).Count | Should -Be 3
        foreach ($pod in $pods) {
            $index = [int]$pod.Node.Substring('fake-node-'.Length) - 1
            $pod.IP | Should -BeLike "10.244.$index.*"
        }
        @($pods.IP | Sort-Object -Unique).Count | Should -Be 6
    }

    It 'keeps a pod asking for more CPU than any node has Pending, with FailedScheduling' {
        $path = Join-Path $manifests 'kubernetes-up-and-running-pod-with-requests.yml'
        Set-Content -Path $path -Value @'
kind: Pod
apiVersion: v1
metadata:
  name: kuard-with-requests
spec:
  containers:
  - name: kuard
    image: gcr.io/kuar-demo/kuard-amd64:1
    resources:
      requests:
        cpu: 32
'@
        New-KubeResource -Path $path | Out-Null
        $deadline = (Get-Date).AddSeconds(30)
        while (-not @(Get-KubePod kuard-with-requests | Get-KubeEvent | Where-Object Reason -EQ 'FailedScheduling') -and (Get-Date) -lt $deadline) {
            Start-Sleep -Milliseconds 100
        }
        $pod = Get-KubePod kuard-with-requests
        $pod.Status | Should -Be 'Pending'
        $pod.Node | Should -BeNullOrEmpty
        $event = @(Get-KubePod kuard-with-requests | Get-KubeEvent | Where-Object Reason -EQ 'FailedScheduling')[0]
        $event.Type | Should -Be 'Warning'
        $event.Message | Should -Be '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.'
    }
}

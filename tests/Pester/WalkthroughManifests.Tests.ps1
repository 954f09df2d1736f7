#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The seed workshops' second half, after Walkthrough.Tests.ps1: pods from manifests (shared/seeds 002: create -f,
# get -o yaml, logs -c, edit refused, generateName, limits) and objects kept as files (shared/seeds 004: apply -f
# twice, --dry-run, edit, view-last-applied, delete -f, label and its removal), each kubectl line done the
# PowerShell way against a fake cluster. Runs wherever pwsh and Pester 5 are installed (build.ps1 -Task Pester).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1') -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    # At 30 times real speed an hour of cluster time is two minutes; events must outlive the file's run.
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '30', '--event-ttl', '24h')
    $savedKubeconfig = $env:KUBECONFIG
    $env:KUBECONFIG = $cluster.KubeConfig
    $savedEditor = $env:KUBE_EDITOR
    $work = Join-Path $TestDrive 'hands-on'
    New-Item -ItemType Directory $work | Out-Null
    Push-Location $work

    # The workshop's solution files, as a learner writes them.
    Set-Content kubernetes-up-and-running-pod.yml @'
kind: Pod
apiVersion: v1
metadata:
  name: kubernetes-up-and-running
spec:
  containers:
  - name: kuard
    image: gcr.io/kuar-demo/kuard-amd64:1
'@
    Set-Content duplicate-containers.yml @'
kind: Pod
apiVersion: v1
metadata:
  name: duplicate-containers
spec:
  containers:
  - name: one
    image: gcr.io/kuar-demo/kuard-amd64:1
  - name: two
    image: gcr.io/kuar-demo/kuard-amd64:1
'@
    Set-Content duplicate-containers-with-custom-port.yml @'
kind: Pod
apiVersion: v1
metadata:
  name: duplicate-containers
spec:
  containers:
  - name: one
    image: gcr.io/kuar-demo/kuard-amd64:1
  - name: two
    image: gcr.io/kuar-demo/kuard-amd64:1
    args:
    - --address=:8081
'@
    Set-Content kubernetes-up-and-running-generic-pod.yml @'
kind: Pod
apiVersion: v1
metadata:
  generateName: kubernetes-up-and-running-
spec:
  containers:
  - name: kuard
    image: gcr.io/kuar-demo/kuard-amd64:1
'@
    Set-Content kubernetes-up-and-running-pod-with-limits.yml @'
kind: Pod
apiVersion: v1
metadata:
  generateName: kubernetes-up-and-running-with-limits-
spec:
  containers:
  - name: kuard
    image: gcr.io/kuar-demo/kuard-amd64:1
    resources:
      limits:
        memory: 256M
'@
    Set-Content kuard-pod.yaml @'
apiVersion: v1
kind: Pod
metadata:
  name: kuard
spec:
  containers:
    - image: gcr.io/kuar-demo/kuard-amd64:blue
      name: kuard
      ports:
        - containerPort: 8080
          name: http
          protocol: TCP
'@
}

AfterAll {
    Pop-Location
    $env:KUBECONFIG = $savedKubeconfig
    $env:KUBE_EDITOR = $savedEditor
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Pods from manifests (seed 002)' {
    It 'creates the pod of a file, shows it as YAML and reads its logs' {
        # kubectl create -f kubernetes-up-and-running-pod.yml
        $pod = New-KubeResource -Path kubernetes-up-and-running-pod.yml
        $pod.Name | Should -Be 'kubernetes-up-and-running'
        $pod.Kind | Should -Be 'Pod'
        (Wait-KubePod kubernetes-up-and-running -Timeout 00:01:00).Status | Should -Be 'Running'
        # kubectl get pod kubernetes-up-and-running -o yaml: the server's defaults are there now
        $yaml = Get-KubePod kubernetes-up-and-running | ConvertTo-KubeYaml
        $yaml | Should -Match 'imagePullPolicy: IfNotPresent'
        $yaml | Should -Match 'restartPolicy: Always'
        # kubectl logs kubernetes-up-and-running
        (Receive-KubeLog kubernetes-up-and-running -Raw) -join "`n" | Should -Match 'Serving on HTTP on :8080'
    }

    It 'shows why the second of two containers on one port keeps restarting' {
        New-KubeResource -Path duplicate-containers.yml | Out-Null
        # kubectl logs duplicate-containers -c two (-p when it is down)
        $deadline = (Get-Date).AddSeconds(60)
        do {
            $logs = (Receive-KubeLog duplicate-containers -Container two -Raw -ErrorAction SilentlyContinue) -join "`n"
            if ($logs -notmatch 'address already in use') {
                $logs = (Receive-KubeLog duplicate-containers -Container two -Previous -Raw -ErrorAction SilentlyContinue) -join "`n"
            }
        } until ($logs -match 'address already in use' -or (Get-Date) -gt $deadline)
        $logs | Should -Match 'listen tcp :8080: bind: address already in use'
        (Receive-KubeLog duplicate-containers -Container one -Raw) -join "`n" | Should -Match 'Serving on HTTP on :8080'
    }

    It 'refuses an edit of a running pod beyond its image, and says why in the editor' {
        # kubectl edit pod duplicate-containers: add args to container two, read the error, give up
        $log = Join-Path $TestDrive 'editor.log'
        $editor = Join-Path $TestDrive 'add-args.sh'
        Set-Content $editor @"
#!/bin/sh
echo "`$1" >> '$log'
cp "`$1" "$TestDrive/shown-`$(wc -l < '$log' | tr -d ' ').yaml"
if grep -q 'was not valid' "`$1"; then exit 0; fi
sed -i 's/^\(  *\)name: two$/\1name: two\n\1args: ["--address=:8081"]/' "`$1"
"@
        chmod +x $editor
        $env:KUBE_EDITOR = $editor
        Edit-KubeResource pod/duplicate-containers -ErrorVariable refused -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
        @(Get-Content $log).Count | Should -Be 2 -Because 'the file is reopened once with the error, then saved unchanged'
        $reopened = Get-Content -Raw (Join-Path $TestDrive 'shown-2.yaml')
        $reopened | Should -BeLike '*# pods "duplicate-containers" was not valid:*'
        $reopened | Should -BeLike '*pod updates may not change fields other than*'
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PodInvalid,*'
        (Get-KubePod duplicate-containers).Spec.Containers[1].Args | Should -BeNullOrEmpty
    }

    It 'recreates the pod from the fixed file, and both containers run' {
        # kubectl delete pod duplicate-containers; kubectl create -f duplicate-containers-with-custom-port.yml
        Remove-KubePod duplicate-containers -Wait
        New-KubeResource -Path duplicate-containers-with-custom-port.yml | Out-Null
        (Wait-KubePod duplicate-containers -Timeout 00:01:00).Ready | Should -BeTrue
        (Get-KubePod duplicate-containers).Spec.Containers[1].Args | Should -Be '--address=:8081'
        (Receive-KubeLog duplicate-containers -Container two -Raw) -join "`n" | Should -Match 'Serving on HTTP on :8081'
        Remove-KubePod duplicate-containers
    }

    It 'cannot create the same pod twice, but can with generateName' {
        New-KubeResource -Path kubernetes-up-and-running-pod.yml -ErrorVariable exists -ErrorAction SilentlyContinue | Out-Null
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'PodAlreadyExists,*'
        "$($exists[0])" | Should -Match 'kubernetes-up-and-running-pod.yml'
        $names = 1..3 | ForEach-Object { (New-KubeResource -Path kubernetes-up-and-running-generic-pod.yml).Name }
        $names | Should -HaveCount 3
        $names | ForEach-Object { $_ | Should -Match '^kubernetes-up-and-running-[a-z0-9]{5}$' }
        (Get-KubePod kubernetes-up-and-running*).Count | Should -Be 4
    }

    It 'gives a container with a memory limit the same request' {
        $pod = New-KubeResource -Path kubernetes-up-and-running-pod-with-limits.yml
        $pod.Spec.Containers[0].Resources.Limits['memory'] | Should -Be '256M'
        $pod.Spec.Containers[0].Resources.Requests['memory'] | Should -Be '256M'
    }

    It 'lists the events and removes every pod' {
        # kubectl get events; kubectl describe's events of one pod
        # The scheduler announces a pod bound at its creation when its queue reaches it, so the newest come a moment later.
        Wait-Until { @(Get-KubeEvent | Where-Object Reason -eq Scheduled).Count -gt 3 } 'the Scheduled events of the pods created'
        (Get-KubeEvent | Where-Object Reason -eq Scheduled).Count | Should -BeGreaterThan 3
        (Get-KubePod kubernetes-up-and-running | Get-KubeEvent).Reason | Should -Contain 'Started'
        # kubectl delete pods --all
        Remove-KubePod -All -Confirm:$false
        Get-KubePod | Where-Object { -not $_.Metadata.DeletionTimestamp } | Should -BeNullOrEmpty
    }
}

Describe 'Objects kept as files (seed 004)' {
    It 'applies a file, and applying it again changes nothing' {
        # kubectl apply -f kuard-pod.yaml (twice)
        $first = Set-KubeResource -Path kuard-pod.yaml
        $first.Name | Should -Be 'kuard'
        # (The kubelet writes the pod's status meanwhile, so its resourceVersion moves; Apply.Tests.ps1 checks that a
        # re-apply keeps it on an object nothing else writes.)
        $said = Set-KubeResource -Path kuard-pod.yaml -Verbose 4>&1
        $said | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message | Should -Contain 'pod/kuard unchanged'
        Compare-KubeResource -Path kuard-pod.yaml -Quiet | Should -BeFalse
    }

    It 'shows what a changed file would change, and -WhatIf changes nothing (--dry-run)' {
        (Get-Content kuard-pod.yaml -Raw) -replace 'kuard-amd64:blue', 'kuard-amd64:green' | Set-Content kuard-green.yaml
        Compare-KubeResource -Path kuard-green.yaml -Quiet | Should -BeTrue
        Compare-KubeResource -Path kuard-green.yaml | Out-String | Should -Match '\+ +- image: gcr.io/kuar-demo/kuard-amd64:green'
        Set-KubeResource -Path kuard-green.yaml -WhatIf
        (Get-KubePod kuard).Spec.Containers[0].Image | Should -Be 'gcr.io/kuar-demo/kuard-amd64:blue'
        Set-KubeResource -Path kuard-green.yaml | Out-Null
        (Get-KubePod kuard).Spec.Containers[0].Image | Should -Be 'gcr.io/kuar-demo/kuard-amd64:green'
    }

    It 'shows what was last applied (view-last-applied)' {
        $applied = Get-KubePod kuard | ConvertTo-KubeYaml -LastApplied
        $applied | Should -Match 'image: gcr.io/kuar-demo/kuard-amd64:green'
        $applied | Should -Not -Match 'imagePullPolicy'
    }

    It 'edits the object interactively' {
        # kubectl edit pod kuard: an image change is one a running pod takes
        $env:KUBE_EDITOR = "sed -i s/kuard-amd64:green/kuard-amd64:purple/"
        $edited = Edit-KubeResource pod/kuard
        $edited.Spec.Containers[0].Image | Should -Be 'gcr.io/kuar-demo/kuard-amd64:purple'
    }

    It 'labels a pod and removes the label' {
        # kubectl label pods kuard color=red; kubectl label pods kuard color-
        Set-KubeLabel color=red -Name pod/kuard | Out-Null
        (Get-KubePod -Selector color=red).Name | Should -Be 'kuard'
        Set-KubeLabel color- -Name pod/kuard | Out-Null
        (Get-KubePod kuard).Metadata.Labels.Keys | Should -Not -Contain 'color'
    }

    It 'deletes what the file holds (delete -f)' {
        Remove-KubeResource -Path kuard-pod.yaml
        Wait-KubePod kuard -For Deleted -Timeout 00:01:00 | Out-Null
        Get-KubePod kuard -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Deployments, replica sets, jobs, cron jobs and services against a fake cluster on a fast clock started for this
# suite. Objects are made with the New-* cmdlets of the same wave (walkthrough forms only).
BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $root 'out/PSKube/PSKube.psd1') -Force
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ("pskube-pester-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $work | Out-Null
    $kubeconfig = Join-Path $work 'config'
    $server = Get-ChildItem -Path (Join-Path $root 'tests/FakeCluster/bin') -Recurse -Filter 'PSKube.FakeCluster.dll' | Select-Object -First 1
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($server.FullName, '--kubeconfig', $kubeconfig, '--time-scale', '20')) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $fake = [System.Diagnostics.Process]::Start($startInfo)
    $ready = $fake.StandardOutput.ReadLine()
    if ($ready -notlike 'ready https://127.0.0.1:*') { throw "the fake cluster did not start: $ready" }
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    $fake.StandardInput.Close()
    $fake.WaitForExit(10000) | Out-Null
    Remove-Module PSKube -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $work
}

Describe 'Deployments: rollout, scale and removal' {
    BeforeAll {
        New-KubeDeployment pingpong -Image jpetazzo/ping | Out-Null
    }

    It 'waits for the rollout and outputs the deployment' {
        $deployment = Wait-KubeDeployment pingpong -Timeout 60
        $deployment.Name | Should -Be 'pingpong'
        $deployment.Status.AvailableReplicas | Should -Be 1
    }

    It 'scales from the pipeline and waits for the ready count' {
        $scaled = Get-KubeDeployment pingpong | Set-KubeReplicas 3 -Wait -Timeout 60 -PassThru
        $scaled.Status.ReadyReplicas | Should -Be 3
        (Get-KubePod -Selector app=pingpong | Where-Object Status -eq Running).Count | Should -Be 3
    }

    It 'scales by name, and -WhatIf changes nothing' {
        Set-KubeReplicas -Name pingpong -Replicas 8 -WhatIf
        (Get-KubeDeployment pingpong).Spec.Replicas | Should -Be 3
        Set-KubeReplicas -Name deploy/pingpong -Replicas 2 -Wait -Timeout 60
        (Get-KubeDeployment pingpong).Status.ReadyReplicas | Should -Be 2
    }

    It 'reports a missing deployment from the server dry run of -WhatIf' {
        Set-KubeReplicas -Name nowhere -Replicas 2 -WhatIf -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DeploymentNotFound*'
    }

    It 'refuses a kind that cannot be scaled before any request' {
        { Set-KubeReplicas -Name job/pi -Replicas 2 -ErrorAction Stop } | Should -Throw '*cannot be scaled*'
    }

    It 'lists the replica set the deployment made' {
        (Get-KubeReplicaSet -Selector app=pingpong).Count | Should -Be 1
    }

    It 'removes the deployment and its pods' {
        Remove-KubeDeployment pingpong -Wait
        Get-KubeDeployment pingpong* | Should -BeNullOrEmpty
    }
}

Describe 'Jobs: wait and removal' {
    It 'waits for a job to complete and outputs it' {
        New-KubeJob quick -Image alpine -- sleep 1 | Out-Null
        $job = Wait-KubeJob quick -Timeout 60
        $job.Status | Should -Be 'Complete'
    }

    It 'ends a wait for a failed job with an error naming the reason' {
        New-KubeJob broken -Image alpine -BackoffLimit 0 -- sh -c 'exit 1' | Out-Null
        Wait-KubeJob broken -Timeout 60 -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'JobFailed*'
        $failure[0].Exception.Message | Should -BeLike '*broken*BackoffLimitExceeded*'
    }

    It 'removes a job together with its pods' {
        Remove-KubeJob quick, broken -Wait
        Get-KubeJob | Should -BeNullOrEmpty
        $deadline = (Get-Date).AddSeconds(30)
        while ((Get-KubePod -Selector job-name=quick) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 200 }
        Get-KubePod -Selector job-name=quick | Should -BeNullOrEmpty
    }
}

Describe 'Cron jobs: suspend, resume and removal' {
    BeforeAll {
        New-KubeCronJob every3mins -Schedule '*/3 * * * *' -Image alpine -- sleep 10 | Out-Null
    }

    It 'suspends and resumes, keeping the schedule' {
        (Suspend-KubeCronJob every3mins -PassThru).Spec.Suspend | Should -BeTrue
        $resumed = Get-KubeCronJob every3mins | Resume-KubeCronJob -PassThru
        $resumed.Spec.Suspend | Should -BeFalse
        $resumed.Spec.Schedule | Should -Be '*/3 * * * *'
    }

    It 'changes nothing with -WhatIf' {
        Suspend-KubeCronJob every3mins -WhatIf
        (Get-KubeCronJob every3mins).Spec.Suspend | Should -BeFalse
    }

    It 'removes the cron job' {
        Remove-KubeCronJob every3mins
        Get-KubeCronJob | Should -BeNullOrEmpty
    }
}

Describe 'Services' {
    It 'lists the kubernetes service and reports a missing one as ServiceNotFound' {
        (Get-KubeService kubernetes).Spec.ClusterIP | Should -Not -BeNullOrEmpty
        Get-KubeService nowhere -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'ServiceNotFound*'
        Remove-KubeService nowhere -ErrorAction SilentlyContinue -ErrorVariable gone
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'ServiceNotFound*'
    }
}

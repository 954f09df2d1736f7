#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The examples of about_PSKube_Automation, taken from docs/help/about_PSKube_Automation.md as printed and run as a
# scheduler runs them: pwsh -NoProfile -NonInteractive, a minimal environment (cron, systemd), PSKube installed in
# the user's module folder, against a fake cluster.
BeforeDiscovery {
    $unix = -not $IsWindows
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')

    # Every indented block of the page that starts with "# Example: NAME", by NAME, without its indentation.
    $examples = @{}
    $block = $null
    foreach ($line in Get-Content (Join-Path $root 'docs/help/about_PSKube_Automation.md')) {
        if ($line -match '^    # Example: (?<name>\S+)$') { $block = [System.Collections.Generic.List[string]]::new(); $examples[$Matches.name] = $block; continue }
        if ($null -ne $block -and $line -match '^    (?<code>.*)$') { $block.Add($Matches.code); continue }
        $block = $null
    }

    $cluster = Start-FakeCluster -ExtraArguments '--time-scale', '30'
    Import-Module (Join-Path $root 'out/PSKube/PSKube.psd1') -Force
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $cluster.KubeConfig

    # What /opt/ops and C:\ops hold in the examples: the script and the kubeconfig.
    $ops = Join-Path $cluster.Folder 'ops'
    New-Item -ItemType Directory -Path $ops | Out-Null
    Set-Content -Path (Join-Path $ops 'restart-web.ps1') -Value ($examples['restart-web.ps1'] -join "`n")
    Copy-Item $cluster.KubeConfig (Join-Path $ops 'ops.kubeconfig')

    # The account's home, with PSKube installed as Install-PSResource installs it for the current user.
    $accountHome = Join-Path $cluster.Folder 'home'
    $version = (Import-PowerShellDataFile (Join-Path $root 'out/PSKube/PSKube.psd1')).ModuleVersion
    $userModules = if ($IsWindows) { Join-Path $accountHome 'Documents/PowerShell/Modules' } else { Join-Path $accountHome '.local/share/powershell/Modules' }
    New-Item -ItemType Directory -Path (Join-Path $userModules "PSKube/$version") -Force | Out-Null
    Copy-Item -Recurse (Join-Path $root 'out/PSKube/*') (Join-Path $userModules "PSKube/$version")

    # /usr/bin/pwsh of the examples: this pwsh, also where it runs as a dotnet tool.
    $pwsh = Get-PwshCommand
    $pwshWrapper = Join-Path $cluster.Folder 'pwsh'
    $pwshArguments = @($pwsh.Arguments | ForEach-Object { "'$_'" }) -join ' '
    # The runtime running this pwsh is <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
    $dotnetRoot = [System.IO.Path]::GetFullPath((Join-Path ([System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()) '../../..'))
    Set-Content -Path $pwshWrapper -Value "#!/bin/sh`nexport DOTNET_ROOT='$dotnetRoot'`nexec '$($pwsh.FileName)' $pwshArguments `"`$@`""
    if (-not $IsWindows) { chmod +x $pwshWrapper }

    # The examples' paths made real.
    function Resolve-ExamplePath([string] $Text) {
        $Text.Replace('/usr/bin/pwsh', $pwshWrapper).Replace('/opt/ops/', "$ops/").Replace('C:\ops\', "$ops/")
    }

    # Runs a shell command line with only the given variables, HOME and a minimal PATH, as cron and systemd do.
    function Invoke-MinimalEnvironment([string] $CommandLine, [hashtable] $Variables) {
        $assignments = @("HOME=$accountHome", 'PATH=/usr/bin:/bin') + @($Variables.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" })
        $output = & env -i @assignments /bin/sh -c $CommandLine 2>&1
        [pscustomobject]@{ Output = @($output | ForEach-Object { "$_" }); ExitCode = $LASTEXITCODE }
    }

    # Runs pwsh with a command or script arguments, the account's home and KUBECONFIG, as a scheduler would.
    function Invoke-Scheduled([string[]] $Arguments) {
        $startInfo = New-PwshStartInfo $Arguments
        $startInfo.Environment['HOME'] = $accountHome
        $startInfo.Environment['USERPROFILE'] = $accountHome
        $startInfo.Environment.Remove('XDG_DATA_HOME') | Out-Null
        $startInfo.Environment.Remove('PSModulePath') | Out-Null
        $startInfo.Environment['KUBECONFIG'] = Join-Path $ops 'ops.kubeconfig'
        Wait-FreshPwsh $startInfo
    }

    function New-WebDeployment {
        Remove-KubeDeployment web -ErrorAction Ignore -Confirm:$false
        New-KubeDeployment web -Image nginx -Replicas 2 | Out-Null
        Wait-KubeDeployment web -Timeout 60
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
}

Describe 'about_PSKube_Automation' {
    It 'prints every example the tests run' {
        $examples.Keys | Sort-Object | Should -Be @('confirm', 'crontab', 'exit-codes', 'ops.kubeconfig', 'restart-web.ps1', 'restart-web.service', 'restart-web.timer', 'service-account.ps1', 'task-scheduler')
    }

    It 'restart-web.ps1 restarts, logs with a transcript and exits with 0, or exits with 2 naming the error id' {
        New-WebDeployment
        $run = Invoke-Scheduled '-NoProfile', '-NonInteractive', '-File', (Join-Path $ops 'restart-web.ps1')
        $run.ExitCode | Should -Be 0
        $run.Lines -join "`n" | Should -Match '(?m)^web restarted at '
        Get-Content (Join-Path $ops 'restart-web.log') -Raw | Should -Match 'web restarted at '

        Remove-KubeDeployment web -Confirm:$false
        $run = Invoke-Scheduled '-NoProfile', '-NonInteractive', '-File', (Join-Path $ops 'restart-web.ps1')
        $run.ExitCode | Should -Be 2
        $run.Lines -join "`n" | Should -Match '(?m)^restart failed: DeploymentNotFound,'
    }

    It 'exit-codes: an error that stops pwsh -Command is exit code 1' -Skip:(-not $unix) {
        $run = Invoke-MinimalEnvironment (Resolve-ExamplePath ($examples['exit-codes'].Replace('pwsh ', '/usr/bin/pwsh ') -join "`n")) @{ KUBECONFIG = Join-Path $ops 'ops.kubeconfig' }
        $run.Output | Should -Contain 'exit code 1'
    }

    It 'confirm: without a console a namespace is removed only with -Confirm:$false; -WhatIf changes nothing' {
        New-KubeNamespace staging | Out-Null
        $run = Invoke-Scheduled '-NoProfile', '-NonInteractive', '-Command', 'Remove-KubeNamespace staging'
        $run.ExitCode | Should -Be 1
        $run.Errors | Should -Match 'Confirm:\$false'
        (Get-KubeNamespace staging).Status | Should -Be 'Active'

        $run = Invoke-Scheduled '-NoProfile', '-NonInteractive', '-Command', ($examples['confirm'] -join "`n")
        $run.ExitCode | Should -Be 0
        $run.Errors | Should -BeNullOrEmpty
        $run.Lines -join "`n" | Should -Match 'What if: .*staging'
        Get-KubeNamespace staging -ErrorAction Ignore | Where-Object Status -EQ 'Active' | Should -BeNullOrEmpty
    }

    It 'service-account.ps1 and ops.kubeconfig: the job runs as the service account, with the token from its file' {
        New-WebDeployment
        & ([scriptblock]::Create((Resolve-ExamplePath ($examples['service-account.ps1'] -join "`n")))) | Out-Null
        # The example's cluster is this fake one: its address and its CA.
        $fake = Get-Content $cluster.KubeConfig -Raw
        $server = [regex]::Match($fake, 'server: (\S+)').Groups[1].Value
        $authority = [regex]::Match($fake, 'certificate-authority-data: (\S+)').Groups[1].Value
        [System.IO.File]::WriteAllBytes((Join-Path $ops 'prod-ca.crt'), [Convert]::FromBase64String($authority))
        $kubeconfig = (Resolve-ExamplePath ($examples['ops.kubeconfig'] -join "`n")).Replace('https://prod.example.com:6443', $server)
        $serviceAccountFolder = New-Item -ItemType Directory -Path (Join-Path $ops 'as-service-account')
        Set-Content -Path (Join-Path $serviceAccountFolder 'ops.kubeconfig') -Value $kubeconfig

        $startInfo = New-FreshPwshStartInfo "(Get-KubeIdentity).Username; & '$(Join-Path $ops 'restart-web.ps1')'"
        $startInfo.Environment['KUBECONFIG'] = Join-Path $serviceAccountFolder 'ops.kubeconfig'
        $startInfo.Environment['PSModulePath'] = Join-Path $root 'out'
        $run = Wait-FreshPwsh $startInfo
        $run.ExitCode | Should -Be 0
        $run.Lines[0] | Should -Be 'system:serviceaccount:ops:restarter'
        $run.Lines -join "`n" | Should -Match '(?m)^web restarted at '
    }

    It 'crontab: the job line runs with only cron''s environment and the crontab''s variables' -Skip:(-not $unix) {
        New-WebDeployment
        $lines = $examples['crontab'] | Where-Object { $_ -notmatch '^#' }
        $variables = @{}
        $lines | Where-Object { $_ -match '^(?<name>[A-Z_]+)=(?<value>.*)$' } | ForEach-Object { $variables[$Matches.name] = Resolve-ExamplePath $Matches.value }
        $command = ($lines | Where-Object { $_ -match '^\S+ \S+ \S+ \S+ \S+ ' }) -replace '^(\S+ ){5}', ''

        $run = Invoke-MinimalEnvironment (Resolve-ExamplePath $command) $variables
        $run.ExitCode | Should -Be 0
        Get-Content (Join-Path $ops 'cron.log') -Raw | Should -Match '(?m)^web restarted at '
    }

    It 'restart-web.service: ExecStart runs with the unit''s Environment, and the timer names its calendar' -Skip:(-not $unix) {
        New-WebDeployment
        $service = $examples['restart-web.service']
        $variables = @{}
        $service | Where-Object { $_ -match '^Environment=(?<name>[A-Z_]+)=(?<value>.*)$' } | ForEach-Object { $variables[$Matches.name] = Resolve-ExamplePath $Matches.value }
        $command = ($service | Where-Object { $_ -like 'ExecStart=*' }).Substring('ExecStart='.Length)

        $run = Invoke-MinimalEnvironment (Resolve-ExamplePath $command) $variables
        $run.ExitCode | Should -Be 0
        $run.Output -join "`n" | Should -Match '(?m)^web restarted at '
        $examples['restart-web.timer'] | Should -Contain 'OnCalendar=*-*-* 03:00:00'
    }

    It 'task-scheduler: the action''s arguments run the script (registering the task needs Windows and an account)' {
        New-WebDeployment
        $argumentLine = [regex]::Match(($examples['task-scheduler'] -join "`n"), "-Argument '(?<arguments>[^']*)'").Groups['arguments'].Value
        $run = Invoke-Scheduled (Resolve-ExamplePath $argumentLine).Split(' ')
        $run.ExitCode | Should -Be 0
        $run.Lines -join "`n" | Should -Match '(?m)^web restarted at '
    }
}

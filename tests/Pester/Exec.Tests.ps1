#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Invoke-KubeCommand and Enter-KubePod against a fake cluster started for this suite: its simulated busybox runs
# echo, cat, ls, hostname, sleep and sh (-c scripts, or an interactive shell on a terminal).
BeforeDiscovery {
    $noScript = -not (Get-Command script -ErrorAction SilentlyContinue) -or $IsWindows
}

BeforeAll {
    $module = Join-Path $PSScriptRoot '../../out/PSKube/PSKube.psd1'
    Import-Module $module -Force
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    $cluster = Start-FakeCluster -ExtraArguments @('--time-scale', '10')
    $kubeconfig = $cluster.KubeConfig
    $PSDefaultParameterValues['*-Kube*:KubeConfig'] = $kubeconfig

    New-KubePod box -Image busybox -- sleep 3600 | Out-Null
    New-KubePod box2 -Image busybox -- sleep 3600 | Out-Null
    Wait-KubePod box, box2 -Timeout 00:00:30 | Out-Null
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Kube*:KubeConfig')
    Stop-FakeCluster $cluster
    Remove-Module PSKube -ErrorAction SilentlyContinue
}

Describe 'Invoke-KubeCommand' {
    It 'runs the words after -- and writes the output lines' {
        Invoke-KubeCommand box -- echo hello world | Should -Be 'hello world'
        $LASTEXITCODE | Should -Be 0
    }

    It 'takes the command as a list' {
        $lines = Invoke-KubeCommand box -Command sh, -c, 'echo one; echo two'
        $lines | Should -Be @('one', 'two')
    }

    It 'passes words that look like parameters on after --' {
        Invoke-KubeCommand box -- echo -n -x | Should -Be '-x'
    }

    It 'writes stderr lines as FromStdErr errors and a non-zero exit as NonZeroExitCode, with $LASTEXITCODE' {
        $all = Invoke-KubeCommand box -- ls /nope 2>&1
        $LASTEXITCODE | Should -Be 1
        $stderr = $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'RemoteStandardError*' }
        $stderr.Exception.Message | Should -Be 'ls: /nope: No such file or directory'
        $stderr.CategoryInfo.Category | Should -Be 'FromStdErr'
        $exit = $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'NonZeroExitCode*' }
        $exit.Exception.ExitCode | Should -Be 1
        $exit.TargetObject.Name | Should -Be 'box'
    }

    It 'keeps the output written before a failing exit' {
        $output = Invoke-KubeCommand box -ErrorVariable failure -ErrorAction SilentlyContinue -- sh -c 'echo partial; exit 3'
        $output | Should -Be 'partial'
        $LASTEXITCODE | Should -Be 3
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NonZeroExitCode*'
        $failure[0].Exception.Message | Should -BeLike '*command terminated with exit code 3*'
    }

    It 'sends piped lines as input and closes it, so cat ends' {
        'hello', 'world' | Invoke-KubeCommand box -- cat | Should -Be @('hello', 'world')
    }

    It 'sends -InputObject as input' {
        Invoke-KubeCommand box -InputObject 'x', 'y' -- cat | Should -Be @('x', 'y')
    }

    It 'gives the whole output as one string with -Raw' {
        Invoke-KubeCommand box -Raw -- sh -c 'echo one; echo two' | Should -BeExactly "one`ntwo`n"
    }

    It 'runs in each piped pod in turn' {
        Get-KubePod box, box2 | Invoke-KubeCommand -- hostname | Should -Be @('box', 'box2')
        Get-KubePod box2 | Invoke-KubeCommand -Command hostname | Should -Be 'box2'
    }

    It 'reports a missing pod as PodNotFound' {
        Invoke-KubeCommand nowhere -ErrorVariable failure -ErrorAction SilentlyContinue -- date
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'PodNotFound*'
    }

    It 'reports a program the image lacks as RemoteCommandFailed with exit code 1' {
        Invoke-KubeCommand box -ErrorVariable failure -ErrorAction SilentlyContinue -- bash
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'RemoteCommandFailed*'
        $failure[0].ErrorDetails.Message | Should -BeLike '*executable file not found*'
        $LASTEXITCODE | Should -Be 1
    }

    It 'says what is missing without a command or a pod' {
        { Invoke-KubeCommand box } | Should -Throw -ErrorId 'NoCommand*'
        { Invoke-KubeCommand -Command date } | Should -Throw -ErrorId 'NoPodNamed*'
    }

    It 'refuses pods and input piped together' {
        $pod = Get-KubePod box
        'text', $pod | Invoke-KubeCommand box -ErrorVariable failure -ErrorAction SilentlyContinue -- cat | Out-Null
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'MixedPipelineInput*'
    }

    It 'stops within 2 seconds when the pipeline is stopped (Ctrl+C)' {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$module'; Invoke-KubeCommand box -KubeConfig '$kubeconfig' -- sh -c 'echo started; sleep 3600'")
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $running = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while ($output.Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $output[0] | Should -Be 'started'
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $running.IsCompleted | Should -BeTrue
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
        }
        finally {
            $shell.Dispose()
        }
    }
}

Describe 'Enter-KubePod' {
    It 'refuses to start without an interactive console' {
        # Pester runs in pwsh -NonInteractive with redirected streams.
        { Enter-KubePod box } | Should -Throw -ErrorId 'NoInteractiveConsole*'
    }

    It 'refuses -Attach with a command' -Skip:$noScript {
        $screen = Invoke-InTerminal "try { Enter-KubePod box -Attach -ErrorAction Stop -- sh } catch { `$_.FullyQualifiedErrorId }"
        $screen | Should -BeLike '*AttachWithCommand*'
    }

    It 'runs a shell on a terminal: keys go in, output comes out, Ctrl+C reaches the remote program, exit returns' -Skip:$noScript {
        # Each key is typed once the screen shows what comes before it, as a person would: a Ctrl+C typed before the
        # session starts would reach PowerShell itself. The local terminal shows the remote LF as CR LF.
        $screen = Invoke-InTerminal "Enter-KubePod box; 'exit code ' + `$LASTEXITCODE" @(
            '/ # ', "echo hi`r"
            "`nhi", "cat`r"
            "cat`r", "`u{3}"
            '^C', "exit 4`r")
        $screen | Should -Match "(?m)^hi\r" -Because $screen
        $screen | Should -Match 'exit code 4'
    }

    BeforeAll {
        # Runs PowerShell on a pseudo-terminal (util-linux script) and returns all it showed. $Steps are pairs: text
        # to wait for on the screen, then the keys to type.
        function Invoke-InTerminal([string] $Command, [string[]] $Steps = @()) {
            # This PowerShell again: pwsh itself, or dotnet running pwsh.dll when PowerShell is a dotnet tool.
            $pwsh = (Get-Process -Id $PID).Path
            if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $pwsh = "$pwsh $([Environment]::GetCommandLineArgs()[0])" }
            $inner = "Import-Module '$module'; `$env:KUBECONFIG = '$kubeconfig'; $Command"
            $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($inner))
            $startInfo = [System.Diagnostics.ProcessStartInfo]::new('script')
            foreach ($argument in '-qec', "$pwsh -NoProfile -EncodedCommand $encoded", '/dev/null') { $startInfo.ArgumentList.Add($argument) }
            $startInfo.RedirectStandardInput = $true
            $startInfo.RedirectStandardOutput = $true
            $process = [System.Diagnostics.Process]::Start($startInfo)
            try {
                $screen = [System.Text.StringBuilder]::new()
                $buffer = [byte[]]::new(4096)
                $stream = $process.StandardOutput.BaseStream
                $read = $stream.ReadAsync($buffer, 0, $buffer.Length)
                $next = 0
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while ($true) {
                    if ($read.Wait(20)) {
                        if ($read.Result -eq 0) { break }
                        $null = $screen.Append([System.Text.Encoding]::UTF8.GetString($buffer, 0, $read.Result))
                        $read = $stream.ReadAsync($buffer, 0, $buffer.Length)
                    }
                    if ($next -lt $Steps.Count -and $screen.ToString().Contains($Steps[$next])) {
                        $process.StandardInput.Write($Steps[$next + 1])
                        $process.StandardInput.Flush()
                        $next += 2
                    }
                    if ([DateTime]::UtcNow -gt $deadline) { throw "the terminal session did not end; it showed: $screen" }
                }
                $screen.ToString()
            }
            finally {
                $process.StandardInput.Dispose()
                if (-not $process.HasExited) { $process.Kill($true) }
            }
        }
    }
}

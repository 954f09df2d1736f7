# Starts a new pwsh, as a scheduled task or a fresh terminal would: dot-source this file.

# How to start this same pwsh: its program and the arguments before pwsh's own (dotnet pwsh.dll where it runs as
# a dotnet tool).
function Get-PwshCommand {
    $program = [Environment]::ProcessPath
    [pscustomobject]@{
        FileName  = $program
        Arguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($program) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    }
}

# A ProcessStartInfo for pwsh with these arguments, output and errors redirected; callers may change its environment.
function New-PwshStartInfo([string[]] $Arguments) {
    $pwsh = Get-PwshCommand
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($pwsh.FileName)
    foreach ($argument in @($pwsh.Arguments) + $Arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo
}

# pwsh -NoProfile -NonInteractive running $Script.
function New-FreshPwshStartInfo([string] $Script) {
    New-PwshStartInfo '-NoLogo', '-NoProfile', '-NonInteractive', '-Command', $Script
}

# Runs a process to its end: its output lines, its error text and its exit code.
function Wait-FreshPwsh([System.Diagnostics.ProcessStartInfo] $StartInfo) {
    $process = [System.Diagnostics.Process]::Start($StartInfo)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    [pscustomobject]@{ Lines = @($output -split '\r?\n' | Where-Object { $_ }); Errors = $errors.Result; ExitCode = $process.ExitCode }
}

# Starts a new pwsh -NoProfile -NonInteractive, as a scheduled task or a fresh terminal would: dot-source this file.

# A ProcessStartInfo for pwsh itself (also where it runs as a dotnet tool: dotnet pwsh.dll) running $Script, with
# output and errors redirected; callers add environment variables before starting it.
function New-FreshPwshStartInfo([string] $Script) {
    $pwsh = [Environment]::ProcessPath
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
    if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $startInfo.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($argument in '-NoLogo', '-NoProfile', '-NonInteractive', '-Command', $Script) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo
}

# Runs a started process to its end: its output lines, its error text and its exit code.
function Wait-FreshPwsh([System.Diagnostics.ProcessStartInfo] $StartInfo) {
    $process = [System.Diagnostics.Process]::Start($StartInfo)
    $errors = $process.StandardError.ReadToEndAsync()
    $output = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    [pscustomobject]@{ Lines = @($output -split '\r?\n' | Where-Object { $_ }); Errors = $errors.Result; ExitCode = $process.ExitCode }
}

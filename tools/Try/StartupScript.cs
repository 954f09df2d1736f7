namespace PSKube.Try;

/// <summary>
/// The script pwsh runs first: imports PSKube, creates the sample workloads, then either greets the user (no
/// script given) or runs the script given and exits with its exit code.
/// </summary>
internal static class StartupScript
{
    public static string Text(string manifest, string samples, string server) => $$"""
        param([string] $Script, [Parameter(ValueFromRemainingArguments)] [object[]] $ScriptArguments)
        Import-Module '{{Quote(manifest)}}'
        $null = New-KubeResource -Path '{{Quote(samples)}}'
        if (-not $Script) {
            Write-Host "PSKube $((Get-Module PSKube).Version) against a fake cluster at {{server}}; `$env:KUBECONFIG names its kubeconfig."
            Write-Host 'Try: Get-KubePod; Get-KubeDeployment web | Set-KubeReplicas 5; Get-KubePod -Selector app=web | Receive-KubeLog -Follow'
            Write-Host 'Help: Get-Help about_PSKube; Get-Command -Module PSKube. The cluster stops when you exit.'
            return
        }
        $global:LASTEXITCODE = 0
        & $Script @ScriptArguments
        exit $global:LASTEXITCODE
        """;

    // Inside single quotes PowerShell needs only quotes doubled.
    private static string Quote(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}

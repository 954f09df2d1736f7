# Starts and stops a fake cluster process for a Pester suite: dot-source this file in BeforeAll.

# Starts the fake cluster, which writes a kubeconfig for itself into a new temporary folder.
# Returns an object with the Process, the Folder and the KubeConfig path.
function Start-FakeCluster([string[]] $ExtraArguments = @()) {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("pskube-pester-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $folder | Out-Null
    $kubeconfig = Join-Path $folder 'config'
    $server = Get-ChildItem -Path (Join-Path $root 'tests/FakeCluster/bin') -Recurse -Filter 'PSKube.FakeCluster.dll' | Select-Object -First 1
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($server.FullName, '--kubeconfig', $kubeconfig) + $ExtraArguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $ready = $process.StandardOutput.ReadLine()
    if ($ready -notlike 'ready https://127.0.0.1:*') { throw "the fake cluster did not start: $ready" }
    [pscustomobject]@{ Process = $process; Folder = $folder; KubeConfig = $kubeconfig }
}

# Stops the fake cluster (closing its input ends it) and deletes its folder.
function Stop-FakeCluster($Cluster) {
    $Cluster.Process.StandardInput.Close()
    $Cluster.Process.WaitForExit(10000) | Out-Null
    Remove-Item -Recurse -Force $Cluster.Folder
}

# Polls a condition the cluster's controllers make true in their own time (30 s at most), instead of a fixed sleep.
function Wait-Until([scriptblock] $Condition, [string] $Because) {
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while (-not (& $Condition)) {
        if ([DateTime]::UtcNow -gt $deadline) { throw "timed out waiting: $Because" }
        Start-Sleep -Milliseconds 100
    }
}

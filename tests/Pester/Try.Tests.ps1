#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# README's first command, `dotnet run --project tools/Try`, run as CI runs it: non-interactively, with a script.
BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("pskube-try-test-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $folder | Out-Null
    $script = Join-Path $folder 'check.ps1'
    Set-Content -Path $script -Value @'
param([string] $Greeting)
$ErrorActionPreference = 'Stop'
"greeting $Greeting"
"module $((Get-Module PSKube).Version)"
"deployments $((Get-KubeDeployment | Sort-Object Name).Name -join ',')"
"cronjobs $((Get-KubeCronJob).Name)"
"kubeconfig $env:KUBECONFIG"
"server $((Get-KubeContext -Current).Server)"
exit 3
'@
}

AfterAll {
    Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
}

Describe 'dotnet run --project tools/Try' {
    It 'imports PSKube against a fake cluster with the sample workloads, runs the script, and stops the cluster' {
        $lines = @(dotnet run --project (Join-Path $root 'tools/Try') --no-build -- $script hello)
        $LASTEXITCODE | Should -Be 3

        $lines[0..3] | Should -Be @('greeting hello', "module $((Import-PowerShellDataFile (Join-Path $root 'out/PSKube/PSKube.psd1')).ModuleVersion)", 'deployments kuard,web', 'cronjobs hello')
        $kubeconfig = ($lines | Where-Object { $_ -like 'kubeconfig *' }).Substring('kubeconfig '.Length)
        $server = [uri]($lines | Where-Object { $_ -like 'server *' }).Substring('server '.Length)

        # Gone with the shell: the cluster's folder and its port.
        Test-Path (Split-Path $kubeconfig) | Should -BeFalse
        $client = [System.Net.Sockets.TcpClient]::new()
        { $client.Connect('127.0.0.1', $server.Port) } | Should -Throw
        $client.Dispose()
    }
}

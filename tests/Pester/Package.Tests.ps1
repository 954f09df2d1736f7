#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The package of ./build.ps1 -Task Package installs as users install modules: a local file repository registered in
# a clean home (no modules, no module cache, no repositories), Install-PSResource, import in a fresh pwsh, a command
# against a fake cluster, Uninstall-PSResource. .ci/run builds the package first; a developer run builds it here.
BeforeAll {
    . (Join-Path $PSScriptRoot 'FakeCluster.ps1')
    . (Join-Path $PSScriptRoot 'FreshPwsh.ps1')
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $version = (Import-PowerShellDataFile -Path (Join-Path $root 'out/PSKube/PSKube.psd1')).ModuleVersion
    $package = Join-Path $root "out/PSKube.$version.nupkg"
    # A package older than the built module is rebuilt, so the test never installs yesterday's module.
    if (-not (Test-Path $package) -or (Get-Item $package).LastWriteTime -lt (Get-Item (Join-Path $root 'out/PSKube/PSKube.dll')).LastWriteTime) {
        & (Join-Path $root 'build.ps1') -Task Package | Out-Host
    }
    $cluster = Start-FakeCluster

    # A home of its own: PSResourceGet keeps repositories and its cache, and installs CurrentUser modules, under
    # the user's folders (~/.local/share on Linux and macOS, LOCALAPPDATA and Documents on Windows).
    $cleanHome = Join-Path ([System.IO.Path]::GetTempPath()) ("pskube-package-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $cleanHome | Out-Null

    # Runs a script in a new pwsh -NoProfile whose home is the clean one; returns its output lines and exit code.
    function Invoke-CleanPwsh([string] $Script) {
        $startInfo = New-FreshPwshStartInfo $Script
        $startInfo.Environment['HOME'] = $cleanHome
        $startInfo.Environment['USERPROFILE'] = $cleanHome
        # The default folders under that home, as on a new user's machine (Install-PSResource writes CurrentUser
        # modules under HOME even where XDG_DATA_HOME says otherwise, so no XDG variable is passed on). They must
        # exist: .NET names a special folder only when it does (else PSResourceGet writes into the working directory).
        foreach ($variable in 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME') { $startInfo.Environment.Remove($variable) | Out-Null }
        foreach ($folder in '.local/share', '.config', '.cache') { New-Item -ItemType Directory -Force -Path (Join-Path $cleanHome $folder) | Out-Null }
        foreach ($variable in 'LOCALAPPDATA', 'APPDATA') {
            $startInfo.Environment[$variable] = (New-Item -ItemType Directory -Force -Path (Join-Path $cleanHome $variable)).FullName
        }
        # pwsh's default module path, whose user part is in the clean home: not the one of this test run.
        $startInfo.Environment.Remove('PSModulePath') | Out-Null
        $startInfo.Environment['KUBECONFIG'] = $cluster.KubeConfig
        Wait-FreshPwsh $startInfo
    }
}

AfterAll {
    Stop-FakeCluster $cluster
    Remove-Item -Recurse -Force $cleanHome -ErrorAction SilentlyContinue
}

Describe 'The PSKube package' {
    It 'holds the module and its licence, and no test or build files' {
        $size = (Get-Item $package).Length
        Write-Host ('      {0}: {1:N0} bytes' -f (Split-Path $package -Leaf), $size)
        $size | Should -BeLessThan 5MB
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($package)
        try {
            $files = @($zip.Entries.FullName | Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|PSKube\.nuspec$)' } | Sort-Object)
        }
        finally {
            $zip.Dispose()
        }
        $files | Should -Be (@(
            'dependencies/DiffPlex.dll', 'dependencies/PSKube.Client.dll', 'dependencies/YamlDotNet.dll',
            'en-US/about_PSKube.help.txt', 'en-US/about_PSKube_Automation.help.txt', 'en-US/PSKube.dll-Help.xml',
            'LICENSE', 'PSKube.dll', 'PSKube.format.ps1xml', 'PSKube.Loader.dll', 'PSKube.psd1', 'PSKube.types.ps1xml'
        ) | Sort-Object)
    }

    It 'installs from a file repository into a clean home, works in a fresh pwsh, and uninstalls' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name PSKubeLocal -Uri '$(Split-Path $package)' -Trusted
Install-PSResource -Name PSKube -Version '$version' -Repository PSKubeLocal -Scope CurrentUser
`$installed = Get-Module -ListAvailable -Name PSKube
'installed ' + `$installed.Version + ' ' + (Test-ModuleManifest -Path `$installed.Path).Name
Import-Module PSKube
'client ' + (Get-KubeVersion).ClientVersion
New-KubePod packaged -Image nginx | Out-Null
'pods ' + ((Get-KubePod).Name -join ',')
'help ' + ((Get-Help Get-KubePod).Synopsis -ne '')
Remove-Module PSKube
Uninstall-PSResource -Name PSKube -Version '$version' -Scope CurrentUser
'left ' + @(Get-Module -ListAvailable -Name PSKube).Count
"@
        $run = Invoke-CleanPwsh $script
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Lines | Should -Be @("installed $version PSKube", "client $version", 'pods packaged', 'help True', 'left 0')
    }
}

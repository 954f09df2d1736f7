#Requires -Version 7.4
<#
.SYNOPSIS
    Builds PSKube and runs its tests: the single entry point for developers who have PowerShell.
.DESCRIPTION
    Build   - dotnet build PSKube.sln, which lays out the importable module in out/PSKube.
    Test    - the xunit suites (dotnet test), then Pester when it is installed.
    Pester  - only the Pester suites in tests/Pester, against the built module and a fake cluster.
    Package - a Release build of the module, published with Publish-PSResource to a local file repository in out/:
              out/PSKube.<version>.nupkg, ready for Install-PSResource or for publishing to a gallery.
    Bench   - the benchmark suite (bench/README.md): PSKube side by side with kubectl against fake clusters it
              starts, on a Release build of the module, run by this pwsh (a copy precompiled as PowerShell's own
              packages are when this one carries IL only, unless -PwshAsIs); results in out/bench/<date>.md and
              .json. With -Micro, the BenchmarkDotNet benchmarks of the client's hot paths instead (out/bench/micro).
.EXAMPLE
    ./build.ps1
    Builds, then runs every test suite.
.EXAMPLE
    ./build.ps1 -Task Build; Import-Module ./out/PSKube
    Builds and imports the module.
.EXAMPLE
    ./build.ps1 -Task Package
    Writes out/PSKube.<version>.nupkg and reports its size.
.EXAMPLE
    ./build.ps1 -Task Bench -BenchArguments '--list-pods', '250', '--repetitions', '3'
    Runs the benchmark suite at sizes today's fake cluster holds; PSKube.Bench --help lists the options.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Bench')]
    [string] $Task = 'Test',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # With -Task Bench: the BenchmarkDotNet benchmarks instead of the side-by-side suite.
    [switch] $Micro,

    # With -Task Bench: options for PSKube.Bench (sizes, repetitions, scenarios) or for BenchmarkDotNet (-Micro).
    [string[]] $BenchArguments = @(),

    # With -Task Bench: run the suite with the pwsh running this script as it is, even when it carries no ReadyToRun code.
    [switch] $PwshAsIs
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Build {
    dotnet build PSKube.sln -c $Configuration -nologo -v minimal
    if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }
}

function Import-Pester {
    # .ci/run fetches Pester from NuGet into .tools/nuget (dotnet restore tools/PesterRestore); else an installed one.
    $fetched = Get-ChildItem -Path (Join-Path $PSScriptRoot '.tools/nuget/pester/*/tools/Pester.psd1') -ErrorAction SilentlyContinue |
        Sort-Object { [version]$_.Directory.Parent.Name } | Select-Object -Last 1
    if ($fetched) { Import-Module $fetched.FullName; return $true }
    if (Get-Module -ListAvailable -Name Pester | Where-Object Version -GE '5.0') { Import-Module Pester -MinimumVersion 5.0; return $true }
    return $false
}

function Invoke-PesterSuite {
    if (-not (Import-Pester)) {
        Write-Warning 'Pester 5 is not installed: skipping tests/Pester (Install-Module Pester -MinimumVersion 5.0, or dotnet restore tools/PesterRestore).'
        return
    }
    # The tests run as at a prompt (errors go on), not under this script's Stop, so Invoke-Pester run by hand and
    # the build see the same behaviour.
    $ErrorActionPreference = 'Continue'
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
    $configuration.Run.Exit = $false
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $configuration
    if ($result.FailedCount -gt 0 -or $result.FailedBlocksCount -gt 0 -or $result.FailedContainersCount -gt 0) {
        # Repeated at the end, where a CI log cut to its tail still shows them.
        Write-Host 'Failed Pester tests:'
        foreach ($test in $result.Failed) {
            Write-Host "  $($test.ExpandedPath)"
            foreach ($errorRecord in $test.ErrorRecord) { Write-Host "    $($errorRecord.Exception.Message)" }
        }
        foreach ($block in $result.FailedBlocks) {
            Write-Host "  block: $($block.ExpandedPath)"
            foreach ($errorRecord in $block.ErrorRecord) { Write-Host "    $($errorRecord.Exception.Message)" }
        }
        foreach ($container in $result.FailedContainers) { Write-Host "  file: $($container.Item)" }
        throw "$($result.FailedCount) Pester test(s) failed"
    }
}

function Invoke-Package {
    # A Release layout of its own, so the Debug module in out/PSKube that the tests import stays as it is.
    $staging = Join-Path $PSScriptRoot 'out/package'
    $moduleFolder = Join-Path $staging 'PSKube'
    if (Test-Path $staging) { Remove-Item -Recurse -Force $staging }
    dotnet build src/PSKube/PSKube.csproj -c Release -nologo -v minimal "-p:ModuleOutputDirectory=$moduleFolder/"
    if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }
    $manifest = Test-ModuleManifest -Path (Join-Path $moduleFolder 'PSKube.psd1')

    # Publish-PSResource needs a registered repository: a file one in out/, registered for this call only.
    $output = Join-Path $PSScriptRoot 'out'
    $package = Join-Path $output "PSKube.$($manifest.Version).nupkg"
    Remove-Item -Force $package -ErrorAction SilentlyContinue
    $repository = "PSKubeBuild-$PID"
    Register-PSResourceRepository -Name $repository -Uri $output -Trusted
    try {
        Publish-PSResource -Path $moduleFolder -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    $size = (Get-Item $package).Length
    Write-Host ('{0}: {1:N0} bytes ({2:N1} MB)' -f $package, $size, ($size / 1MB))
}

function Test-ReadyToRun([string] $Path) {
    $stream = [IO.File]::OpenRead($Path)
    try {
        $header = [Reflection.PortableExecutable.PEReader]::new($stream).PEHeaders.CorHeader
        return $null -ne $header -and $header.ManagedNativeHeaderDirectory.Size -gt 0
    } finally { $stream.Dispose() }
}

# PowerShell's own packages ship ReadyToRun code; the dotnet tool's pwsh carries IL only, so its every start compiles
# the engine and formatter. A copy of it with its startup assemblies precompiled measures PSKube as users run it.
function New-PrecompiledPwsh([string] $Destination) {
    $compiled = Join-Path $Destination '.compiled'
    $source = Join-Path $Destination '.source'
    $engine = Get-Item -LiteralPath (Join-Path $PSHOME 'System.Management.Automation.dll')
    $stamp = "$($engine.FullName) $($engine.Length) $($engine.LastWriteTimeUtc.Ticks)"
    if ((Get-Content -LiteralPath $source -ErrorAction SilentlyContinue) -ne $stamp) {
        Remove-Item -LiteralPath $Destination -Recurse -Force -ErrorAction SilentlyContinue
        Copy-Item -LiteralPath $PSHOME -Destination $Destination -Recurse
        dotnet publish bench/PwshReadyToRun -c Release -nologo -v minimal "-p:PwshDirectory=$PSHOME" -o $compiled | Out-Host
        if ($LASTEXITCODE) { throw "precompiling pwsh failed ($LASTEXITCODE)" }
        Get-ChildItem -LiteralPath $compiled -Filter '*.dll' | Where-Object Name -NE 'PwshReadyToRun.dll' |
            Copy-Item -Destination $Destination -Force
        Set-Content -LiteralPath $source -Value $stamp
    }
    Join-Path $Destination 'pwsh'
}

function Invoke-Bench {
    $output = Join-Path $PSScriptRoot 'out/bench'
    if ($Micro) {
        # BenchmarkDotNet measures only Release builds.
        dotnet run -c Release --project bench/PSKube.Bench.Micro -- --artifacts (Join-Path $output 'micro') @BenchArguments
        if ($LASTEXITCODE) { throw "the micro benchmarks failed ($LASTEXITCODE)" }
        return
    }
    # What users run: a Release module (as the package has it) in a folder of its own, and a Release fake cluster.
    $module = Join-Path $output 'PSKube'
    dotnet build src/PSKube/PSKube.csproj -c Release -nologo -v minimal "-p:ModuleOutputDirectory=$module/"
    if ($LASTEXITCODE) { throw "dotnet build failed ($LASTEXITCODE)" }
    foreach ($project in 'tests/FakeCluster', 'bench/PSKube.Bench') {
        dotnet build $project -c Release -nologo -v minimal
        if ($LASTEXITCODE) { throw "dotnet build $project failed ($LASTEXITCODE)" }
    }
    # The pwsh running this script, started as its own executable (not through a launcher such as the dotnet tool's).
    $pwsh = Join-Path $PSHOME 'pwsh'
    if (-not (Test-Path -LiteralPath $pwsh)) { $pwsh = (Get-Process -Id $PID).Path }
    if (-not $PwshAsIs -and -not (Test-ReadyToRun (Join-Path $PSHOME 'System.Management.Automation.dll'))) {
        $pwsh = New-PrecompiledPwsh (Join-Path $output 'pwsh')
    }
    dotnet bench/PSKube.Bench/bin/Release/net10.0/PSKube.Bench.dll --module $module `
        --fake tests/FakeCluster/bin/Release/net10.0/PSKube.FakeCluster.dll --pwsh $pwsh --output $output @BenchArguments
    if ($LASTEXITCODE) { throw "the benchmark suite failed ($LASTEXITCODE)" }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' {
        Invoke-Build
        dotnet test PSKube.sln --no-build -c $Configuration -nologo
        if ($LASTEXITCODE) { throw "dotnet test failed ($LASTEXITCODE)" }
        Invoke-PesterSuite
    }
    'Pester' { Invoke-PesterSuite }
    'Package' { Invoke-Package }
    'Bench' { Invoke-Bench }
}

#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The benchmark suite (bench/PSKube.Bench, ./build.ps1 -Task Bench) at tiny sizes, once, as a smoke test: it must
# run every scenario against the built module and write its results. The figures themselves are not checked.
BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("pskube-bench-test-" + [guid]::NewGuid())
    $bench = Get-ChildItem -Path (Join-Path $root 'bench/PSKube.Bench/bin') -Recurse -Filter 'PSKube.Bench.dll' -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime | Select-Object -Last 1
    $fake = Get-ChildItem -Path (Join-Path $root 'tests/FakeCluster/bin') -Recurse -Filter 'PSKube.FakeCluster.dll' |
        Sort-Object LastWriteTime | Select-Object -Last 1
    # This pwsh as its own executable, not through a launcher such as the dotnet tool's.
    $pwsh = Join-Path $PSHOME 'pwsh'
    if (-not (Test-Path -LiteralPath $pwsh)) { $pwsh = 'pwsh' }
    $gnuTime = Test-Path -LiteralPath '/usr/bin/time'
}

AfterAll {
    Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
}

Describe 'The benchmark suite' {
    It 'runs every scenario side by side with kubectl and writes the results as Markdown and JSON' {
        if (-not $gnuTime) { Set-ItResult -Skipped -Because 'the suite measures with GNU time, /usr/bin/time (apt-get install time)' }
        $bench | Should -Not -BeNullOrEmpty -Because 'dotnet build PSKube.sln builds bench/PSKube.Bench'

        $output = @(dotnet $bench.FullName --smoke --module (Join-Path $root 'out/PSKube') --fake $fake.FullName --pwsh $pwsh --output $folder 2>&1)
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")

        $json = @(Get-ChildItem -Path $folder -Filter '*.json')
        $json | Should -HaveCount 1
        Test-Path -LiteralPath ([System.IO.Path]::ChangeExtension($json[0].FullName, '.md')) | Should -BeTrue
        $results = Get-Content -Raw -LiteralPath $json[0].FullName | ConvertFrom-Json
        $results.scenarios.name | Should -Be @('cold-start', 'script-loop', 'list', 'logs', 'watch')
        foreach ($case in $results.scenarios.cases) {
            $case.repetitions | Should -HaveCount 1 -Because $case.name
            $wall = $case.summary | Where-Object metric -in 'wall_ms', 'inner_wall_ms', 'stream_ms' | Select-Object -First 1
            $wall.ratioMedian | Should -BeGreaterThan 0 -Because "$($case.name) compares a time"
        }
        # A warm call's own time: the loop's time less the fake cluster's CPU meanwhile. Only that it is reported: the
        # fake's CPU time moves in 10 ms ticks, more than a smoke run's five calls take, so their difference may be negative.
        $loop = @($results.scenarios | Where-Object name -eq 'script-loop')[0].cases[0].repetitions[0].pskube
        $loop.assigned_per_call_ms | Should -BeGreaterThan 0
        $loop.server_per_call_ms | Should -BeGreaterOrEqual 0
        $loop.client_per_call_ms | Should -Not -BeNullOrEmpty -Because 'a figure left unknown is written as null'
        ($output -join "`n") | Should -Match '\| metric \| PSKube median \| kubectl median \|'
    }
}

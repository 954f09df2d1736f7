using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using PSKube.Bench;

// PSKube side by side with kubectl against fake clusters of its own: see bench/README.md.
if (args.Contains("--help"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message + System.Environment.NewLine + BenchOptions.Usage);
    return 2;
}
if (!File.Exists(MeasuredProcess.TimeProgram))
{
    await Console.Error.WriteLineAsync($"{MeasuredProcess.TimeProgram} (GNU time) is missing; it measures CPU and peak memory (apt-get install time)");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var run = new RunInfo(
    DateTime.UtcNow,
    $"{RuntimeInformation.OSDescription.Trim()}, {System.Environment.ProcessorCount} cores",
    "pwsh " + Output(BenchCommand.Pwsh(options, "version", "$PSVersionTable.PSVersion.ToString()")) + EngineCode(options.Pwsh),
    "kubectl " + Regex.Match(Output(BenchCommand.Kubectl(options, "version", "--client")), @"v[0-9][^\s]*").Value,
    Regex.Match(File.ReadAllText(Path.Combine(options.ModuleDirectory, "PSKube.psd1")), @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value,
    options.Repetitions,
    Load(),
    new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["scenarios"] = string.Join(',', options.Scenarios),
        ["default-pods"] = Text(options.DefaultPods),
        ["loop-calls"] = Text(options.LoopCalls),
        ["loop-warm-calls"] = Text(options.LoopWarmCalls),
        ["list-pods"] = Text(options.ListPods),
        ["list-namespaces"] = Text(options.ListNamespaces),
        ["log-pods"] = Text(options.LogPods),
        ["log-lines"] = Text(options.LogLines),
        ["watch-pods"] = Text(options.WatchPods),
        ["watch-events"] = Text(options.WatchEvents),
        ["time-scale"] = options.TimeScale.ToString(CultureInfo.InvariantCulture),
        ["fake-args"] = string.Join(' ', options.FakeArguments),
        ["module"] = options.ModuleDirectory,
    });
Console.WriteLine($"{run.Machine}; {run.Pwsh}; {run.Kubectl}; PSKube {run.PSKube}; load average {run.LoadBefore}");

using var suite = new Suite(options, Console.Out);
var results = new List<ScenarioResult>();
var failed = new List<string>();
Directory.CreateDirectory(options.OutputDirectory);
var stem = Path.Combine(options.OutputDirectory, run.Started.ToString("yyyy-MM-dd-HHmmss", CultureInfo.InvariantCulture));
foreach (var scenario in options.Scenarios)
{
    Console.WriteLine($"{scenario}...");
    var clock = Stopwatch.StartNew();
    try
    {
        results.Add(await suite.RunAsync(scenario, stop.Token));
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or PSKube.Client.Transport.KubeApiException)
    {
        // The other scenarios still run; the exit code says one failed.
        await Console.Error.WriteLineAsync($"{scenario} failed: {e.Message}");
        failed.Add(scenario);
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}: {clock.Elapsed.TotalSeconds:0} s"));
    // Written after every scenario, so a long run stopped part way keeps what it measured.
    run.LoadAfter = Load();
    await File.WriteAllTextAsync(stem + ".md", Report.Markdown(run, results));
    await File.WriteAllTextAsync(stem + ".json", Report.Json(run, results));
}
Console.WriteLine();
Console.WriteLine(Report.Markdown(run, results));
Console.WriteLine($"results: {stem}.md, {stem}.json");
if (failed.Count > 0)
{
    await Console.Error.WriteLineAsync($"failed: {string.Join(", ", failed)}");
    return 1;
}
return 0;

static string Output(BenchCommand command)
{
    var startInfo = new ProcessStartInfo(command.FileName) { RedirectStandardOutput = true, UseShellExecute = false };
    foreach (var argument in command.Arguments)
    {
        startInfo.ArgumentList.Add(argument);
    }
    using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {command.FileName}");
    var output = process.StandardOutput.ReadToEnd().Trim();
    process.WaitForExit();
    return output;
}

static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

// Whether the pwsh's engine carries ReadyToRun code (PowerShell's own packages) or IL only (the dotnet tool), which
// JIT-compiles PowerShell itself at every start and weighs on cold starts and a session's first large table.
static string EngineCode(string pwsh)
{
    var engine = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pwsh)) ?? ".", "System.Management.Automation.dll");
    if (!File.Exists(engine))
    {
        return "";
    }
    using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(engine));
    return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0 ? " (engine precompiled)" : " (engine IL only)";
}

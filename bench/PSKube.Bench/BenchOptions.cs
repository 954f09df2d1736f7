using System.Globalization;

namespace PSKube.Bench;

/// <summary>What to run and at which sizes; every size is a parameter so the suite runs on a small fake cluster too.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        PSKube.Bench --module DIR --fake PSKube.FakeCluster.dll [options]
          --module DIR          the module folder to import (holds PSKube.psd1)
          --fake PATH           the fake cluster's PSKube.FakeCluster.dll
          --pwsh PATH           PowerShell 7.4+ (default: pwsh on PATH)
          --kubectl PATH        kubectl (default: kubectl on PATH)
          --output DIR          where results go (default: out/bench)
          --repetitions N       measured repetitions of every scenario after one warm-up (default 5)
          --scenarios LIST      comma-separated: cold-start,script-loop,list,logs,watch (default: all)
          --default-pods N      pods in the default namespace for cold-start and script-loop (default 10)
          --loop-calls N        calls of the script loop (default 200)
          --loop-warm-calls N   calls between the loop and its steady window (default 4000)
          --list-pods N         pods listed by the list scenario, over --list-namespaces namespaces (default 5000)
          --list-namespaces N   (default 10)
          --log-pods N          pods whose logs are followed (default 50)
          --log-lines N         lines of each measured window of a follow run (default 5000)
          --log-warm-lines N    lines between the first window and the steady one (default 15000)
          --watch-pods N        pods whose changes are watched (default 10)
          --watch-events N      events a watch run receives (default 10000)
          --watch-warm-events N events between a watch's first window and its steady one (default 10000)
          --time-scale X        the fake cluster's clock speed; ping writes X lines a second (default 30)
          --fake-arg ARG        passed to the fake cluster (repeat for several, e.g. --fake-arg --nodes --fake-arg 50)
          --timeout SECONDS     the longest one measured command may take (default 300)
          --smoke               tiny sizes, one repetition and no warm-up, to check the suite end to end (CI)
        """;

    public static readonly IReadOnlyList<string> AllScenarios = ["cold-start", "script-loop", "list", "logs", "watch"];

    public required string ModuleDirectory { get; init; }
    public required string FakeClusterPath { get; init; }
    public string Pwsh { get; init; } = "pwsh";
    public string Kubectl { get; init; } = "kubectl";
    public string OutputDirectory { get; init; } = Path.Combine("out", "bench");
    public int Repetitions { get; init; } = 5;
    public IReadOnlyList<string> Scenarios { get; init; } = AllScenarios;
    public int DefaultPods { get; init; } = 10;
    public int LoopCalls { get; init; } = 200;

    /// <summary>Calls made between the script loop and its steady window, once tiered JIT has settled.</summary>
    public int LoopWarmCalls { get; init; } = 4000;

    public int ListPods { get; init; } = 5000;
    public int ListNamespaces { get; init; } = 10;
    public int LogPods { get; init; } = 50;
    public int LogLines { get; init; } = 5000;

    /// <summary>Lines received between a follow run's first window and its steady window, once tiered JIT has settled.</summary>
    public int LogWarmLines { get; init; } = 15000;

    /// <summary>Events received between a watch run's first window and its steady window.</summary>
    public int WatchWarmEvents { get; init; } = 10000;
    public int WatchPods { get; init; } = 10;
    public int WatchEvents { get; init; } = 10000;
    public double TimeScale { get; init; } = 30;
    public IReadOnlyList<string> FakeArguments { get; init; } = [];
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);
    public bool Smoke { get; init; }

    /// <summary>Reads the command line; throws <see cref="ArgumentException"/> with what is wrong.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fakeArguments = new List<string>();
        var smoke = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--smoke")
            {
                smoke = true;
                continue;
            }
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name}: expected --option VALUE");
            }
            var value = args[++i];
            if (name == "--fake-arg")
            {
                fakeArguments.Add(value);
            }
            else
            {
                values[name] = value;
            }
        }

        string? Text(string name) => values.Remove(name, out var value) ? value : null;
        int Count(string name, int normal, int smokeValue)
        {
            var text = Text(name);
            if (text is null)
            {
                return smoke ? smokeValue : normal;
            }
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
                ? number
                : throw new ArgumentException($"{name} takes a positive whole number, not '{text}'");
        }

        var scenarios = Text("--scenarios")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [.. AllScenarios];
        foreach (var scenario in scenarios.Where(s => !AllScenarios.Contains(s)))
        {
            throw new ArgumentException($"unknown scenario '{scenario}'; the scenarios are {string.Join(", ", AllScenarios)}");
        }
        var timeScale = Text("--time-scale") is { } scale ? double.Parse(scale, CultureInfo.InvariantCulture) : 30;
        var options = new BenchOptions
        {
            ModuleDirectory = Path.GetFullPath(Text("--module") ?? throw new ArgumentException("--module is required")),
            FakeClusterPath = Path.GetFullPath(Text("--fake") ?? throw new ArgumentException("--fake is required")),
            Pwsh = Text("--pwsh") ?? "pwsh",
            Kubectl = Text("--kubectl") ?? "kubectl",
            OutputDirectory = Path.GetFullPath(Text("--output") ?? Path.Combine("out", "bench")),
            Repetitions = Count("--repetitions", 5, 1),
            Scenarios = scenarios,
            DefaultPods = Count("--default-pods", 10, 3),
            LoopCalls = Count("--loop-calls", 200, 5),
            LoopWarmCalls = Count("--loop-warm-calls", 4000, 5),
            ListPods = Count("--list-pods", 5000, 20),
            ListNamespaces = Count("--list-namespaces", 10, 2),
            LogPods = Count("--log-pods", 50, 3),
            LogLines = Count("--log-lines", 5000, 40),
            LogWarmLines = Count("--log-warm-lines", 15000, 40),
            WatchPods = Count("--watch-pods", 10, 3),
            WatchEvents = Count("--watch-events", 10000, 30),
            WatchWarmEvents = Count("--watch-warm-events", 10000, 30),
            TimeScale = timeScale,
            FakeArguments = fakeArguments,
            Timeout = TimeSpan.FromSeconds(Count("--timeout", 300, 120)),
            Smoke = smoke,
        };
        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option {values.Keys.First()}");
        }
        if (!File.Exists(Path.Combine(options.ModuleDirectory, "PSKube.psd1")))
        {
            throw new ArgumentException($"{options.ModuleDirectory} holds no PSKube.psd1; build the module first (./build.ps1 -Task Build)");
        }
        if (!File.Exists(options.FakeClusterPath))
        {
            throw new ArgumentException($"{options.FakeClusterPath} does not exist; build tests/FakeCluster first");
        }
        return options;
    }
}

using System.Globalization;

namespace PSKube.Bench;

/// <summary>
/// The scenarios. Each starts a fake cluster of its own (a smoke run shares one), fills it, runs one unmeasured
/// warm-up repetition (disk caches, kubectl's discovery cache), then the measured ones; in each repetition PSKube and
/// its baseline run one right after the other, so their ratio is taken under the same load of the machine.
/// </summary>
public sealed class Suite(BenchOptions options, TextWriter log) : IDisposable
{
    private const string ReadyMarker = "BENCH-READY";
    private const string LoopStartMarker = "BENCH-LOOP-START";
    private const string LoopEndMarker = "BENCH-LOOP-END";

    // A smoke run shares one cluster between its scenarios, which saves a start per scenario in CI.
    private FakeClusterProcess? _shared;

    private string ImportModule => $"Import-Module '{Path.Combine(options.ModuleDirectory, "PSKube.psd1").Replace("'", "''", StringComparison.Ordinal)}'";

    public async Task<ScenarioResult> RunAsync(string scenario, CancellationToken cancellationToken) => scenario switch
    {
        "cold-start" => await ColdStartAsync(cancellationToken),
        "script-loop" => await ScriptLoopAsync(cancellationToken),
        "list" => await ListAsync(cancellationToken),
        "logs" => await LogsAsync(cancellationToken),
        "watch" => await WatchAsync(cancellationToken),
        _ => throw new ArgumentException($"unknown scenario {scenario}", nameof(scenario)),
    };

    public void Dispose() => _shared?.Dispose();

    private async Task<FakeClusterProcess> ClusterAsync() =>
        options.Smoke ? _shared ??= await FakeClusterProcess.StartAsync(options) : await FakeClusterProcess.StartAsync(options);

    // The scenario stops its cluster unless it is the shared one.
    private FakeClusterProcess? Owned(FakeClusterProcess cluster) => cluster == _shared ? null : cluster;

    private async Task<ScenarioResult> ColdStartAsync(CancellationToken cancellationToken)
    {
        var result = new ScenarioResult("cold-start", "Cold start",
            "A new process lists the pods of the default namespace: pwsh importing PSKube and calling Get-KubePod once, against kubectl get pods; pwsh alone (-c exit) and pwsh importing the module only give PSKube's cost over PowerShell's own start.");
        var cluster = await ClusterAsync();
        using var owned = Owned(cluster);
        using (var setup = new ClusterSetup(cluster))
        {
            await setup.CreateRunningPodsAsync("default", "bench", options.DefaultPods, () => ClusterSetup.Idle, cancellationToken);
        }
        result.Facts["pods in the namespace"] = Text(options.DefaultPods);
        var pwsh = BenchCommand.Pwsh(options, "pwsh -NoProfile -c exit", "exit");
        var import = BenchCommand.Pwsh(options, "pwsh -NoProfile -c 'Import-Module PSKube'", ImportModule);
        var getPods = BenchCommand.Pwsh(options, "pwsh -NoProfile -c 'Import-Module PSKube; Get-KubePod'", $"{ImportModule}; Get-KubePod");
        var kubectl = BenchCommand.Kubectl(options, "get", "pods");
        string[] metrics = ["wall_ms", "cpu_ms", "max_rss_mb"];
        var versusKubectl = new CaseResult("Get-KubePod in a new pwsh vs kubectl get pods", getPods, kubectl, "kubectl", metrics);
        var overPwsh = new CaseResult("Get-KubePod in a new pwsh over pwsh's own start", getPods, pwsh, "pwsh", metrics);
        var importOverPwsh = new CaseResult("Import-Module PSKube over pwsh's own start", import, pwsh, "pwsh", metrics);
        result.Cases.AddRange([versusKubectl, overPwsh, importOverPwsh]);
        await RepeatAsync(result, async () =>
        {
            var environment = Environment(cluster);
            var pwshRun = await RunAsync(pwsh, environment);
            var importRun = await RunAsync(import, environment);
            var getPodsRun = await RunAsync(getPods, environment);
            var kubectlRun = await RunAsync(kubectl, environment);
            return [(versusKubectl, getPodsRun, kubectlRun), (overPwsh, getPodsRun, pwshRun), (importOverPwsh, importRun, pwshRun)];
        });
        return result;
    }

    private async Task<ScenarioResult> ScriptLoopAsync(CancellationToken cancellationToken)
    {
        var calls = options.LoopCalls;
        var result = new ScenarioResult("script-loop", "Script loop",
            $"{Text(calls)} Get-KubePod calls in one pwsh session (after one warm-up call, timed inside the session) against {Text(calls)} kubectl get pods processes; per_call is the loop's time divided by the calls. " +
            $"Then, after {Text(options.LoopWarmCalls)} more calls, the same calls with their output assigned to $null: assigned_per_call is their time, server_per_call the fake cluster's CPU meanwhile, client_per_call the rest (PowerShell's and the client's time of a warm call; kubectl's is its whole call).");
        var cluster = await ClusterAsync();
        using var owned = Owned(cluster);
        using (var setup = new ClusterSetup(cluster))
        {
            await setup.CreateRunningPodsAsync("default", "bench", options.DefaultPods, () => ClusterSetup.Idle, cancellationToken);
        }
        result.Facts["pods in the namespace"] = Text(options.DefaultPods);
        result.Facts["calls"] = Text(calls);
        var loop = $"1..{Text(calls)} | ForEach-Object {{ Get-KubePod }}";
        var assigned = $"1..{Text(calls)} | ForEach-Object {{ $null = Get-KubePod }}";
        // After the loop users see (its output formatted) and --loop-warm-calls more calls (a new process's tiered JIT
        // settles over its first few thousand calls: windows of 500 went from 3.4 to 1.3 ms a call, flat after about 3,500), the same calls with the output assigned away, between two markers at
        // which the fake cluster's CPU is read: what is left is PowerShell's and the client's time of a warm call.
        var pskube = BenchCommand.Pwsh(options, loop, $"{ImportModule}; $null = Get-KubePod; {BenchCommand.Timed(loop + " | Out-Default")}; " +
            $"1..{Text(options.LoopWarmCalls)} | ForEach-Object {{ $null = Get-KubePod }}; " +
            $"{BenchCommand.Marker(LoopStartMarker)}; {BenchCommand.Timed(assigned)}; {BenchCommand.Marker(LoopEndMarker)}");
        var kubectl = BenchCommand.Kubectl(options, "get", "pods");
        var comparison = new CaseResult($"{loop} vs {Text(calls)} x kubectl get pods", pskube, kubectl with { Display = $"{Text(calls)} x {kubectl.Display}" }, "kubectl",
            ["inner_wall_ms", "inner_cpu_ms", "per_call_ms", "per_call_cpu_ms", "assigned_per_call_ms", "server_per_call_ms", "client_per_call_ms", "wall_ms", "cpu_ms", "max_rss_mb"]);
        result.Cases.Add(comparison);
        await RepeatAsync(result, async () =>
        {
            var environment = Environment(cluster);
            double? serverFrom = null, serverTo = null;
            var pskubeRun = await RunAsync(pskube, environment, (line, _) =>
            {
                if (line == LoopStartMarker)
                {
                    serverFrom = cluster.CpuMs();
                }
                else if (line == LoopEndMarker)
                {
                    serverTo = cluster.CpuMs();
                }
            });
            pskubeRun["per_call_ms"] = pskubeRun["inner_wall_ms"] / calls;
            pskubeRun["per_call_cpu_ms"] = pskubeRun["inner_cpu_ms"] / calls;
            if (pskubeRun.TryGetValue("again_wall_ms", out var assignedWall) && serverFrom is { } from && serverTo is { } to)
            {
                pskubeRun["assigned_per_call_ms"] = assignedWall / calls;
                pskubeRun["server_per_call_ms"] = (to - from) / calls;
                pskubeRun["client_per_call_ms"] = (assignedWall - (to - from)) / calls;
            }
            var kubectlRun = await RunRepeatedAsync(kubectl, environment, calls);
            // kubectl's process is its client: each call's time less the server's share is not told apart here.
            kubectlRun["assigned_per_call_ms"] = kubectlRun["client_per_call_ms"] = kubectlRun["per_call_ms"];
            kubectlRun["server_per_call_ms"] = double.NaN;
            return [(comparison, pskubeRun, kubectlRun)];
        });
        return result;
    }

    private async Task<ScenarioResult> ListAsync(CancellationToken cancellationToken)
    {
        var result = new ScenarioResult("list", $"Listing {Text(options.ListPods)} pods",
            "Every namespace's pods as objects, as a table and filtered on their status, in a pwsh session warmed by one small list (timed inside the session: inner_* the first time, again_* the same command right after), against kubectl get pods -A (-o json for objects); wall_ms, cpu_ms and max_rss_mb are the whole process.");
        var cluster = await ClusterAsync();
        using var owned = Owned(cluster);
        using (var setup = new ClusterSetup(cluster))
        {
            var perNamespace = (options.ListPods + options.ListNamespaces - 1) / options.ListNamespaces;
            for (var n = 0; n < options.ListNamespaces; n++)
            {
                var count = Math.Min(perNamespace, options.ListPods - (n * perNamespace));
                if (count > 0)
                {
                    await setup.CreateRunningPodsAsync($"bench-list-{n}", $"blist{n}", count, () => ClusterSetup.Idle, cancellationToken);
                }
            }
        }
        result.Facts["pods"] = Text(options.ListPods);
        result.Facts["namespaces"] = Text(options.ListNamespaces);
        var warm = $"{ImportModule}; Get-KubePod -Namespace bench-list-0 | Select-Object -First 3 | Where-Object Status -eq Running | Format-Table | Out-String | Out-Null";
        string[] metrics = ["inner_wall_ms", "inner_cpu_ms", "again_wall_ms", "again_cpu_ms", "wall_ms", "cpu_ms", "max_rss_mb"];
        var cases = new (string Command, string Script, BenchCommand Kubectl)[]
        {
            ("$pods = Get-KubePod -AllNamespaces", "$pods = Get-KubePod -AllNamespaces", BenchCommand.Kubectl(options, "get", "pods", "-A", "-o", "json")),
            ("Get-KubePod -AllNamespaces | Format-Table | Out-String", "Get-KubePod -AllNamespaces | Format-Table | Out-String | Out-Default", BenchCommand.Kubectl(options, "get", "pods", "-A")),
            ("Get-KubePod -AllNamespaces | Where-Object Status -eq Running", "Get-KubePod -AllNamespaces | Where-Object Status -eq Running | Out-Default", BenchCommand.Kubectl(options, "get", "pods", "-A")),
        }.Select(c => new CaseResult(c.Command + " vs " + c.Kubectl.Display, BenchCommand.Pwsh(options, c.Command, $"{warm}; {BenchCommand.Timed(c.Script)}; {BenchCommand.Timed(c.Script)}"), c.Kubectl, "kubectl", metrics)).ToList();
        result.Cases.AddRange(cases);
        await RepeatAsync(result, async () =>
        {
            var environment = Environment(cluster);
            var runs = new List<(CaseResult, Metrics, Metrics)>();
            foreach (var comparison in cases)
            {
                runs.Add((comparison, await RunAsync(comparison.PSKube, environment), await RunAsync(comparison.Baseline, environment)));
            }
            return runs;
        });
        return result;
    }

    private async Task<ScenarioResult> LogsAsync(CancellationToken cancellationToken)
    {
        const string Namespace = "bench-logs";
        const string Prefix = "blog";
        var result = new ScenarioResult("logs", $"Following {Text(options.LogPods)} pods' logs",
            $"The last 10 lines of every pod, then new lines as they come (each pod writes {options.TimeScale.ToString(CultureInfo.InvariantCulture)} lines a second), in two windows of {Text(options.LogLines)} lines. " +
            "first_line_ms is the stream open latency: from the moment the command starts (for pwsh: after importing the module and one Get-KubePod) to the first line; " +
            "stream_* and cpu_per_line_us cover the first window of lines, from the first line on; steady_* a window as long after " + Text(options.LogWarmLines) + " more lines, once a new process's JIT has settled (a follow runs for minutes); connections are the TCP connections to the API server at the end of the first window.");
        var cluster = await ClusterAsync();
        using var owned = Owned(cluster);
        using (var setup = new ClusterSetup(cluster))
        {
            await setup.CreateRunningPodsAsync(Namespace, Prefix, options.LogPods, () => ClusterSetup.Pinging, cancellationToken);
        }
        result.Facts["pods"] = Text(options.LogPods);
        result.Facts["lines"] = Text(options.LogLines);
        var follow = $"Get-KubePod -Namespace {Namespace} | Receive-KubeLog -Follow -Tail 10";
        var pskube = BenchCommand.Pwsh(options, follow, $"{ImportModule}; $null = Get-KubePod -Namespace {Namespace}; {BenchCommand.Marker(ReadyMarker)}; {follow}");
        var kubectl = BenchCommand.Kubectl(options, "logs", "-f", "-l", $"app={Prefix}", "-n", Namespace,
            "--max-log-requests", Text(Math.Max(options.LogPods, 5)), "--prefix", "--tail", "10");
        var comparison = new CaseResult($"{follow} vs {kubectl.Display}", pskube, kubectl, "kubectl",
            ["first_line_ms", "stream_ms", "stream_cpu_ms", "cpu_per_line_us", "steady_stream_ms", "steady_cpu_per_line_us", "connections", "first_line_from_start_ms", "cpu_ms", "max_rss_mb"]);
        result.Cases.Add(comparison);
        await RepeatAsync(result, async () =>
        {
            var environment = Environment(cluster);
            var pskubeRun = await FollowAsync(pskube, environment, cluster.Server.Port, Prefix);
            var kubectlRun = await FollowAsync(kubectl, environment, cluster.Server.Port, Prefix);
            return [(comparison, pskubeRun, kubectlRun)];
        });
        return result;
    }

    private async Task<ScenarioResult> WatchAsync(CancellationToken cancellationToken)
    {
        const string Namespace = "bench-watch";
        const string Prefix = "bwatch";
        var result = new ScenarioResult("watch", $"Watching {Text(options.WatchEvents)} events",
            $"A watch of the pods of a namespace ({Text(options.WatchPods)} pods) prints their table, then one row per change while this tool changes an annotation of the pods (one MODIFIED event each). " +
            $"stream_*, events_per_s and cpu_per_event_us cover the first {Text(options.WatchEvents)} events (the rate is mostly the fake cluster's); steady_* as many after {Text(options.WatchWarmEvents)} more, once a new process's JIT has settled; initial_rows_ms is the time from the start to the first table.");
        var cluster = await ClusterAsync();
        using var owned = Owned(cluster);
        using var setup = new ClusterSetup(cluster);
        await setup.CreateRunningPodsAsync(Namespace, Prefix, options.WatchPods, () => ClusterSetup.Idle, cancellationToken);
        result.Facts["pods"] = Text(options.WatchPods);
        result.Facts["events"] = Text(options.WatchEvents);
        var watch = $"Get-KubePod -Namespace {Namespace} -Watch";
        var pskube = BenchCommand.Pwsh(options, watch, $"{ImportModule}; {watch}");
        var kubectl = BenchCommand.Kubectl(options, "get", "pods", "-n", Namespace, "-w");
        var comparison = new CaseResult($"{watch} vs {kubectl.Display}", pskube, kubectl, "kubectl",
            ["stream_cpu_ms", "cpu_per_event_us", "stream_ms", "events_per_s", "steady_stream_ms", "steady_cpu_per_event_us", "initial_rows_ms", "cpu_ms", "max_rss_mb"]);
        result.Cases.Add(comparison);
        await RepeatAsync(result, async () =>
        {
            var environment = Environment(cluster);
            var pskubeRun = await WatchRunAsync(pskube, environment, setup, Namespace, Prefix, cancellationToken);
            var kubectlRun = await WatchRunAsync(kubectl, environment, setup, Namespace, Prefix, cancellationToken);
            return [(comparison, pskubeRun, kubectlRun)];
        });
        return result;
    }

    // One warm-up repetition (none in a smoke run, which checks the suite, not the figures), then the measured ones;
    // every repetition's runs go to their cases.
    private async Task RepeatAsync(ScenarioResult result, Func<Task<IReadOnlyList<(CaseResult Case, Metrics PSKube, Metrics Baseline)>>> repetition)
    {
        for (var i = options.Smoke ? 1 : 0; i <= options.Repetitions; i++)
        {
            var runs = await repetition();
            var label = i == 0 ? "warm-up" : $"repetition {Text(i)}/{Text(options.Repetitions)}";
            log.WriteLine($"  {result.Name} {label}: " + string.Join("; ", runs.Select(r => RatioLine(r.Case, r.PSKube, r.Baseline))));
            if (i > 0)
            {
                foreach (var (comparison, pskube, baseline) in runs)
                {
                    comparison.Repetitions.Add((pskube, baseline));
                }
            }
        }
    }

    private static string RatioLine(CaseResult comparison, Metrics pskube, Metrics baseline)
    {
        var metric = comparison.Metrics.First(m => pskube.ContainsKey(m) && baseline.ContainsKey(m));
        return string.Create(CultureInfo.InvariantCulture, $"{metric} {pskube[metric]:0.#} vs {comparison.BaselineName} {baseline[metric]:0.#}");
    }

    private async Task<Metrics> RunAsync(BenchCommand command, IReadOnlyDictionary<string, string> environment, Action<string, TimeSpan>? onLine = null)
    {
        using var process = MeasuredProcess.Start(command.FileName, command.Arguments, environment, onLine);
        var metrics = Metrics.From(await process.WaitAsync(options.Timeout));
        if (process.Inner is [var inner, ..])
        {
            metrics["inner_wall_ms"] = inner.WallMs;
            metrics["inner_cpu_ms"] = inner.CpuMs;
        }
        if (process.Inner is [_, var again, ..])
        {
            metrics["again_wall_ms"] = again.WallMs;
            metrics["again_cpu_ms"] = again.CpuMs;
        }
        if (process.Inner.Count == 0 && command.FileName == options.Kubectl)
        {
            // kubectl has no session: what a user waits for is its whole process, the first time and every time.
            metrics["inner_wall_ms"] = metrics["again_wall_ms"] = metrics["wall_ms"];
            metrics["inner_cpu_ms"] = metrics["again_cpu_ms"] = metrics["cpu_ms"];
        }
        return metrics;
    }

    // kubectl's side of a script loop: one process per call, one after the other.
    private async Task<Metrics> RunRepeatedAsync(BenchCommand command, IReadOnlyDictionary<string, string> environment, int times)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double cpu = 0, rss = 0;
        for (var i = 0; i < times; i++)
        {
            using var process = MeasuredProcess.Start(command.FileName, command.Arguments, environment);
            var stats = await process.WaitAsync(options.Timeout);
            cpu += stats.CpuMs;
            rss = Math.Max(rss, stats.MaxRssMb);
        }
        var wall = clock.Elapsed.TotalMilliseconds;
        return new Metrics
        {
            ["wall_ms"] = wall,
            ["cpu_ms"] = cpu,
            ["max_rss_mb"] = rss,
            ["inner_wall_ms"] = wall,
            ["inner_cpu_ms"] = cpu,
            ["per_call_ms"] = wall / times,
            ["per_call_cpu_ms"] = cpu / times,
        };
    }

    // Follows logs until the wanted number of lines has arrived, then stops the command as a pipe's reader would.
    private async Task<Metrics> FollowAsync(BenchCommand command, IReadOnlyDictionary<string, string> environment, int serverPort, string podPrefix)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TimeSpan? readyAt = null, firstAt = null, lastAt = null, steadyFromAt = null, steadyToAt = null;
        double? firstCpu = null, lastCpu = null, steadyFromCpu = null, steadyToCpu = null;
        int? connections = null;
        var lines = 0;
        var steadyFrom = options.LogLines + options.LogWarmLines;
        var steadyTo = steadyFrom + options.LogLines - 1;
        MeasuredProcess? process = null;
        process = MeasuredProcess.Start(command.FileName, command.Arguments, environment, (line, at) =>
        {
            if (line == ReadyMarker)
            {
                readyAt = at;
                return;
            }
            if (!line.Contains(podPrefix + "-", StringComparison.Ordinal) || steadyToAt is not null)
            {
                return;
            }
            lines++;
            if (lines == 1)
            {
                firstAt = at;
                firstCpu = process?.CpuMsNow();
            }
            if (lines == options.LogLines)
            {
                lastAt = at;
                lastCpu = process?.CpuMsNow();
                connections = process?.ConnectionsTo(serverPort);
            }
            if (lines == steadyFrom)
            {
                steadyFromAt = at;
                steadyFromCpu = process?.CpuMsNow();
            }
            if (lines == steadyTo)
            {
                steadyToAt = at;
                steadyToCpu = process?.CpuMsNow();
                done.TrySetResult();
            }
        });
        using (process)
        {
            await WaitOrFailAsync(done.Task, process, command, () => $"{lines} of {steadyTo} lines");
            process.Kill();
            var metrics = Metrics.From(await process.WaitAsync(options.Timeout, expectSuccess: false));
            metrics["first_line_ms"] = (firstAt!.Value - (readyAt ?? TimeSpan.Zero)).TotalMilliseconds;
            metrics["first_line_from_start_ms"] = firstAt.Value.TotalMilliseconds;
            metrics["stream_ms"] = (lastAt!.Value - firstAt.Value).TotalMilliseconds;
            if (firstCpu is { } from && lastCpu is { } to)
            {
                metrics["stream_cpu_ms"] = to - from;
                metrics["cpu_per_line_us"] = (to - from) * 1000 / Math.Max(1, options.LogLines - 1);
            }
            metrics["steady_stream_ms"] = (steadyToAt!.Value - steadyFromAt!.Value).TotalMilliseconds;
            if (steadyFromCpu is { } steadyStart && steadyToCpu is { } steadyEnd)
            {
                metrics["steady_cpu_per_line_us"] = (steadyEnd - steadyStart) * 1000 / Math.Max(1, options.LogLines - 1);
            }
            if (connections is { } count)
            {
                metrics["connections"] = count;
            }
            return metrics;
        }
    }

    // Starts a watch, waits for its first table, makes the changes, and waits until every change has been printed.
    private async Task<Metrics> WatchRunAsync(BenchCommand command, IReadOnlyDictionary<string, string> environment, ClusterSetup setup, string @namespace, string podPrefix, CancellationToken cancellationToken)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TimeSpan? readyAt = null, lastAt = null, steadyFromAt = null, steadyToAt = null;
        double? readyCpu = null, lastCpu = null, steadyFromCpu = null, steadyToCpu = null;
        var rows = 0;
        var firstWindowEnd = options.WatchPods + options.WatchEvents;
        var steadyFrom = firstWindowEnd + options.WatchWarmEvents;
        var changes = options.WatchEvents + options.WatchWarmEvents + options.WatchEvents;
        var expected = options.WatchPods + changes;
        MeasuredProcess? process = null;
        process = MeasuredProcess.Start(command.FileName, command.Arguments, environment, (line, at) =>
        {
            if (!line.StartsWith(podPrefix + "-", StringComparison.Ordinal))
            {
                return;
            }
            rows++;
            if (rows == options.WatchPods)
            {
                readyAt = at;
                readyCpu = process?.CpuMsNow();
                ready.TrySetResult();
            }
            if (rows == firstWindowEnd)
            {
                lastAt = at;
                lastCpu = process?.CpuMsNow();
            }
            if (rows == steadyFrom)
            {
                steadyFromAt = at;
                steadyFromCpu = process?.CpuMsNow();
            }
            if (rows == expected)
            {
                steadyToAt = at;
                steadyToCpu = process?.CpuMsNow();
                done.TrySetResult();
            }
        });
        using (process)
        {
            await WaitOrFailAsync(ready.Task, process, command, () => $"{rows} of {options.WatchPods} first rows");
            await setup.ChangePodsAsync(@namespace, podPrefix, options.WatchPods, changes, cancellationToken);
            await WaitOrFailAsync(done.Task, process, command, () => $"{rows - options.WatchPods} of {changes} events");
            process.Kill();
            var metrics = Metrics.From(await process.WaitAsync(options.Timeout, expectSuccess: false));
            var stream = lastAt!.Value - readyAt!.Value;
            metrics["initial_rows_ms"] = readyAt.Value.TotalMilliseconds;
            metrics["stream_ms"] = stream.TotalMilliseconds;
            metrics["events_per_s"] = options.WatchEvents / stream.TotalSeconds;
            if (readyCpu is { } from && lastCpu is { } to)
            {
                metrics["stream_cpu_ms"] = to - from;
                metrics["cpu_per_event_us"] = (to - from) * 1000 / options.WatchEvents;
            }
            metrics["steady_stream_ms"] = (steadyToAt!.Value - steadyFromAt!.Value).TotalMilliseconds;
            if (steadyFromCpu is { } steadyStart && steadyToCpu is { } steadyEnd)
            {
                metrics["steady_cpu_per_event_us"] = (steadyEnd - steadyStart) * 1000 / options.WatchEvents;
            }
            return metrics;
        }
    }

    private async Task WaitOrFailAsync(Task condition, MeasuredProcess process, BenchCommand command, Func<string> progress)
    {
        var first = await Task.WhenAny(condition, process.Exited, Task.Delay(options.Timeout));
        if (first != condition)
        {
            process.Kill();
            var why = first == process.Exited ? "it ended" : $"{options.Timeout.TotalSeconds} s";
            throw new InvalidOperationException($"{command.Display}: only {progress()} after {why}; {process.LastErrors()}");
        }
    }

    private Dictionary<string, string> Environment(FakeClusterProcess cluster) => new(StringComparer.Ordinal)
    {
        ["KUBECONFIG"] = cluster.KubeconfigPath,
        // kubectl's discovery cache in the cluster's folder, not the user's home.
        ["KUBECACHEDIR"] = Path.Combine(cluster.Folder, "kubectl-cache"),
        // No telemetry or update check from pwsh: they reach the network on start.
        ["POWERSHELL_TELEMETRY_OPTOUT"] = "1",
        ["POWERSHELL_UPDATECHECK"] = "Off",
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

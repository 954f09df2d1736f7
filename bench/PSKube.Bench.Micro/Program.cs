using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// BenchmarkDotNet for the client's hot paths (bench/README.md). Without --job: a short in-process job (3 warm-ups,
// 3 iterations); with BenchmarkDotNet's own --job (e.g. --job default) its full runs. Without --filter: every
// benchmark (BenchmarkDotNet would ask which on the console).
var config = args.Contains("--job")
    ? DefaultConfig.Instance
    : DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
string[] selection = args.Any(a => a is "--filter" or "-f" or "--list") ? [] : ["--filter", "*"];
BenchmarkSwitcher.FromAssembly(typeof(PSKube.Bench.Micro.PodListData).Assembly).Run([.. args, .. selection], config);

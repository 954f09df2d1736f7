using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// BenchmarkDotNet for the client's hot paths (bench/README.md). Without --job: a short in-process job (3 warm-ups,
// 3 iterations), minutes for the whole set; with BenchmarkDotNet's own --job (e.g. --job default) its full runs.
var config = args.Contains("--job")
    ? DefaultConfig.Instance
    : DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(PSKube.Bench.Micro.PodListData).Assembly).Run(args, config);

using PSKube.FakeCluster.Workloads.Kubelet;
using PSKube.FakeCluster.Workloads.Programs;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The fake runtime's pure parts: argv from command/args and image defaults, program choice and output, quantities, durations.</summary>
public sealed class KubeletProgramsTests
{
    [Theory]
    [InlineData("alpine", null, "ping 127.0.0.1", "ping 127.0.0.1")]
    [InlineData("alpine", "sleep 10", null, "sleep 10")]
    [InlineData("alpine", null, null, "/bin/sh")]
    [InlineData("jpetazzo/ping", null, null, "ping 127.0.0.1")]
    [InlineData("jpetazzo/ping", null, "localhost", "localhost")]
    [InlineData("gcr.io/kuar-demo/kuard-amd64:1", null, "--address :8081", "/kuard --address :8081")]
    [InlineData("gcr.io/kuar-demo/kuard-amd64:1", "/bin/sh", null, "/bin/sh")]
    public void Argv_IsBuiltFromCommandArgsAndTheImageDefaults(string image, string? command, string? args, string argv)
    {
        var built = ContainerCommand.From(image, command?.Split(' '), args?.Split(' '));
        Assert.Equal(argv, string.Join(' ', built.Argv));
    }

    [Theory]
    [InlineData("alpine", "ping 127.0.0.1", typeof(PingProgram))]
    [InlineData("busybox", "/bin/ping -c 3 example.com", typeof(PingProgram))]
    [InlineData("jpetazzo/ping", "", typeof(PingProgram))]
    [InlineData("alpine", "sleep 10", typeof(SleepProgram))]
    [InlineData("alpine", "echo hello world", typeof(EchoProgram))]
    [InlineData("busybox", "date", typeof(DateProgram))]
    [InlineData("busybox", "false", typeof(ExitStatusProgram))]
    [InlineData("gcr.io/kuar-demo/kuard-amd64:blue", "", typeof(KuardProgram))]
    [InlineData("nginx", "", typeof(SilentProgram))]
    [InlineData("alpine", "", typeof(SilentProgram))]
    public void Program_IsChosenByImageAndCommand(string image, string command, Type program)
    {
        var argv = command.Length == 0 ? null : command.Split(' ');
        Assert.IsType(program, ContainerPrograms.For(ContainerCommand.From(image, argv, null)));
    }

    [Theory]
    [InlineData("exit 3", 3)]
    [InlineData("exit 0", 0)]
    [InlineData("exit 300", 44)]
    public void Shell_ExitsWithTheGivenStatus(string script, int exitCode)
    {
        var steps = Run(ContainerCommand.From("alpine", ["sh", "-c", script], null));
        Assert.Equal([exitCode], steps.Select(s => s.ExitCode));
    }

    [Fact]
    public void CoinFlip_IsDecidedByTheSeededRandom()
    {
        var command = ContainerCommand.From("alpine", ["sh", "-c", "exit $(($RANDOM%2))"], null);
        var outcomes = Enumerable.Range(0, 20).Select(seed => Run(command, new Random(seed)).Single().ExitCode).ToList();
        Assert.Contains(0, outcomes);
        Assert.Contains(1, outcomes);
        Assert.Equal(outcomes, Enumerable.Range(0, 20).Select(seed => Run(command, new Random(seed)).Single().ExitCode));
    }

    [Fact]
    public void PingWithCount_PrintsTheRepliesAndASummary_ThenExits()
    {
        var steps = Run(ContainerCommand.From("busybox", ["ping", "-c", "2", "localhost"], null));
        Assert.Equal("PING localhost (127.0.0.1): 56 data bytes", steps[0].Line);
        Assert.StartsWith("64 bytes from 127.0.0.1: seq=1 ttl=64 time=", steps[2].Line);
        Assert.Equal(TimeSpan.FromSeconds(1), steps[2].At);
        Assert.Equal("--- localhost ping statistics ---", steps[4].Line);
        Assert.Equal("2 packets transmitted, 2 packets received, 0% packet loss", steps[5].Line);
        Assert.Equal(0, steps[^1].ExitCode);
    }

    [Fact]
    public void Date_PrintsTheStartTimeAsBusyboxDoes()
    {
        var start = new DateTimeOffset(2024, 3, 5, 7, 8, 9, TimeSpan.Zero);
        var steps = Run(ContainerCommand.From("busybox", ["date"], null), startedAt: start);
        Assert.Equal("Tue Mar  5 07:08:09 UTC 2024", steps[0].Line);
    }

    [Theory]
    [InlineData("256M", 256_000_000L)]
    [InlineData("64Mi", 67_108_864L)]
    [InlineData("1.5Gi", 1_610_612_736L)]
    [InlineData("128974848", 128_974_848L)]
    [InlineData("129e6", 129_000_000L)]
    [InlineData("1k", 1_000L)]
    [InlineData("lots", null)]
    public void MemoryQuantity_ReadsBytes(string text, long? bytes) => Assert.Equal(bytes, MemoryQuantity.ParseBytes(text));

    [Theory]
    [InlineData(412, "412ms")]
    [InlineData(1946, "1.946s")]
    [InlineData(10_000, "10s")]
    [InlineData(80_000, "1m20s")]
    [InlineData(300_000, "5m0s")]
    public void GoDuration_PrintsAsGoDoes(int milliseconds, string text) =>
        Assert.Equal(text, GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("alpine", "docker.io/library/alpine:latest")]
    [InlineData("busybox:1.36", "docker.io/library/busybox:1.36")]
    [InlineData("jpetazzo/ping", "docker.io/jpetazzo/ping:latest")]
    [InlineData("gcr.io/kuar-demo/kuard-amd64:1", "gcr.io/kuar-demo/kuard-amd64:1")]
    [InlineData("localhost:5000/app:v2", "localhost:5000/app:v2")]
    public void ImageReference_IsNormalizedAsTheRuntimeReportsIt(string image, string normalized) =>
        Assert.Equal(normalized, ImageReference.Normalized(image));

    private static List<ProgramStep> Run(ContainerCommand command, Random? random = null, DateTimeOffset? startedAt = null)
    {
        var context = new ProgramContext(command, "c", startedAt ?? DateTimeOffset.UnixEpoch, new PodNetwork(), random ?? new Random(1));
        return ContainerPrograms.For(command).Run(context).Take(50).ToList();
    }
}

using System.Text.RegularExpressions;
using PSKube.Client.Tests.Streaming;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>The real kubectl exec against the fake: WebSocket v5 streaming, stdin, exit codes and refusals.</summary>
public sealed class KubectlExecTests
{
    private static async Task<KubectlRunner> StartWithRunningPodAsync()
    {
        var kubectl = await KubectlRunner.StartAsync(timeScale: 20, simulateKubelet: false);
        await StreamingPods.CreateRunningAsync(kubectl.Cluster, "box", StreamingPods.Container("box"));
        return kubectl;
    }

    [KubectlFact]
    public async Task Exec_Date_PrintsTheDate()
    {
        await using var kubectl = await StartWithRunningPodAsync();
        var result = (await kubectl.RunAsync("exec", "box", "--", "date")).Succeeded();
        Assert.Matches(new Regex(@"^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\n$"), result.Stdout);
    }

    [KubectlFact]
    public async Task ExecInteractive_Cat_CopiesStdinUntilItCloses()
    {
        await using var kubectl = await StartWithRunningPodAsync();
        var result = (await kubectl.RunAsync(["exec", "-i", "box", "--", "cat"], stdin: "hello\nworld\n")).Succeeded();
        Assert.Equal("hello\nworld\n", result.Stdout);
    }

    [KubectlFact]
    public async Task Exec_NonZeroExit_BecomesKubectlsExitCode()
    {
        await using var kubectl = await StartWithRunningPodAsync();
        var result = await kubectl.RunAsync("exec", "box", "--", "sh", "-c", "echo partial; exit 3");
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("partial\n", result.Stdout);
        Assert.Contains("command terminated with exit code 3", result.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Exec_MissingContainer_IsABadRequestFromTheServer()
    {
        await using var kubectl = await StartWithRunningPodAsync();
        var result = await kubectl.RunAsync("exec", "box", "-c", "nope", "--", "date");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Error from server (BadRequest): container nope is not valid for pod box", result.Stderr, StringComparison.Ordinal);
    }
}

using System.Text;
using PSKube.Client.RemoteCommands;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
using PSKube.Client.Tests.Streaming;

namespace PSKube.Client.Tests.RemoteCommands;

/// <summary>The client's exec and the real kubectl exec on the same pod of the fake: the same output, stderr and exit code.</summary>
public sealed class ExecSideBySideTests
{
    [KubectlFact]
    public Task ShellExitCode_IsTheSame() => CompareAsync(null, "sh", "-c", "echo partial; exit 3");

    [KubectlFact]
    public Task Stderr_IsTheSame() => CompareAsync(null, "ls", "/", "/nope");

    [KubectlFact]
    public Task Stdin_ClosedAtTheEnd_EndsCatTheSame() => CompareAsync("hello\nworld\n", "cat");

    [KubectlFact]
    public Task Hostname_IsTheSame() => CompareAsync(null, "hostname");

    private static async Task CompareAsync(string? input, params string[] command)
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 20, simulateKubelet: false);
        await StreamingPods.CreateRunningAsync(kubectl.Cluster, "box", StreamingPods.Container("box"));
        var expected = await kubectl.RunAsync(["exec", .. input is null ? Array.Empty<string>() : ["-i"], "box", "--", .. command], input);

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        RemoteCommandResult? result = null;
        IReadOnlyList<ReadOnlyMemory<byte>>? stdin = input is null ? null : [Encoding.UTF8.GetBytes(input)];
        await foreach (var item in RemoteCommandRun.RunAsync(FakeClusterClient.For(kubectl.Cluster), "default", "box", command, null, stdin, splitLines: false, CancellationToken.None))
        {
            _ = item.Kind switch
            {
                RemoteCommandEventKind.Output => stdout.Append(item.Text),
                RemoteCommandEventKind.Error => stderr.Append(item.Text).Append('\n'),
                _ => stdout,
            };
            result = item.Result ?? result;
        }

        Assert.Equal(expected.Stdout, stdout.ToString());
        Assert.Equal(expected.ExitCode, result!.ExitCode);
        // kubectl adds its own "command terminated with exit code N" line after the program's stderr.
        Assert.StartsWith(stderr.ToString(), expected.Stderr, StringComparison.Ordinal);
    }
}

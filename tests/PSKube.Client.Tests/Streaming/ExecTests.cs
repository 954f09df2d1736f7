using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PSKube.Client.Tests.FakeClusterTests;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Streaming;

/// <summary>pods/exec over WebSocket on the fake: the exact frames for output, exit codes, stdin, terminals and errors.</summary>
public sealed class ExecTests : IAsyncLifetime
{
    private const string V5 = "v5.channel.k8s.io";
    private const string V4 = "v4.channel.k8s.io";
    private const string Success = """{"metadata":{},"status":"Success"}""";

    private FakeClusterServer _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { TimeScale = 20, RandomSeed = 7, SimulateKubelet = false });
        var shell = StreamingPods.Container("main");
        shell["env"] = new JsonArray(new JsonObject { ["name"] = "GREETING", ["value"] = "hello there" });
        await StreamingPods.CreateRunningAsync(_cluster, "shell", shell);
        await StreamingPods.CreateRunningAsync(_cluster, "kuard", StreamingPods.Container("kuard", "gcr.io/kuar-demo/kuard-amd64:blue"));
        await StreamingPods.CreateRunningAsync(_cluster, "two", StreamingPods.Container("app"), StreamingPods.Container("sidecar"));
        StreamingPods.SetRunning(_cluster, "two", "app");
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private static string Exec(string pod, string query) => $"/api/v1/namespaces/default/pods/{pod}/exec?{query}";

    [Fact]
    public async Task Exec_Echo_SendsTheReadyFrameThenStdoutThenSuccess()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", "command=echo&command=hello&command=world&stdout=true&stderr=true"), V5, V4);
        var frames = await socket.ReadToEndAsync();

        Assert.Equal(V5, socket.Subprotocol);
        Assert.Equal(
            new List<(int, string)> { (1, ""), (1, "hello world\n"), (3, Success) },
            frames.Select(f => ((int)f.Channel, Encoding.UTF8.GetString(f.Data))).ToList());
    }

    [Fact]
    public async Task Exec_FirstOutput_ComesAfterTheKubeletHasStartedTheProcess()
    {
        // kubectl before 1.34 drops frames that arrive before it has set up its streams: output must not follow the
        // ready frame at once, as it does not on a real cluster. Timed from before the connection, which the
        // server's wait cannot precede, with a wait far longer than a handshake.
        var delay = TimeSpan.FromMilliseconds(600);
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { SimulateKubelet = false, ProcessStartDelay = delay });
        await StreamingPods.CreateRunningAsync(cluster, "shell", StreamingPods.Container("main"));

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await using var socket = await ChannelSocketClient.ConnectAsync(cluster, Exec("shell", "command=echo&command=hi&stdout=true"), V5);
        await socket.WaitForAsync(s => s.Text(1).Length > 0);

        Assert.True(stopwatch.Elapsed >= delay, $"output {stopwatch.Elapsed.TotalMilliseconds} ms after connecting");
        Assert.Equal("hi\n", socket.Text(1));
    }

    [Theory]
    [InlineData(V5, "command terminated with non-zero exit code: command terminated with exit code 3")]
    [InlineData(V4, "command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3")]
    public async Task Exec_NonZeroExit_IsAFailureStatusWithTheExitCode_WordedByWhoSendsIt(string protocol, string message)
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", "command=sh&command=-c&command=exit%203&stdout=true&stderr=true"), protocol);
        await socket.ReadToEndAsync();

        Assert.Equal(protocol, socket.Subprotocol);
        Assert.Equal(
            "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"" + message + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"3\"}]}}",
            socket.Text(3));
    }

    [Theory]
    [InlineData("command=ls&command=/nope", "", "ls: /nope: No such file or directory\n", "1")]
    [InlineData("command=sh&command=-c&command=nope%20--version", "", "sh: nope: not found\n", "127")]
    [InlineData("command=sh&command=-c&command=echo%20%22%24GREETING%22%20from%20%24(hostname)", "hello there from shell\n", "", "0")]
    [InlineData("command=sh&command=-c&command=false%20%7C%7C%20echo%20%22%24GREETING%22%3B%20hostname%3B%20exit%205", "hello there\nshell\n", "", "5")]
    [InlineData("command=cat&command=/etc/hostname&command=/etc/missing", "shell\n", "cat: can't open '/etc/missing': No such file or directory\n", "1")]
    public async Task Exec_StdoutStderrAndExitCode_ComeFromTheSimulatedProgram(string command, string stdout, string stderr, string exitCode)
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", command + "&stdout=true&stderr=true"), V5);
        await socket.ReadToEndAsync();

        Assert.Equal(stdout, socket.Text(1));
        Assert.Equal(stderr, socket.Text(2));
        Assert.Contains(exitCode == "0" ? "\"status\":\"Success\"" : $"{{\"reason\":\"ExitCode\",\"message\":\"{exitCode}\"}}", socket.Text(3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_EnvAndHostname_ComeFromThePodSpec()
    {
        await using var env = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", "command=env&stdout=true"), V5);
        await env.ReadToEndAsync();
        var lines = env.Text(1).Split('\n');
        Assert.Contains("GREETING=hello there", lines);
        Assert.Contains("HOSTNAME=shell", lines);
        Assert.Contains("KUBERNETES_SERVICE_HOST=10.96.0.1", lines);

        await using var hostname = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", "command=hostname&stdout=true"), V5);
        await hostname.ReadToEndAsync();
        Assert.Equal("shell\n", hostname.Text(1));
    }

    [Fact]
    public async Task Exec_Kuard_HasItsBinaryAndHelp()
    {
        await using var ls = await ChannelSocketClient.ConnectAsync(_cluster, Exec("kuard", "command=ls&stdout=true"), V5);
        await ls.ReadToEndAsync();
        Assert.Contains("kuard", ls.Text(1).Split('\n'));

        await using var help = await ChannelSocketClient.ConnectAsync(_cluster, Exec("kuard", "command=./kuard&command=-h&stdout=true&stderr=true"), V5);
        await help.ReadToEndAsync();
        Assert.StartsWith("Usage of ./kuard:\n", help.Text(2), StringComparison.Ordinal);
        Assert.Contains("--address string", help.Text(2), StringComparison.Ordinal);
        Assert.Equal(Success, help.Text(3));
    }

    [Fact]
    public async Task Exec_Date_PrintsTheClusterTimeInBusyboxFormat()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", "command=date&stdout=true"), V4);
        await socket.ReadToEndAsync();
        Assert.Matches(new Regex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ 1-3]\d \d\d:\d\d:\d\d UTC \d{4}\n$"), socket.Text(1));
    }

    [Fact]
    public async Task Exec_CatWithStdin_CopiesUntilTheV5CloseSignal()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", "command=cat&stdin=true&stdout=true&stderr=true"), V5);
        await socket.SendAsync(0, "line one\n");
        await socket.WaitForAsync(s => s.Text(1) == "line one\n");
        await socket.SendAsync(0, "two");
        await socket.SendAsync([4, .. """{"Width":120,"Height":40}"""u8.ToArray()]);
        await socket.CloseChannelAsync(0);
        await socket.ReadToEndAsync();

        Assert.Equal("line one\ntwo", socket.Text(1));
        Assert.Equal(Success, socket.Text(3));
    }

    [Fact]
    public async Task Exec_TtyShell_EchoesPromptsRunsCommandsAndExits()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", "command=sh&stdin=true&stdout=true&tty=true"), V5);
        await socket.WaitForAsync(s => s.Text(1) == "/ # ");
        // Resizes, even malformed ones, are read and ignored.
        await socket.SendAsync(4, """{"Width":80,"Height":24}""");
        await socket.SendAsync(4, "not json");
        await socket.SendAsync(0, "echo $HOSTNAME\r");
        await socket.WaitForAsync(s => s.Text(1).EndsWith("shell\r\n/ # ", StringComparison.Ordinal));
        await socket.SendAsync(0, "ecx\u007fho hi\r");
        await socket.WaitForAsync(s => s.Text(1).EndsWith("hi\r\n/ # ", StringComparison.Ordinal));
        await socket.SendAsync(0, "exit 7\r");
        await socket.ReadToEndAsync();

        Assert.Equal("/ # echo $HOSTNAME\r\nshell\r\n/ # ecx\b \bho hi\r\nhi\r\n/ # exit 7\r\n", socket.Text(1));
        Assert.Contains("\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"7\"}]}", socket.Text(3), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(V5, "Internal error occurred: Internal error occurred: error executing command in container: ")]
    [InlineData(V4, "Internal error occurred: error executing command in container: ")]
    public async Task Exec_MissingExecutable_IsAnInternalErrorFromTheRuntime(string protocol, string prefix)
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Exec("shell", "command=bash&stdout=true&stderr=true"), protocol);
        await socket.ReadToEndAsync();

        var oci = """failed to exec in container: failed to start exec \\"[0-9a-f]{64}\\": OCI runtime exec failed: exec failed: """ +
                  """unable to start container process: exec: \\"bash\\": executable file not found in \$PATH: unknown""";
        var cause = prefix["Internal error occurred: ".Length..];
        var text = socket.Text(3);
        Assert.True(Regex.IsMatch(text,
            "^" + Regex.Escape("{\"metadata\":{},\"status\":\"Failure\",\"message\":\"" + prefix) + oci +
            Regex.Escape("\",\"reason\":\"InternalError\",\"details\":{\"causes\":[{\"message\":\"" + cause) + oci +
            Regex.Escape("\"}]},\"code\":500}") + "$"), text);
    }

    [Fact]
    public async Task Exec_ContainerNotRunning_V5_UpgradesThenReportsTheKubeletRefusal()
    {
        await using var socket = await ChannelSocketClient.ConnectAsync(_cluster, Exec("two", "command=date&container=sidecar&stdout=true&stderr=true"), V5);
        var frames = await socket.ReadToEndAsync();

        Assert.Equal(2, frames.Count);
        Assert.Equal((byte)1, frames[0].Channel);
        Assert.Empty(frames[0].Data);
        Assert.Equal(
            """{"metadata":{},"status":"Failure","message":"Internal error occurred: unable to upgrade connection: container not found (\"sidecar\")","reason":"InternalError","details":{"causes":[{"message":"unable to upgrade connection: container not found (\"sidecar\")"}]},"code":500}""",
            socket.Text(3));
    }

    [Theory]
    [InlineData("two", "command=date&container=sidecar&stdout=true", 500)]
    [InlineData("shell", "command=date", 400)]
    public async Task Exec_KubeletRefusals_V4_AreHttpErrorsBeforeTheUpgrade(string pod, string query, int code)
    {
        Assert.Equal(code, await ChannelSocketClient.RefusedStatusAsync(_cluster, Exec(pod, query), V4));
    }

    [Theory]
    [InlineData("nothere", "command=date&stdout=true", 404, "pods \"nothere\" not found")]
    [InlineData("shell", "command=date&container=nope&stdout=true", 400, "container nope is not valid for pod shell")]
    [InlineData("two", "command=date&stdout=true", 400, "a container name must be specified for pod two, choose one of: [app sidecar]")]
    [InlineData("shell", "stdout=true", 400, "you must specify at least one command for the container")]
    [InlineData("shell", "command=date&stdout=true", 400, "Upgrade request required")]
    public async Task Exec_ApiServerRefusals_AreStatusesBeforeTheUpgrade(string pod, string query, int code, string message)
    {
        using var http = FakeClusterHttp.Client(_cluster);
        var (status, body) = await http.SendAsync(HttpMethod.Get, Exec(pod, query));

        Assert.Equal(code, status);
        Assert.Equal(message, (string?)body!["message"]);
    }
}

using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using PSKube.Client.Auth;
using PSKube.Client.Logs;
using PSKube.Client.Models;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Workloads;
using PSKube.Client.Transport;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Logs;

/// <summary>Many pods' logs merged without following: container choice, kubectl's selector tail, order, per-pod failures.</summary>
public sealed class LogsFanInTests : IAsyncLifetime
{
    private KubeletCluster _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        _client = FakeClusterClient.For(_cluster.Server);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private async Task<List<KubeLogEvent>> ReadAsync(LogFanInOptions options)
    {
        var events = new List<KubeLogEvent>();
        await foreach (var item in new LogFanIn(_client, options).ReadAsync(CancellationToken.None))
        {
            events.Add(item);
        }
        return events;
    }

    private static JsonObject Labelled(string app) => new() { ["labels"] = new JsonObject { ["app"] = app } };

    private Task PingPodAsync(string name, string app = "ping") =>
        _cluster.CreatePodAsync(name, Spec("Always", Container("ping", "alpine:3.20", args: ["ping", "127.0.0.1"])), Labelled(app));

    private static JsonObject TwoContainers() => Spec("Always",
        Container("first", "alpine:3.20", command: ["echo", "from first"]),
        Container("second", "alpine:3.20", command: ["echo", "from second"]));

    [Fact]
    public async Task Logs_FanIn_DefaultContainer_IsTheAnnotatedOne_ElseTheFirst()
    {
        await _cluster.CreatePodAsync("annotated", TwoContainers(), new JsonObject
        {
            ["annotations"] = new JsonObject { ["kubectl.kubernetes.io/default-container"] = "second" },
        });
        await _cluster.CreatePodAsync("plain", TwoContainers());
        await _cluster.CreatePodAsync("wrongly-annotated", TwoContainers(), new JsonObject
        {
            ["annotations"] = new JsonObject { ["kubectl.kubernetes.io/default-container"] = "third" },
        });
        _cluster.Advance(5);

        var events = await ReadAsync(new LogFanInOptions { PodNames = ["annotated", "plain", "wrongly-annotated"] });
        // kubectl says which container it chose when it had to choose (not when the annotation chose).
        Assert.Equal(
            [
                "annotated/second from second",
                "Defaulted container \"first\" out of: first, second", "plain/first from first",
                "Defaulted container \"first\" out of: first, second", "wrongly-annotated/first from first",
            ],
            events.Select(e => e.ToString()));
        Assert.All(events.Where(e => e.Kind == KubeLogEventKind.Line), e => Assert.NotNull(e.Record!.Timestamp));
        Assert.Equal(["plain", "wrongly-annotated"], events.Where(e => e.Kind == KubeLogEventKind.ContainerDefaulted).Select(e => e.Pod));
    }

    [Fact]
    public async Task Logs_FanIn_DefaultedContainer_ListsInitContainers_AndIsQuietWhenThereIsNoChoice()
    {
        var spec = Spec("Always", Container("app", "alpine:3.20", command: ["echo", "from app"]));
        spec["initContainers"] = new JsonArray(Container("setup", "alpine:3.20", command: ["echo", "from setup"]));
        await _cluster.CreatePodAsync("with-init", spec);
        await _cluster.CreatePodAsync("single", Spec("Always", Container("only", "alpine:3.20", command: ["echo", "alone"])));
        await _cluster.CreatePodAsync("two", TwoContainers());
        _cluster.Advance(10);

        var defaulted = await ReadAsync(new LogFanInOptions { PodNames = ["with-init", "single"] });
        Assert.Equal(["Defaulted container \"app\" out of: app, setup (init)", "with-init/app from app", "single/only alone"], defaulted.Select(e => e.ToString()));

        var named = await ReadAsync(new LogFanInOptions { PodNames = ["two"], Log = new PodLogOptions { Container = "second" } });
        Assert.DoesNotContain(named, e => e.Kind == KubeLogEventKind.ContainerDefaulted);
        var all = await ReadAsync(new LogFanInOptions { PodNames = ["two"], AllContainers = true });
        Assert.DoesNotContain(all, e => e.Kind == KubeLogEventKind.ContainerDefaulted);
    }

    [Fact]
    public async Task Logs_FanIn_AllContainers_IncludesInitContainers_InOrder()
    {
        var spec = TwoContainers();
        spec["initContainers"] = new JsonArray(Container("setup", "alpine:3.20", command: ["echo", "from setup"]));
        await _cluster.CreatePodAsync("init", spec);
        _cluster.Advance(10);

        var events = await ReadAsync(new LogFanInOptions { PodNames = ["init"], AllContainers = true });
        Assert.Equal(["init/setup from setup", "init/first from first", "init/second from second"], events.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Logs_FanIn_Selector_TailsTenLinesByDefault_ContainerByContainer()
    {
        await PingPodAsync("ping-b");
        await PingPodAsync("ping-a");
        await PingPodAsync("other", app: "other");
        _cluster.Advance(30);

        var events = await ReadAsync(new LogFanInOptions { LabelSelector = "app=ping", MaxConcurrency = 1 });
        Assert.Equal(20, events.Count);
        Assert.Equal([.. Enumerable.Repeat("ping-a", 10), .. Enumerable.Repeat("ping-b", 10)], events.Select(e => e.Pod));
        Assert.All(events, e => Assert.StartsWith("64 bytes from 127.0.0.1: seq=", e.Record!.Message));
        var times = events.Take(10).Select(e => e.Record!.Timestamp!.Value).ToList();
        Assert.Equal(times.Order(), times);

        var three = await ReadAsync(new LogFanInOptions { LabelSelector = "app=ping", Log = new PodLogOptions { TailLines = 3 } });
        Assert.Equal(6, three.Count);
    }

    [Fact]
    public async Task Logs_FanIn_FailuresOfOnePod_DoNotStopTheOthers()
    {
        await _cluster.CreatePodAsync("has-first", TwoContainers());
        await _cluster.CreatePodAsync("lacks-first", Spec("Always", Container("other", "alpine:3.20", command: ["echo", "hi"])));
        _cluster.Advance(5);
        // An image the node does not have yet: the container waits for its pull.
        await _cluster.CreatePodAsync("not-started", Spec("Always", Container("ping", "busybox:1.36", args: ["ping", "127.0.0.1"])));

        var events = await ReadAsync(new LogFanInOptions
        {
            PodNames = ["missing", "lacks-first", "not-started", "has-first"],
            Log = new PodLogOptions { Container = "first" },
        });
        Assert.Equal(
        [
            "! pod/missing: pods \"missing\" not found",
            "! pod/lacks-first/first: container first is not valid for pod lacks-first; it has: other",
            "! pod/not-started/first: container first is not valid for pod not-started; it has: ping",
            "has-first/first from first",
        ], events.Select(e => e.ToString()));
        Assert.True(Assert.IsType<KubeApiException>(events[0].Error).IsNotFound);
        Assert.Equal([KubeLogFailure.PodNotFound, KubeLogFailure.ContainerNotFound, KubeLogFailure.ContainerNotFound, null], events.Select(e => e.Failure));

        var waiting = await ReadAsync(new LogFanInOptions { PodNames = ["not-started"] });
        var failure = Assert.Single(waiting);
        Assert.Equal(KubeLogEventKind.Failed, failure.Kind);
        Assert.Equal("container \"ping\" in pod \"not-started\" is waiting to start: ContainerCreating", Assert.IsType<KubeApiException>(failure.Error).Message);
        Assert.Equal(KubeLogFailure.ContainerNotStarted, failure.Failure);
    }

    [Fact]
    public async Task Logs_FanIn_PreviousOfAContainerThatNeverRestarted_IsPreviousContainerNotFound()
    {
        await PingPodAsync("pingpong");
        _cluster.Advance(3);

        var failure = Assert.Single(await ReadAsync(new LogFanInOptions { PodNames = ["pingpong"], Log = new PodLogOptions { Previous = true } }));
        Assert.Equal(KubeLogFailure.PreviousContainerNotFound, failure.Failure);
        Assert.Equal("ping", failure.Container);
    }

    [Fact]
    public async Task Logs_FanIn_PodObjects_AreReadFromTheirNamespace()
    {
        await PingPodAsync("pingpong");
        _cluster.Advance(3);
        var pod = await _client.GetAsync<Pod>(PSKube.Client.Resources.BuiltInResources.Find("pods")!, "default", "pingpong", CancellationToken.None);

        var events = await ReadAsync(new LogFanInOptions { Pods = [pod], Namespace = "elsewhere" });
        Assert.Equal("pingpong/ping PING 127.0.0.1 (127.0.0.1): 56 data bytes", events[0].ToString());
        Assert.Equal("default", events[0].Namespace);
    }

    [Fact]
    public async Task Logs_FanIn_PodsGiven_AreReadTogether_InTheirOrder()
    {
        string[] names = ["one", "two", "three"];
        foreach (var name in names)
        {
            await _cluster.CreatePodAsync(name, Spec("Always", Container("main", "alpine:3.20", command: ["echo", "from " + name])));
        }
        _cluster.Advance(5);
        var gate = new PodReadGate(_cluster.Server.ClientCertificate, names.Length);
        var client = FakeClusterClient.WithCredentials(_cluster.Server, gate);

        var events = new List<KubeLogEvent>();
        await foreach (var item in new LogFanIn(client, new LogFanInOptions { PodNames = names }).ReadAsync(CancellationToken.None))
        {
            events.Add(item);
        }
        // Read one after another, no two reads would ever wait at the gate together (each would pass on its timeout).
        Assert.True(gate.AllWaitedTogether);
        Assert.Equal(["one/main from one", "two/main from two", "three/main from three"], events.Select(e => e.ToString()));
    }

    /// <summary>
    /// Client certificate credentials that hold each read of a single pod until all the expected reads wait together,
    /// or until a timeout lets a lone read on.
    /// </summary>
    private sealed class PodReadGate(X509Certificate2 certificate, int expected) : IKubeCredentials
    {
        private readonly TaskCompletionSource _together = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;

        public bool AllWaitedTogether => _together.Task.IsCompletedSuccessfully;

        public X509Certificate2? ClientCertificate => certificate;

        public string CacheKey => "pod-read-gate";

        public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // GET /api/v1/namespaces/NS/pods/NAME: neither a list nor a pod's log.
            var uri = request.RequestUri!;
            var path = (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0]).Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (request.Method != HttpMethod.Get || path is not ["api", "v1", "namespaces", _, "pods", _])
            {
                return;
            }
            if (Interlocked.Increment(ref _waiting) == expected)
            {
                _together.TrySetResult();
            }
            try
            {
                await _together.Task.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            }
            catch (TimeoutException)
            {
                // Alone at the gate: let it on, the test fails on AllWaitedTogether.
            }
            Interlocked.Decrement(ref _waiting);
        }

        public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }

    [Theory]
    [InlineData("none", "Name the pods to read (by name or as objects), give a label selector, or give objects whose pods to read.")]
    [InlineData("both", "Give either pods or a label selector, not both.")]
    [InlineData("container", "Give either a container name or AllContainers, not both.")]
    [InlineData("concurrency", "MaxConcurrency must be 1 or more, not 0.")]
    [InlineData("tail", "TailLines must be 0 or more, not -3; leave it out to read every line.")]
    public void Logs_FanIn_BadOptions_FailAtOnce(string problem, string message)
    {
        var options = problem switch
        {
            "none" => new LogFanInOptions(),
            "both" => new LogFanInOptions { PodNames = ["a"], LabelSelector = "app=x" },
            "container" => new LogFanInOptions { PodNames = ["a"], AllContainers = true, Log = new PodLogOptions { Container = "c" } },
            "concurrency" => new LogFanInOptions { PodNames = ["a"], MaxConcurrency = 0 },
            _ => new LogFanInOptions { PodNames = ["a"], Log = new PodLogOptions { TailLines = -3 } },
        };
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => new LogFanIn(_client, options)).Message);
    }
}

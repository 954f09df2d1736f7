using System.Text.Json.Nodes;
using PSKube.Client.Tests.FakeClusterTests;
using static PSKube.Client.Tests.Workloads.KubeletCluster;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The simulated kubelet: pod phases, container states, restarts and back-off, init containers, conditions, events, deletion.</summary>
public sealed class KubeletLifecycleTests : IAsyncLifetime
{
    private KubeletCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task NewPod_IsCreatingFirst_ThenRunsAndIsReady()
    {
        await _cluster.CreatePodAsync("pingpong", Spec("Always", Container("pingpong", "alpine", args: ["ping", "127.0.0.1"])));

        var pod = _cluster.Pod("pingpong")!;
        var status = pod["status"]!;
        Assert.Equal("Pending", (string?)status["phase"]);
        Assert.StartsWith("10.244.0.", (string?)status["podIP"]);
        Assert.Equal((string?)status["podIP"], (string?)status["podIPs"]![0]!["ip"]);
        Assert.Equal("172.18.0.2", (string?)status["hostIP"]);
        Assert.NotNull(status["startTime"]);
        Assert.Equal("BestEffort", (string?)status["qosClass"]);
        var creating = _cluster.ContainerStatus("pingpong", "pingpong");
        Assert.Equal("ContainerCreating", (string?)creating["state"]!["waiting"]!["reason"]);
        Assert.False((bool)creating["ready"]!);
        Assert.Equal("docker.io/library/alpine:latest", (string?)creating["image"]);
        Assert.Equal(
            ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"],
            status["conditions"]!.AsArray().Select(c => (string?)c!["type"]));
        var ready = status["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "Ready")!;
        Assert.Equal(("False", "ContainersNotReady", "containers with unready status: [pingpong]"), ((string?)ready["status"], (string?)ready["reason"], (string?)ready["message"]));
        Assert.Contains("Normal Pulling spec.containers{pingpong}: Pulling image \"alpine\"", _cluster.EventsOf("pingpong"));

        _cluster.Advance(5);
        var running = _cluster.ContainerStatus("pingpong", "pingpong");
        Assert.Equal("Running", (string?)_cluster.Pod("pingpong")!["status"]!["phase"]);
        Assert.NotNull(running["state"]!["running"]!["startedAt"]);
        Assert.True((bool)running["ready"]!);
        Assert.True((bool)running["started"]!);
        Assert.Equal(0, (int)running["restartCount"]!);
        Assert.Matches("^containerd://[0-9a-f]{64}$", (string?)running["containerID"]);
        Assert.Matches("^docker.io/library/alpine@sha256:[0-9a-f]{64}$", (string?)running["imageID"]);
        Assert.Equal("True", _cluster.Condition("pingpong", "Ready"));
        Assert.Equal("True", _cluster.Condition("pingpong", "ContainersReady"));
        var events = _cluster.EventsOf("pingpong");
        Assert.Contains(events, e => e.StartsWith("Normal Pulled spec.containers{pingpong}: Successfully pulled image \"alpine\" in ", StringComparison.Ordinal) && e.Contains(" including waiting). Image size: ", StringComparison.Ordinal));
        Assert.Contains("Normal Created spec.containers{pingpong}: Created container: pingpong", events);
        Assert.Contains("Normal Started spec.containers{pingpong}: Started container pingpong", events);
    }

    [Theory]
    [InlineData("Never", "exit 3", "Failed", 0, "Error", 3)]
    [InlineData("Never", "exit 0", "Succeeded", 0, "Completed", 0)]
    [InlineData("OnFailure", "exit 0", "Succeeded", 0, "Completed", 0)]
    [InlineData("OnFailure", "exit 1", "Running", 1, "Error", 1)]
    [InlineData("Always", "exit 0", "Running", 1, "Completed", 0)]
    public async Task RestartPolicy_DecidesWhetherAnExitedContainerRunsAgain(string policy, string script, string phase, int restarts, string reason, int exitCode)
    {
        await _cluster.CreatePodAsync("job", Spec(policy, Container("job", "alpine:3.20", command: ["sh", "-c", script])));
        _cluster.Advance(8);

        var status = _cluster.ContainerStatus("job", "job");
        Assert.Equal(phase, (string?)_cluster.Pod("job")!["status"]!["phase"]);
        Assert.Equal(restarts, (int)status["restartCount"]!);
        var terminated = (restarts == 0 ? status["state"] : status["lastState"])!["terminated"]!;
        Assert.Equal(reason, (string?)terminated["reason"]);
        Assert.Equal(exitCode, (int)terminated["exitCode"]!);
        if (restarts > 0)
        {
            Assert.Equal("CrashLoopBackOff", (string?)status["state"]!["waiting"]!["reason"]);
        }
    }

    [Fact]
    public async Task CrashingContainer_BacksOffFrom10SecondsDoublingUpTo5Minutes()
    {
        await _cluster.CreatePodAsync("crash", Spec("Always", Container("crash", "alpine:3.20", command: ["false"])));
        var uid = (string?)_cluster.Pod("crash")!["metadata"]!["uid"];

        // The first restart is immediate; the crash after it waits 10 s.
        _cluster.Advance(10);
        var status = _cluster.ContainerStatus("crash", "crash");
        Assert.Equal(1, (int)status["restartCount"]!);
        Assert.Equal("CrashLoopBackOff", (string?)status["state"]!["waiting"]!["reason"]);
        Assert.Equal($"back-off 10s restarting failed container=crash pod=crash_default({uid})", (string?)status["state"]!["waiting"]!["message"]);
        Assert.Equal(1, (int)status["lastState"]!["terminated"]!["exitCode"]!);
        Assert.Equal("Running", (string?)_cluster.Pod("crash")!["status"]!["phase"]);
        Assert.Contains($"Warning BackOff spec.containers{{crash}}: Back-off restarting failed container crash in pod crash_default({uid})", _cluster.EventsOf("crash"));

        _cluster.Advance(15);
        status = _cluster.ContainerStatus("crash", "crash");
        Assert.Equal(2, (int)status["restartCount"]!);
        Assert.StartsWith("back-off 20s ", (string?)status["state"]!["waiting"]!["message"]);

        _cluster.Advance(675);
        status = _cluster.ContainerStatus("crash", "crash");
        Assert.Equal(7, (int)status["restartCount"]!);
        Assert.StartsWith("back-off 5m0s ", (string?)status["state"]!["waiting"]!["message"]);
    }

    [Fact]
    public async Task InitContainers_RunInOrder_BeforeTheContainers()
    {
        var spec = Spec("Always", Container("main", "alpine:3.20", command: ["sleep", "3600"]));
        spec["initContainers"] = new JsonArray(
            Container("first", "alpine:3.20", command: ["sleep", "5"]),
            Container("second", "alpine:3.20", command: ["echo", "ready"]));
        await _cluster.CreatePodAsync("init", spec);

        Assert.Equal("PodInitializing", (string?)_cluster.ContainerStatus("init", "main")["state"]!["waiting"]!["reason"]);
        Assert.Equal("PodInitializing", (string?)_cluster.ContainerStatus("init", "second", "initContainerStatuses")["state"]!["waiting"]!["reason"]);
        var initialized = _cluster.Pod("init")!["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "Initialized")!;
        Assert.Equal("containers with incomplete status: [first second]", (string?)initialized["message"]);

        _cluster.Advance(6);
        Assert.Equal("Pending", (string?)_cluster.Pod("init")!["status"]!["phase"]);
        Assert.NotNull(_cluster.ContainerStatus("init", "first", "initContainerStatuses")["state"]!["running"]);

        _cluster.Advance(10);
        var first = _cluster.ContainerStatus("init", "first", "initContainerStatuses")["state"]!["terminated"]!;
        var second = _cluster.ContainerStatus("init", "second", "initContainerStatuses")["state"]!["terminated"]!;
        Assert.Equal("Completed", (string?)first["reason"]);
        Assert.True(string.CompareOrdinal((string?)second["startedAt"], (string?)first["finishedAt"]) >= 0);
        Assert.True((bool)_cluster.ContainerStatus("init", "second", "initContainerStatuses")["ready"]!);
        Assert.NotNull(_cluster.ContainerStatus("init", "main")["state"]!["running"]);
        Assert.Equal("Running", (string?)_cluster.Pod("init")!["status"]!["phase"]);
        Assert.Equal("True", _cluster.Condition("init", "Initialized"));
    }

    [Fact]
    public async Task FailedInitContainer_WithRestartPolicyNever_FailsThePod()
    {
        var spec = Spec("Never", Container("main", "alpine:3.20", command: ["sleep", "3600"]));
        spec["initContainers"] = new JsonArray(Container("setup", "alpine:3.20", command: ["false"]));
        await _cluster.CreatePodAsync("broken", spec);
        _cluster.Advance(10);

        Assert.Equal("Failed", (string?)_cluster.Pod("broken")!["status"]!["phase"]);
        Assert.Equal("Error", (string?)_cluster.ContainerStatus("broken", "setup", "initContainerStatuses")["state"]!["terminated"]!["reason"]);
        Assert.Equal("PodInitializing", (string?)_cluster.ContainerStatus("broken", "main")["state"]!["waiting"]!["reason"]);
    }

    [Fact]
    public async Task ReadinessProbe_InitialDelay_KeepsThePodUnreadyUntilItPasses()
    {
        var container = Container("web", "alpine:3.20", command: ["sleep", "3600"]);
        container["readinessProbe"] = new JsonObject { ["exec"] = new JsonObject { ["command"] = new JsonArray("true") }, ["initialDelaySeconds"] = 20 };
        await _cluster.CreatePodAsync("slow", Spec("Always", container));

        _cluster.Advance(10);
        Assert.Equal("Running", (string?)_cluster.Pod("slow")!["status"]!["phase"]);
        Assert.False((bool)_cluster.ContainerStatus("slow", "web")["ready"]!);
        Assert.True((bool)_cluster.ContainerStatus("slow", "web")["started"]!);
        Assert.Equal("False", _cluster.Condition("slow", "Ready"));

        _cluster.Advance(20);
        Assert.True((bool)_cluster.ContainerStatus("slow", "web")["ready"]!);
        Assert.Equal("True", _cluster.Condition("slow", "Ready"));
    }

    [Fact]
    public async Task MemoryLimitBelowWhatTheProgramNeeds_IsOomKilled()
    {
        var container = Container("kuard", "gcr.io/kuar-demo/kuard-amd64:1");
        container["resources"] = new JsonObject { ["limits"] = new JsonObject { ["memory"] = "4Mi" } };
        await _cluster.CreatePodAsync("tight", Spec("Never", container));
        _cluster.Advance(10);

        var terminated = _cluster.ContainerStatus("tight", "kuard")["state"]!["terminated"]!;
        Assert.Equal(("OOMKilled", 137), ((string?)terminated["reason"], (int)terminated["exitCode"]!));
        Assert.Equal("Failed", (string?)_cluster.Pod("tight")!["status"]!["phase"]);
    }

    [Fact]
    public async Task TwoKuardsInOnePod_TheSecondCannotBindThePortAndCrashLoops()
    {
        await _cluster.CreatePodAsync("duplicate-containers", Spec("Always",
            Container("one", "gcr.io/kuar-demo/kuard-amd64:1"),
            Container("two", "gcr.io/kuar-demo/kuard-amd64:1")));
        _cluster.Advance(15);

        var one = _cluster.ContainerStatus("duplicate-containers", "one");
        var two = _cluster.ContainerStatus("duplicate-containers", "two");
        Assert.NotNull(one["state"]!["running"]);
        Assert.Equal(0, (int)one["restartCount"]!);
        Assert.True((int)two["restartCount"]! >= 1);
        Assert.Equal(1, (int)two["lastState"]!["terminated"]!["exitCode"]!);
        Assert.Equal("Running", (string?)_cluster.Pod("duplicate-containers")!["status"]!["phase"]);
        Assert.Equal("False", _cluster.Condition("duplicate-containers", "Ready"));
        Assert.Contains("Normal Pulled spec.containers{two}: Container image \"gcr.io/kuar-demo/kuard-amd64:1\" already present on machine", _cluster.EventsOf("duplicate-containers"));
    }

    [Fact]
    public async Task DeletedPod_GoesAsSoonAsItsContainersStop()
    {
        await _cluster.CreatePodAsync("kuard", Spec("Always", Container("kuard", "gcr.io/kuar-demo/kuard-amd64:blue")));
        _cluster.Advance(5);

        var (code, _) = await _cluster.Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/kuard", new JsonObject { ["gracePeriodSeconds"] = 30 });
        Assert.Equal(200, code);
        _cluster.Server.Controllers.RunOnce();

        // kuard is a Go server: SIGTERM stops it at once, so the pod does not wait for its 30 s.
        Assert.Null(_cluster.Pod("kuard"));
        Assert.Contains("Normal Killing spec.containers{kuard}: Stopping container kuard", _cluster.EventsOf("kuard"));
    }

    [Fact]
    public async Task DeletedPod_WhoseProcessIgnoresSigterm_WaitsForTheGracePeriod()
    {
        await _cluster.CreatePodAsync("pingpong", Spec("Always", Container("pingpong", "alpine", args: ["ping", "127.0.0.1"])));
        _cluster.Advance(5);

        await _cluster.Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/pingpong", new JsonObject { ["gracePeriodSeconds"] = 30 });
        _cluster.Advance(10);
        Assert.NotNull(_cluster.Pod("pingpong"));
        Assert.Contains("Normal Killing spec.containers{pingpong}: Stopping container pingpong", _cluster.EventsOf("pingpong"));
        Assert.NotNull(_cluster.ContainerStatus("pingpong", "pingpong")["state"]!["running"]);

        _cluster.Advance(25);
        await EventuallyAsync(() => _cluster.Pod("pingpong") is null, "the reaper removes the pod when its grace period is over");
    }

    [Fact]
    public async Task DeletedPod_ThatAlreadyCompleted_GoesAtOnce()
    {
        await _cluster.CreatePodAsync("done", Spec("Never", Container("done", "alpine:3.20", command: ["true"])));
        _cluster.Advance(5);
        Assert.Equal("Succeeded", (string?)_cluster.Pod("done")!["status"]!["phase"]);
        Assert.Equal("PodCompleted", (string?)_cluster.Pod("done")!["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "Ready")!["reason"]);

        await _cluster.Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/done");
        _cluster.Server.Controllers.RunOnce();
        Assert.Null(_cluster.Pod("done"));
    }

    [Fact]
    public async Task StatusWrites_AreRecordedAsTheKubeletsStatusUpdates()
    {
        await _cluster.CreatePodAsync("owned", Spec("Always", Container("owned", "alpine:3.20", command: ["sleep", "60"])));
        var managers = _cluster.Pod("owned")!["metadata"]!["managedFields"]!.AsArray()
            .Select(m => ((string?)m!["manager"], (string?)m["subresource"]));
        Assert.Contains(("kubelet", "status"), managers);
    }
}

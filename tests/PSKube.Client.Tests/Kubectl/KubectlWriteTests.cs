using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>The real kubectl changing the fake cluster: create, apply, label, scale, the create generators, delete.</summary>
public sealed class KubectlWriteTests
{
    private const string MultiDocument = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: kuard
          labels:
            app: kuard
        spec:
          containers:
          - name: kuard
            image: gcr.io/kuar-demo/kuard-amd64:blue
            ports:
            - containerPort: 8080
              name: http
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: webcfg
        data:
          key: value
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          selector:
            app: web
          ports:
          - port: 80
            targetPort: 8080
        """;

    [KubectlFact]
    public async Task CreateFromMultiDocumentFile_CreatesEachObject_ThenDeleteRemovesThem()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var file = kubectl.WriteFile("objects.yaml", MultiDocument);

        var created = (await kubectl.RunAsync("create", "-f", file)).Succeeded();
        Assert.Equal(["pod/kuard created", "deployment.apps/web created", "configmap/webcfg created", "service/web created"], created.Lines);
        var service = JsonNode.Parse((await kubectl.RunAsync("get", "svc", "web", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("TCP", (string?)service["spec"]!["ports"]![0]!["protocol"]);
        Assert.Equal(8080, (int)service["spec"]!["ports"]![0]!["targetPort"]!);

        var again = await kubectl.RunAsync("create", "-f", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Error from server (AlreadyExists): error when creating \"" + file + "\": pods \"kuard\" already exists", again.Stderr);
        Assert.Contains("deployments.apps \"web\" already exists", again.Stderr);

        var deleted = (await kubectl.RunAsync("delete", "-f", file, "--grace-period", "1")).Succeeded();
        Assert.Equal(["pod \"kuard\" deleted", "deployment.apps \"web\" deleted", "configmap \"webcfg\" deleted", "service \"web\" deleted"], deleted.Lines);
        Assert.Equal(1, (await kubectl.RunAsync("get", "configmap", "webcfg")).ExitCode);
    }

    [KubectlFact]
    public async Task ApplyClientSide_CreatesThenPatches()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var file = kubectl.WriteFile("web.yaml", MultiDocument.Split("---\n")[1] + "---\n" + MultiDocument.Split("---\n")[2]);

        var first = (await kubectl.RunAsync("apply", "-f", file)).Succeeded();
        Assert.Equal(["deployment.apps/web created", "configmap/webcfg created"], first.Lines);

        File.WriteAllText(file, File.ReadAllText(file).Replace("replicas: 2", "replicas: 3").Replace("key: value", "key: changed"));
        var second = (await kubectl.RunAsync("apply", "-f", file)).Succeeded();
        Assert.Equal(["deployment.apps/web configured", "configmap/webcfg configured"], second.Lines);

        var deployment = JsonNode.Parse((await kubectl.RunAsync("get", "deploy", "web", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal(3, (int)deployment["spec"]!["replicas"]!);
        Assert.Equal(2, (int)deployment["metadata"]!["generation"]!);
        Assert.Contains("\"replicas\":3", (string?)deployment["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]);
        Assert.Equal("changed", (string?)JsonNode.Parse((await kubectl.RunAsync("get", "cm", "webcfg", "-o", "json")).Stdout)!["data"]!["key"]);

        var unchanged = (await kubectl.RunAsync("apply", "-f", file)).Succeeded();
        Assert.Equal(["deployment.apps/web unchanged", "configmap/webcfg unchanged"], unchanged.Lines);
    }

    [KubectlFact]
    public async Task ApplyServerSide_CreatesThenUpdates_AndRecordsTheManager()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var file = kubectl.WriteFile("web.yaml", MultiDocument.Split("---\n")[1]);

        var first = (await kubectl.RunAsync("apply", "--server-side", "-f", file)).Succeeded();
        Assert.Equal(["deployment.apps/web serverside-applied"], first.Lines);

        File.WriteAllText(file, File.ReadAllText(file).Replace("replicas: 2", "replicas: 4"));
        (await kubectl.RunAsync("apply", "--server-side", "-f", file)).Succeeded();

        var deployment = JsonNode.Parse((await kubectl.RunAsync("get", "deploy", "web", "-o", "json", "--show-managed-fields")).Succeeded().Stdout)!;
        Assert.Equal(4, (int)deployment["spec"]!["replicas"]!);
        var managers = deployment["metadata"]!["managedFields"]!.AsArray();
        Assert.Contains(managers, m => (string?)m!["manager"] == "kubectl" && (string?)m["operation"] == "Apply");
    }

    [KubectlFact]
    public async Task ApplyServerSide_ConflictsWithAnotherManager_UnlessForced()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var file = kubectl.WriteFile("web.yaml", MultiDocument.Split("---\n")[1]);
        (await kubectl.RunAsync("apply", "--server-side", "-f", file)).Succeeded();
        (await kubectl.RunAsync("scale", "deployment", "web", "--replicas", "5")).Succeeded();

        var conflict = await kubectl.RunAsync("apply", "--server-side", "-f", file);
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("conflict", conflict.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".spec.replicas", conflict.Stderr);

        (await kubectl.RunAsync("apply", "--server-side", "--force-conflicts", "-f", file)).Succeeded();
        Assert.Equal("2", (await kubectl.RunAsync("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")).Succeeded().Stdout);
    }

    [KubectlFact]
    public async Task LabelAndAnnotate_AddAndRemove()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("run", "bar", "--image", "busybox")).Succeeded();

        Assert.Equal("pod/bar labeled", (await kubectl.RunAsync("label", "pods", "bar", "color=red")).Succeeded().Stdout.Trim());
        Assert.Equal("red", (await kubectl.RunAsync("get", "pod", "bar", "-o", "jsonpath={.metadata.labels.color}")).Stdout);

        var overwrite = await kubectl.RunAsync("label", "pods", "bar", "color=blue");
        Assert.NotEqual(0, overwrite.ExitCode);
        Assert.Contains("'color' already has a value (red)", overwrite.Stderr);

        Assert.Equal("pod/bar unlabeled", (await kubectl.RunAsync("label", "pods", "bar", "color-")).Succeeded().Stdout.Trim());
        Assert.Equal("", (await kubectl.RunAsync("get", "pod", "bar", "-o", "jsonpath={.metadata.labels.color}")).Stdout);

        Assert.Equal("pod/bar annotated", (await kubectl.RunAsync("annotate", "pod", "bar", "owner=ops")).Succeeded().Stdout.Trim());
        Assert.Equal("ops", (await kubectl.RunAsync("get", "pod", "bar", "-o", "jsonpath={.metadata.annotations.owner}")).Stdout);
        (await kubectl.RunAsync("annotate", "pod", "bar", "owner-")).Succeeded();
        Assert.Equal("", (await kubectl.RunAsync("get", "pod", "bar", "-o", "jsonpath={.metadata.annotations.owner}")).Stdout);
    }

    [KubectlFact]
    public async Task Scale_ChangesReplicasThroughTheScaleSubresource()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("create", "deployment", "pingpong", "--image", "jpetazzo/ping")).Succeeded();
        Assert.Equal("deployment.apps/pingpong scaled", (await kubectl.RunAsync("scale", "deploy/pingpong", "--replicas", "3")).Succeeded().Stdout.Trim());
        Assert.Equal("3", (await kubectl.RunAsync("get", "deploy", "pingpong", "-o", "jsonpath={.spec.replicas}")).Stdout);
    }

    [KubectlFact]
    public async Task CreateDeployment_SendsProtobuf_AndTheServerStoresTheGeneratedObject()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        Assert.Equal("deployment.apps/pingpong created", (await kubectl.RunAsync("create", "deployment", "pingpong", "--image=jpetazzo/ping")).Succeeded().Stdout.Trim());
        var deployment = JsonNode.Parse((await kubectl.RunAsync("get", "deploy", "pingpong", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("pingpong", (string?)deployment["metadata"]!["labels"]!["app"]);
        Assert.Equal(1, (int)deployment["spec"]!["replicas"]!);
        Assert.Equal("pingpong", (string?)deployment["spec"]!["selector"]!["matchLabels"]!["app"]);
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("ping", (string?)container["name"]);
        Assert.Equal("jpetazzo/ping", (string?)container["image"]);
        Assert.Equal("RollingUpdate", (string?)deployment["spec"]!["strategy"]!["type"]);
    }

    [KubectlFact]
    public async Task CreateJobAndCronJob_SendProtobuf()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("create", "job", "flipcoin", "--image=alpine", "--", "sh", "-c", "exit 0")).Succeeded();
        var job = JsonNode.Parse((await kubectl.RunAsync("get", "job", "flipcoin", "-o", "json")).Succeeded().Stdout)!;
        var podSpec = job["spec"]!["template"]!["spec"]!;
        Assert.Equal("Never", (string?)podSpec["restartPolicy"]);
        Assert.Equal(["sh", "-c", "exit 0"], podSpec["containers"]![0]!["command"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("flipcoin", (string?)job["spec"]!["template"]!["metadata"]!["labels"]!["job-name"]);

        (await kubectl.RunAsync("create", "cronjob", "every3mins", "--schedule=*/3 * * * *", "--image=alpine", "--", "sleep", "10")).Succeeded();
        var cron = JsonNode.Parse((await kubectl.RunAsync("get", "cj", "every3mins", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("*/3 * * * *", (string?)cron["spec"]!["schedule"]);
        Assert.Equal("OnFailure", (string?)cron["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["restartPolicy"]);
        var table = (await kubectl.RunAsync("get", "cronjobs")).Succeeded();
        Assert.StartsWith("every3mins */3 * * * * ", table.Lines[1]);
    }

    [KubectlFact]
    public async Task CreateWithServerDryRun_StoresNothing()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var result = (await kubectl.RunAsync("create", "deployment", "ghost", "--image", "nginx", "--dry-run=server", "-o", "json")).Succeeded();
        Assert.Equal("ghost", (string?)JsonNode.Parse(result.Stdout)!["metadata"]!["name"]);
        var missing = await kubectl.RunAsync("get", "deployment", "ghost");
        Assert.Equal("Error from server (NotFound): deployments.apps \"ghost\" not found", missing.Stderr.Trim());
    }

    [KubectlFact]
    public async Task InvalidName_Is422WithTheFieldCause()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var result = await kubectl.RunAsync("run", "Bad_Name", "--image", "busybox");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("The Pod \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of", result.Stderr.Trim());
    }

    [KubectlFact]
    public async Task DeletePod_IsGraceful_KubectlWaitsUntilItIsGone()
    {
        // The cluster clock runs 10x faster: a 20 s grace period passes in about 2 s.
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 10);
        (await kubectl.RunAsync("run", "slow", "--image", "busybox")).Succeeded();
        // Once running, the container ignores SIGTERM (PID 1 without a handler), so the grace period is waited out.
        (await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/slow", "--timeout=30s")).Succeeded();

        var watch = Stopwatch.StartNew();
        var deleting = kubectl.RunAsync(["delete", "pod", "slow", "--grace-period", "20"], stdin: null);
        await Task.Delay(500);
        var during = JsonNode.Parse((await kubectl.RunAsync("get", "pod", "slow", "-o", "json")).Succeeded().Stdout)!;
        Assert.NotNull(during["metadata"]!["deletionTimestamp"]);
        Assert.Equal(20, (int)during["metadata"]!["deletionGracePeriodSeconds"]!);
        Assert.Contains("Terminating", (await kubectl.RunAsync("get", "pod", "slow")).Stdout);

        Assert.Equal("pod \"slow\" deleted", (await deleting).Succeeded().Stdout.Trim());
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
        Assert.Equal(1, (await kubectl.RunAsync("get", "pod", "slow")).ExitCode);
    }

    [KubectlFact]
    public async Task DeletePodsAll_RemovesEveryPodOfTheNamespace()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 30);
        foreach (var name in new[] { "one", "two", "three" })
        {
            (await kubectl.RunAsync("run", name, "--image", "busybox")).Succeeded();
        }
        var result = (await kubectl.RunAsync("delete", "pods", "--all")).Succeeded();
        Assert.Equal(["pod \"one\" deleted", "pod \"three\" deleted", "pod \"two\" deleted"], result.Lines);
        Assert.Equal("No resources found in default namespace.", (await kubectl.RunAsync("get", "pods")).Stderr.Trim());
    }

    [KubectlFact]
    public async Task GetPodsWatch_SeesAddedAndDeleted()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 30);
        (await kubectl.RunAsync("run", "first", "--image", "busybox")).Succeeded();
        using var watching = kubectl.Start(["get", "pods", "-w", "--output-watch-events"]);
        var lines = new List<string>();
        var reader = Task.Run(async () =>
        {
            while (await watching.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                }
            }
        });
        await WaitFor(() => lines.Any(l => l.StartsWith("ADDED first ", StringComparison.Ordinal)));
        (await kubectl.RunAsync("run", "second", "--image", "busybox")).Succeeded();
        await WaitFor(() => lines.Any(l => l.StartsWith("ADDED second ", StringComparison.Ordinal)));
        (await kubectl.RunAsync("delete", "pod", "second")).Succeeded();
        await WaitFor(() => lines.Any(l => l.StartsWith("DELETED second ", StringComparison.Ordinal)));
        watching.Kill(entireProcessTree: true);
        await reader;

        async Task WaitFor(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                lock (lines)
                {
                    if (condition())
                    {
                        return;
                    }
                }
                Assert.True(DateTime.UtcNow < deadline, "watch output so far:\n" + string.Join('\n', lines));
                await Task.Delay(50);
            }
        }
    }
}

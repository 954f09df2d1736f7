namespace PSKube.Client.Tests.Kubectl;

/// <summary>The real kubectl reading from the fake cluster: version, get in its output forms, discovery.</summary>
public sealed class KubectlGetTests
{
    [KubectlFact]
    public async Task Version_ReportsTheFakeServer()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var result = (await kubectl.RunAsync("version")).Succeeded();
        Assert.Contains("Server Version: v1.32.4-fake", result.Stdout);
    }

    [KubectlFact]
    public async Task GetNodes_ShowsTheSeedNodeReady()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var result = (await kubectl.RunAsync("get", "nodes")).Succeeded();
        Assert.Equal("NAME STATUS ROLES AGE VERSION", result.Lines[0]);
        Assert.StartsWith("fake-node-1 Ready control-plane ", result.Lines[1]);
        Assert.EndsWith(" v1.32.4", result.Lines[1]);
    }

    [KubectlFact]
    public async Task GetNodesWide_AddsThePriorityColumns()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var result = (await kubectl.RunAsync("get", "nodes", "-o", "wide")).Succeeded();
        Assert.StartsWith("NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME", result.Lines[0]);
        Assert.Contains("172.18.0.2", result.Lines[1]);
    }

    [KubectlFact]
    public async Task GetPods_ShowsKubectlColumns()
    {
        // The server's printing alone (no kubelet), so the row is the same however fast the machine is;
        // running pods are shown by the seed tests.
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("run", "pingpong", "--image", "alpine", "--", "ping", "127.0.0.1")).Succeeded();
        var result = (await kubectl.RunAsync("get", "pods")).Succeeded();
        Assert.Equal("NAME READY STATUS RESTARTS AGE", result.Lines[0]);
        Assert.StartsWith("pingpong 0/1 Pending 0 ", result.Lines[1]);

        var wide = (await kubectl.RunAsync("get", "pods", "-o", "wide")).Succeeded();
        Assert.Equal("NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES", wide.Lines[0]);
        Assert.Contains("fake-node-1", wide.Lines[1]);
    }

    [KubectlFact]
    public async Task GetYamlAndJson_ShowTheStoredObject()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var yaml = (await kubectl.RunAsync("get", "node", "fake-node-1", "-o", "yaml")).Succeeded();
        Assert.Contains("kind: Node", yaml.Stdout);
        Assert.Contains("cpu: \"4\"", yaml.Stdout);
        Assert.Contains("memory: 16Gi", yaml.Stdout);

        var json = (await kubectl.RunAsync("get", "no", "-o", "json")).Succeeded();
        var list = System.Text.Json.Nodes.JsonNode.Parse(json.Stdout)!;
        Assert.Equal("List", (string?)list["kind"]);
        Assert.Equal("fake-node-1", (string?)list["items"]![0]!["metadata"]!["name"]);
        Assert.Equal("110", (string?)list["items"]![0]!["status"]!["capacity"]!["pods"]);
    }

    [KubectlFact]
    public async Task GetAllNamespaces_ListsEveryNamespace()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("create", "namespace", "second")).Succeeded();
        (await kubectl.RunAsync("-n", "second", "run", "other", "--image", "busybox")).Succeeded();
        (await kubectl.RunAsync("run", "mine", "--image", "busybox")).Succeeded();

        var all = (await kubectl.RunAsync("get", "pods", "-A")).Succeeded();
        Assert.Equal("NAMESPACE NAME READY STATUS RESTARTS AGE", all.Lines[0]);
        Assert.Contains(all.Lines, l => l.StartsWith("default mine ", StringComparison.Ordinal));
        Assert.Contains(all.Lines, l => l.StartsWith("second other ", StringComparison.Ordinal));

        var second = (await kubectl.RunAsync("-n", "second", "get", "pods")).Succeeded();
        Assert.Equal(2, second.Lines.Count);
        Assert.StartsWith("other ", second.Lines[1]);

        var namespaces = (await kubectl.RunAsync("get", "ns")).Succeeded();
        Assert.Contains(namespaces.Lines, l => l.StartsWith("second Active ", StringComparison.Ordinal));
    }

    [KubectlFact]
    public async Task GetWithLabelSelectors_FiltersByEveryOperator()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var manifest = kubectl.WriteFile("pods.yaml", string.Join("---\n", new[]
        {
            ("a", "app: web\n    tier: front"),
            ("b", "app: web\n    tier: back"),
            ("c", "app: db"),
        }.Select(p => $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {p.Item1}\n  labels:\n    {p.Item2}\nspec:\n  containers:\n  - name: c\n    image: busybox\n")));
        (await kubectl.RunAsync("create", "-f", manifest)).Succeeded();

        async Task<string> Names(string selector) =>
            string.Join(",", (await kubectl.RunAsync("get", "pods", "-l", selector, "-o", "name")).Succeeded().Lines);

        Assert.Equal("pod/a,pod/b", await Names("app=web"));
        Assert.Equal("pod/a,pod/b", await Names("app==web"));
        Assert.Equal("pod/c", await Names("app!=web"));
        Assert.Equal("pod/a", await Names("tier in (front)"));
        Assert.Equal("pod/a,pod/b,pod/c", await Names("app in (web,db)"));
        Assert.Equal("pod/b,pod/c", await Names("tier notin (front)"));
        Assert.Equal("pod/a,pod/b", await Names("tier"));
        Assert.Equal("pod/c", await Names("!tier"));
        Assert.Equal("pod/a", await Names("app=web,tier=front"));
    }

    [KubectlFact]
    public async Task GetShowLabels_AddsTheLabelsColumn()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("run", "labelled", "--image", "busybox", "--labels", "color=red,size=big")).Succeeded();
        var result = (await kubectl.RunAsync("get", "pods", "--show-labels")).Succeeded();
        Assert.EndsWith("LABELS", result.Lines[0]);
        Assert.EndsWith("color=red,size=big", result.Lines[1]);
    }

    [KubectlFact]
    public async Task GetAll_ListsTheAllCategory()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("run", "pingpong", "--image", "alpine")).Succeeded();
        (await kubectl.RunAsync("create", "deployment", "web", "--image", "nginx")).Succeeded();
        var result = (await kubectl.RunAsync("get", "all")).Succeeded();
        Assert.Contains(result.Lines, l => l.StartsWith("pod/pingpong ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("service/kubernetes ClusterIP 10.96.0.1 <none> 443/TCP ", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("deployment.apps/web ", StringComparison.Ordinal));
    }

    [KubectlFact]
    public async Task ApiResources_ListsTheBuiltInKinds()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var result = (await kubectl.RunAsync("api-resources")).Succeeded();
        Assert.Equal("NAME SHORTNAMES APIVERSION NAMESPACED KIND", result.Lines[0]);
        Assert.Contains("pods po v1 true Pod", result.Lines);
        Assert.Contains("deployments deploy apps/v1 true Deployment", result.Lines);
        Assert.Contains("cronjobs cj batch/v1 true CronJob", result.Lines);
        Assert.Contains("nodes no v1 false Node", result.Lines);
        Assert.Contains("secrets v1 true Secret", result.Lines);
        Assert.Contains("limitranges limits v1 true LimitRange", result.Lines);

        var namespaced = (await kubectl.RunAsync("api-resources", "--namespaced=false", "-o", "name")).Succeeded();
        Assert.Equal(
            // nodes.metrics.k8s.io: the fake serves metrics-server's API, as clusters with metrics-server do.
            ["namespaces", "nodes", "selfsubjectreviews.authentication.k8s.io", "nodes.metrics.k8s.io", "ingressclasses.networking.k8s.io", "clusterrolebindings.rbac.authorization.k8s.io",
             "clusterroles.rbac.authorization.k8s.io", "priorityclasses.scheduling.k8s.io"],
            namespaced.Lines);
    }

    [KubectlFact]
    public async Task GetMissingPod_SaysNotFound()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var result = await kubectl.RunAsync("get", "pod", "x");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error from server (NotFound): pods \"x\" not found", result.Stderr.Trim());
    }
}

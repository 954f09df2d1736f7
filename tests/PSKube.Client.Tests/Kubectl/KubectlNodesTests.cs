namespace PSKube.Client.Tests.Kubectl;

/// <summary>The real kubectl on a fake cluster of several nodes: nodes, pods spread with IPs of their node, a pod that fits nowhere.</summary>
public sealed class KubectlNodesTests
{
    [KubectlFact]
    public async Task GetNodes_ListsEveryNode_AsARealClusterDoes()
    {
        await using var kubectl = await KubectlRunner.StartAsync(nodes: 3);
        var result = (await kubectl.RunAsync("get", "nodes")).Succeeded();
        Assert.Equal("NAME STATUS ROLES AGE VERSION", result.Lines[0]);
        Assert.Equal(4, result.Lines.Count);
        Assert.StartsWith("fake-node-1 Ready control-plane ", result.Lines[1]);
        Assert.StartsWith("fake-node-2 Ready <none> ", result.Lines[2]);
        Assert.StartsWith("fake-node-3 Ready <none> ", result.Lines[3]);

        var cidrs = (await kubectl.RunAsync("get", "nodes", "-o", "jsonpath={range .items[*]}{.metadata.name}={.spec.podCIDR} {end}")).Succeeded();
        Assert.Equal("fake-node-1=10.244.0.0/24 fake-node-2=10.244.1.0/24 fake-node-3=10.244.2.0/24", cidrs.Stdout.Trim());
    }

    [KubectlFact]
    public async Task GetPodsWide_ShowsEachPodsNode_AndAnIpFromItsCidr()
    {
        await using var kubectl = await KubectlRunner.StartAsync(timeScale: 10, nodes: 3);
        (await kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "--replicas=6")).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s")).Succeeded();
        var wide = (await kubectl.RunAsync("get", "pods", "-o", "wide")).Succeeded();
        Assert.Equal("NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES", wide.Lines[0]);
        var rows = wide.Lines.Skip(1).Select(line => line.Split(' ')).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal("Running", row[2]);
            var nodeIndex = int.Parse(row[6]["fake-node-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1;
            Assert.StartsWith($"10.244.{nodeIndex}.", row[5]);
        });
        Assert.Equal(3, rows.Select(row => row[6]).Distinct().Count());
        Assert.Equal(6, rows.Select(row => row[5]).Distinct().Count());
    }

    [KubectlFact]
    public async Task PodAskingForMoreCpuThanANodeHas_IsPendingWithFailedScheduling()
    {
        // Seed 002, "Pods resources": a pod requesting 32 CPUs stays Pending, and describe shows why.
        await using var kubectl = await KubectlRunner.StartAsync();
        var manifest = kubectl.WriteFile("kubernetes-up-and-running-pod-with-requests.yml", """
            kind: Pod
            apiVersion: v1
            metadata:
              name: kuard-with-requests
            spec:
              containers:
              - name: kuard
                image: gcr.io/kuar-demo/kuard-amd64:1
                resources:
                  requests:
                    cpu: 32
            """);
        (await kubectl.RunAsync("create", "-f", manifest)).Succeeded();
        const string Message = "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.";
        (await kubectl.RunAsync("wait", "--for=condition=PodScheduled=false", "pod/kuard-with-requests", "--timeout=30s")).Succeeded();

        var pods = (await kubectl.RunAsync("get", "pods")).Succeeded();
        Assert.StartsWith("kuard-with-requests 0/1 Pending 0 ", pods.Lines[1]);
        var wide = (await kubectl.RunAsync("get", "pods", "-o", "wide")).Succeeded();
        Assert.Contains(" <none> <none> <none> <none>", wide.Lines[1]);

        var describe = (await kubectl.RunAsync("describe", "pod", "kuard-with-requests")).Succeeded();
        Assert.Contains("Node: <none>", describe.Lines);
        Assert.Contains("Status: Pending", describe.Lines);
        Assert.Contains("PodScheduled False", describe.Lines);
        Assert.Contains(describe.Lines, l => l.StartsWith("Warning FailedScheduling ", StringComparison.Ordinal) && l.EndsWith($" default-scheduler {Message}", StringComparison.Ordinal));

        var events = (await kubectl.RunAsync("get", "events")).Succeeded();
        Assert.Contains(events.Lines, l => l.Contains($" Warning FailedScheduling pod/kuard-with-requests {Message}", StringComparison.Ordinal));
    }
}

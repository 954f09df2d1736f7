using PSKube.Client.Completion;
using PSKube.Client.Resources;

namespace PSKube.Client.Tests.Completion;

public sealed class CompletionCandidatesTests
{
    [Fact]
    public void Completion_MatchesByPrefixIgnoringCaseAndOpenQuotes() =>
        Assert.Equal(["web-1", "web-2"], CompletionCandidates.Matching(["db", "web-2", "web-1", "web-1"], "'WE"));

    [Fact]
    public void Completion_EmptyWordOffersEverythingSorted() =>
        Assert.Equal(["a", "b"], CompletionCandidates.Matching(["b", "a"], ""));

    [Theory]
    [InlineData("pingpong-7d9f", "pingpong-7d9f")]
    [InlineData("arn:aws:eks:eu-west-1:123:cluster/prod", "arn:aws:eks:eu-west-1:123:cluster/prod")]
    [InlineData("my context", "'my context'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("-dash", "'-dash'")]
    [InlineData("$env", "'$env'")]
    [InlineData("app=web", "app=web")]
    [InlineData("!canary", "!canary")]
    [InlineData("app=web,tier", "'app=web,tier'")]
    public void Completion_QuotesOnlyWhatPowerShellWouldNotReadAsOneWord(string name, string expected) =>
        Assert.Equal(expected, CompletionCandidates.Quote(name));

    [Theory]
    [InlineData("Get-KubePod", null, "Pod")]
    [InlineData("Wait-KubePod", null, "Pod")]
    [InlineData("Get-KubeNode", null, "Node")]
    [InlineData("Remove-KubeNamespace", null, "Namespace")]
    [InlineData("Remove-KubeDeployment", null, "Deployment")]
    [InlineData("Get-KubeCronJob", null, "CronJob")]
    [InlineData("Receive-KubeLog", null, "Pod")]
    [InlineData("Set-KubeReplicas", null, "Deployment")]
    [InlineData("New-KubeToken", null, "ServiceAccount")]
    [InlineData("Get-KubeClusterRoleBinding", null, "ClusterRoleBinding")]
    [InlineData("Get-KubeResource", "svc", "svc")]
    [InlineData("Get-KubeResource", null, null)]
    public void Completion_KindComesFromKindOrTheCommandNoun(string command, string? kind, string? expected) =>
        Assert.Equal(expected, CompletionCandidates.KindOfCommand(command, kind));

    [Fact]
    public async Task Completion_NamesOfPodsInTheNamespace_AndOfClusterScopedKindsWhateverTheNamespace()
    {
        await using var cluster = await Workloads.KubeletCluster.StartAsync();
        await cluster.CreatePodAsync("pingpong", Workloads.KubeletCluster.Spec("Always", Workloads.KubeletCluster.Container("pingpong", "alpine", args: ["ping", "127.0.0.1"])));
        var client = Client.FakeClusterClient.For(cluster.Server);

        var pods = await CompletionCandidates.ObjectNamesAsync(client, BuiltInResources.Find("Pod")!, "default", default);
        Assert.Equal(["pingpong"], CompletionCandidates.Matching(pods, "ping"));
        Assert.Empty(await CompletionCandidates.ObjectNamesAsync(client, BuiltInResources.Find("Pod")!, "kube-public", default));
        var namespaces = await CompletionCandidates.ObjectNamesAsync(client, BuiltInResources.Find("Namespace")!, "default", default);
        Assert.Equal(["kube-node-lease", "kube-public", "kube-system"], CompletionCandidates.Matching(namespaces, "kube"));
        Assert.Single(await CompletionCandidates.ObjectNamesAsync(client, BuiltInResources.Find("Node")!, "default", default));
    }

    [Fact]
    public void Completion_KindsOfferPluralsShortNamesCategoriesAndDiscoveredTypes()
    {
        var widgets = new ResourceDefinition("example.com", "v1", "Widget", "widgets", "widget", true, ["get", "list"], ["wd"], ["toys"], []);

        var kinds = CompletionCandidates.Kinds([widgets, BuiltInResources.Find("pods")!]);

        Assert.Subset(kinds.ToHashSet(), new HashSet<string> { "all", "pods", "po", "deployments", "deploy", "svc", "ns", "widgets", "wd", "toys" });
        Assert.Equal(kinds.Distinct().Order(StringComparer.Ordinal), kinds);
        Assert.DoesNotContain("Pod", kinds);
        Assert.Contains("all", CompletionCandidates.Kinds([]));
    }
}

using System.Text.Json.Nodes;
using PSKube.Client.Completion;
using PSKube.Client.Resources;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Completion;

public sealed class LabelSelectorCompletionTests
{
    private static readonly IReadOnlyDictionary<string, string>?[] Labels =
    [
        new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" },
        new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front", ["canary"] = "true" },
        new Dictionary<string, string> { ["app"] = "db", ["tier"] = "back" },
        null,
    ];

    private static IReadOnlyList<string> Offered(string typed) =>
        CompletionCandidates.Matching(LabelSelectorCompletion.Candidates(Labels, typed), typed);

    [Theory]
    [InlineData("", new[] { "app", "canary", "tier" })]
    [InlineData("ti", new[] { "tier" })]
    [InlineData("!", new[] { "!app", "!canary", "!tier" })]
    [InlineData("app=", new[] { "app=db", "app=web" })]
    [InlineData("app==w", new[] { "app==web" })]
    [InlineData("tier!=", new[] { "tier!=back", "tier!=front" })]
    [InlineData("nothere=", new string[0])]
    public void Selector_OffersKeysThenTheValuesOfTheKey(string typed, string[] expected) =>
        Assert.Equal(expected, Offered(typed));

    [Theory]
    [InlineData("app=web,", new[] { "app=web,canary", "app=web,tier" })]
    [InlineData("'tier=back,", new[] { "tier=back,app" })]
    [InlineData("app=web, t", new[] { "app=web, tier" })]
    [InlineData("app=web,tier=", new[] { "app=web,tier=front" })]
    [InlineData("app=db,tier!=", new[] { "app=db,tier!=back" })]
    public void Selector_AfterACommaGoesOnAmongTheObjectsTheTermsBeforeStillSelect(string typed, string[] expected) =>
        Assert.Equal(expected, Offered(typed));

    [Fact]
    public void Selector_TermsThatDoNotParseYetNarrowNothing() =>
        Assert.Equal(["=x,app", "=x,canary", "=x,tier"], Offered("=x,"));

    [Fact]
    public void Selector_SetBasedTermsAreNotCompleted() =>
        Assert.Empty(Offered("tier in (front,"));

    [Fact]
    public async Task Selector_LabelsOfTheObjectsOfOneKindInTheNamespace_OrEveryNamespace()
    {
        await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { SimulateKubelet = false });
        var pods = BuiltInResources.Find("pods")!;
        cluster.Store.Add(BuiltInResources.Find("namespaces")!, Object("v1", "Namespace", "team-a", null, []));
        cluster.Store.Add(pods, Object("v1", "Pod", "web-1", "team-a", new() { ["app"] = "web" }));
        cluster.Store.Add(pods, Object("v1", "Pod", "db-1", "default", new() { ["app"] = "db", ["tier"] = "back" }));
        var client = Client.FakeClusterClient.For(cluster);

        var teamA = await LabelSelectorCompletion.LabelSetsAsync(client, pods, "team-a", default);
        Assert.Equal(["app=web"], LabelSelectorCompletion.Candidates(teamA, "app="));
        var everywhere = await LabelSelectorCompletion.LabelSetsAsync(client, pods, null, default);
        Assert.Equal(["app=db", "app=web"], CompletionCandidates.Matching(LabelSelectorCompletion.Candidates(everywhere, "app="), "app="));
        var nodes = await LabelSelectorCompletion.LabelSetsAsync(client, BuiltInResources.Find("nodes")!, "team-a", default);
        Assert.Contains("kubernetes.io/hostname", LabelSelectorCompletion.Candidates(nodes, "kubernetes.io/"));
    }

    private static JsonObject Object(string apiVersion, string kind, string name, string? @namespace, Dictionary<string, string> labels)
    {
        var metadata = new JsonObject { ["name"] = name, ["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))) };
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }
        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = metadata };
        if (kind == "Pod")
        {
            obj["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["image"] = "nginx" }) };
        }
        return obj;
    }
}

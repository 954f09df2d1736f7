using PSKube.Client.Models;
using PSKube.Client.Queries;

namespace PSKube.Client.Tests.Queries;

public sealed class PodsOfTests
{
    private static T Parse<T>(string json) => KubeJson.Deserialize<T>(json)!;

    [Fact]
    public void PodsOf_DeploymentUsesItsSelectorInItsNamespace()
    {
        var deployment = Parse<Deployment>("""
            {"kind":"Deployment","metadata":{"name":"web","namespace":"shop"},
             "spec":{"selector":{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]}}}
            """);
        var query = PodsOf.Query(deployment);
        Assert.Equal("shop", query.Namespace);
        Assert.Equal("app=web,tier in (a,b)", query.Options.LabelSelector);
        Assert.False(query.SelectsNothing);
    }

    [Fact]
    public void PodsOf_ServiceWithoutSelectorSelectsNothing() =>
        Assert.True(PodsOf.Query(Parse<Service>("""{"kind":"Service","metadata":{"name":"ext","namespace":"default"},"spec":{}}""")).SelectsNothing);

    [Fact]
    public void PodsOf_ServiceSelectorAndNodeName()
    {
        Assert.Equal("app=web", PodsOf.Query(Parse<Service>("""{"metadata":{"name":"web","namespace":"default"},"spec":{"selector":{"app":"web"}}}""")).Options.LabelSelector);
        var node = PodsOf.Query(Parse<Node>("""{"metadata":{"name":"fake-node-1"}}"""));
        Assert.Null(node.Namespace);
        Assert.Equal("spec.nodeName=fake-node-1", node.Options.FieldSelector);
    }

    [Fact]
    public void PodsOf_JobUsesItsControllerSelector() =>
        Assert.Equal("batch.kubernetes.io/controller-uid=123",
            PodsOf.Query(Parse<Job>("""{"metadata":{"name":"pi","namespace":"default"},"spec":{"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"123"}}}}""")).Options.LabelSelector);

    [Fact]
    public void PodsOf_KindsWithoutPodsAreRefusedWithWhatToPipe()
    {
        var error = Assert.Throws<ArgumentException>(() => PodsOf.Query(Parse<ConfigMap>("""{"kind":"ConfigMap","metadata":{"name":"c"}}""")));
        Assert.Contains("pipe pods, deployments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PodsOf_PipedObjectsQueryNarrowedByTheUsersSelectors()
    {
        var deployment = Parse<Deployment>("""{"metadata":{"name":"web","namespace":"shop"},"spec":{"selector":{"matchLabels":{"app":"web"}}}}""");
        var narrowed = PodsOf.Query(deployment).Options.Narrowed("track=canary", "status.phase=Running");
        Assert.Equal("app=web,track=canary", narrowed.LabelSelector);
        Assert.Equal("status.phase=Running", narrowed.FieldSelector);

        var node = PodsOf.Query(Parse<Node>("""{"metadata":{"name":"fake-node-1"}}""")).Options;
        Assert.Same(node.FieldSelector, node.Narrowed(null, null).FieldSelector);
        Assert.Equal("spec.nodeName=fake-node-1,status.phase=Running", node.Narrowed("", "status.phase=Running").FieldSelector);
        Assert.Null(node.Narrowed("", "").LabelSelector);
    }
}

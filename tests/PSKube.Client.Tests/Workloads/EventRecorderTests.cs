using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Storage;
using PSKube.FakeCluster.Workloads;

namespace PSKube.Client.Tests.Workloads;

/// <summary>The fake cluster's event writer, on a bare store.</summary>
public sealed class EventRecorderTests
{
    private static readonly ResourceDefinition Events = BuiltInResources.Find("events")!;

    [Fact]
    public void ManyEventsAboutOneObjectAtOneInstant_AllGetTheirOwnName()
    {
        // One reconcile pass is one instant: a pod's Scheduled and Pulled, or the Pulled of each of its containers,
        // share a time. Names that collided made the store throw and left a container never started.
        var store = new ObjectStore(10_000);
        var recorder = new EventRecorder(store, BuiltInResources.All);
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "busy", ["namespace"] = "default", ["uid"] = "u-1", ["resourceVersion"] = "1" },
        };
        var now = DateTimeOffset.Parse("2024-05-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        for (var i = 0; i < 300; i++)
        {
            recorder.Record(pod, "Normal", "Pulled", $"container {i}", "kubelet", now);
        }

        var names = store.List(Events, "default", _ => true).Select(e => (string)e.Object["metadata"]!["name"]!).ToList();
        Assert.Equal(300, names.Count);
        Assert.All(names, n => Assert.Matches("^busy\\.[0-9a-f]+$", n));
    }
}

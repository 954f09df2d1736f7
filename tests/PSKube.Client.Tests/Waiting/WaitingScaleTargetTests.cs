using PSKube.Client.Models;
using PSKube.Client.Waiting;

namespace PSKube.Client.Tests.Waiting;

public sealed class WaitingScaleTargetTests
{
    [Theory]
    [InlineData("web", null, "deployments", "web")]
    [InlineData("web", "ReplicaSet", "replicasets", "web")]
    [InlineData("deploy/web", null, "deployments", "web")]
    [InlineData("sts/db", null, "statefulsets", "db")]
    [InlineData("rs/web-5d4f", "replicaset", "replicasets", "web-5d4f")]
    [InlineData("statefulsets.apps/db", null, "statefulsets", "db")]
    public void Waiting_ScaleTargetReadsNamesAndKinds(string name, string? kind, string plural, string expected)
    {
        var target = ScaleTarget.Parse(name, kind);
        Assert.Equal(plural, target.Resource.Plural);
        Assert.Equal(expected, target.Name);
    }

    [Theory]
    [InlineData("job/pi", null, "cannot be scaled")]
    [InlineData("web", "pod", "cannot be scaled")]
    [InlineData("sts/db", "deployment", "-Kind says deployment")]
    [InlineData("Web_1", null, "not a valid deployment name")]
    public void Waiting_ScaleTargetRefusesWhatCannotBeScaled(string name, string? kind, string message) =>
        Assert.Contains(message, Assert.ThrowsAny<ArgumentException>(() => ScaleTarget.Parse(name, kind)).Message, StringComparison.Ordinal);

    [Fact]
    public void Waiting_ScaleTargetOfAnObjectTakesItsKind()
    {
        var target = ScaleTarget.Of(KubeJson.Deserialize<StatefulSet>("""{"metadata":{"name":"db"}}""")!);
        Assert.Equal(("statefulsets", "db"), (target.Resource.Plural, target.Name));
        Assert.Throws<ArgumentException>(() => ScaleTarget.Of(KubeJson.Deserialize<Pod>("""{"metadata":{"name":"p"}}""")!));
    }
}

using System.Text.Json.Nodes;
using PSKube.Client.Rollouts;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Rollouts;

/// <summary>kubectl set image's pairs: checked before any request, then planned as a patch of only the changed containers.</summary>
public sealed class ContainerImagesTests
{
    private static JsonObject Deployment(string containers, string? initContainers = null)
    {
        var podSpec = JsonNode.Parse("{\"containers\":" + containers + "}")!.AsObject();
        if (initContainers is not null)
        {
            podSpec["initContainers"] = JsonNode.Parse(initContainers);
        }
        return new JsonObject { ["kind"] = "Deployment", ["spec"] = new JsonObject { ["template"] = new JsonObject { ["spec"] = podSpec } } };
    }

    [Fact]
    public void Parse_ReadsPairsInOrder_AndTheImageMayHoldRegistryPortTagAndDigest()
    {
        var images = ContainerImages.Parse(["nginx=nginx:1.27", "side=registry.example.com:5000/team/envoy:v1.30@sha256:" + new string('a', 64)], "Image");
        Assert.Equal(["nginx", "side"], images.Pairs.Select(p => p.Key));
        Assert.Equal("nginx:1.27", images.Pairs[0].Value);
    }

    [Theory]
    [InlineData("nginx", "is not a container=image pair")]
    [InlineData("=nginx", "is not a container=image pair")]
    [InlineData("nginx=", "is not a container=image pair")]
    [InlineData("nginx=Bad Image", "invalid reference format")]
    [InlineData("nginx=team/Web", "invalid reference format")]
    public void Parse_RefusesWhatCannotWork_NamingTheParameter(string pair, string message)
    {
        var refused = Assert.Throws<KubeInputException>(() => ContainerImages.Parse([pair], "Image"));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal("Image", refused.ParameterName);
    }

    [Fact]
    public void Parse_StarMustStandAlone_AndAContainerComesOnce()
    {
        Assert.Contains("already named by *", Assert.Throws<KubeInputException>(() => ContainerImages.Parse(["*=busybox", "nginx=nginx"], "Image")).Message, StringComparison.Ordinal);
        Assert.Contains("more than one image", Assert.Throws<KubeInputException>(() => ContainerImages.Parse(["a=x", "a=y"], "Image")).Message, StringComparison.Ordinal);
        Assert.Throws<KubeInputException>(() => ContainerImages.Parse([], "Image"));
    }

    [Fact]
    public void Plan_PatchesOnlyTheContainersWhoseImageChanges_ByName()
    {
        var obj = Deployment("""[{"name":"nginx","image":"nginx:1.26"},{"name":"side","image":"envoy:1"}]""");
        var patch = ContainerImages.Parse(["nginx=nginx:1.27", "side=envoy:1"], "Image").Plan(obj, "Deployment");
        Assert.Equal("""{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}""", patch!.ToJsonString());
    }

    [Fact]
    public void Plan_StarSetsEveryContainer_InitContainersToo_AsKubectl()
    {
        var obj = Deployment("""[{"name":"nginx","image":"nginx:1.26"}]""", """[{"name":"setup","image":"alpine"}]""");
        var patch = ContainerImages.Parse(["*=busybox"], "Image").Plan(obj, "Deployment");
        Assert.Equal("""{"spec":{"template":{"spec":{"initContainers":[{"name":"setup","image":"busybox"}],"containers":[{"name":"nginx","image":"busybox"}]}}}}""", patch!.ToJsonString());
    }

    [Fact]
    public void Plan_NothingToChange_IsNoPatch()
    {
        var obj = Deployment("""[{"name":"nginx","image":"nginx:1.26"}]""");
        Assert.Null(ContainerImages.Parse(["nginx=nginx:1.26"], "Image").Plan(obj, "Deployment"));
    }

    [Fact]
    public void Plan_AnUnknownContainer_NamesTheOnesThatExist_AndPlansNothing()
    {
        var obj = Deployment("""[{"name":"nginx","image":"nginx:1.26"}]""", """[{"name":"setup","image":"alpine"}]""");
        var refused = Assert.Throws<ContainerNotFoundException>(() => ContainerImages.Parse(["nginx=nginx:1.27", "ngnix=nginx:1.27"], "Image").Plan(obj, "Deployment"));
        Assert.Equal("unable to find container named \"ngnix\"; its containers are setup, nginx.", refused.Message);
        Assert.Equal(["setup", "nginx"], refused.Existing);
    }

    [Theory]
    [InlineData("Pod", """{"spec":{"containers":[{"name":"c","image":"a"}]}}""", """{"spec":{"containers":[{"name":"c","image":"b"}]}}""")]
    [InlineData("CronJob", """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"a"}]}}}}}}""",
        """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"b"}]}}}}}}""")]
    [InlineData("StatefulSet", """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"a"}]}}}}""", """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"b"}]}}}}""")]
    [InlineData("Job", """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"a"}]}}}}""", """{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"b"}]}}}}""")]
    public void Plan_FindsThePodSpecWhereEachKindKeepsIt(string kind, string obj, string expected) =>
        Assert.Equal(expected, ContainerImages.Parse(["c=b"], "Image").Plan(JsonNode.Parse(obj)!.AsObject(), kind)!.ToJsonString());

    [Fact]
    public void Plan_KindsWithoutContainers_AreRefused()
    {
        Assert.False(ContainerImages.HasPodTemplate("Service"));
        Assert.Throws<ArgumentException>(() => ContainerImages.Parse(["c=b"], "Image").Plan(new JsonObject(), "Service"));
    }
}

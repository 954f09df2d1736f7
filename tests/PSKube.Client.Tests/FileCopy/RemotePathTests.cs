using PSKube.Client.FileCopy;

namespace PSKube.Client.Tests.FileCopy;

public sealed class RemotePathTests
{
    [Theory]
    [InlineData("/etc/config/", "/etc/config", "etc/config", "config", "/etc")]
    [InlineData("/tmp/../etc//./x", "/etc/x", "etc/x", "x", "/etc")]
    [InlineData("/../..", "/", "", "", "/")]
    [InlineData("app.log", "app.log", "app.log", "app.log", ".")]
    [InlineData("../logs/a", "../logs/a", "logs/a", "a", "../logs")]
    public void Clean_Prefix_Name_Parent(string path, string clean, string prefix, string name, string parent)
    {
        Assert.Equal(clean, RemotePath.Clean(path));
        Assert.Equal(prefix, RemotePath.ArchivePrefix(clean));
        Assert.Equal(name, RemotePath.Name(clean));
        Assert.Equal(parent, RemotePath.Parent(clean));
    }

    [Theory]
    [InlineData("web-1:/etc/config", null, "web-1", "/etc/config")]
    [InlineData("shop/web-1:/tmp/", "shop", "web-1", "/tmp/")]
    [InlineData("web-1:", null, "web-1", "")]
    public void PodSpecs_AreReadAsKubectlDoes(string text, string? @namespace, string pod, string path) =>
        Assert.Equal(new PodFileSpec(@namespace, pod, path), PodFileSpec.TryParse(text));

    [Theory]
    [InlineData("./config")]
    [InlineData("/tmp/x")]
    [InlineData(":/x")]
    [InlineData("a/b/c:/x")]
    public void LocalPaths_AreNotPodSpecs(string text) => Assert.Null(PodFileSpec.TryParse(text));
}

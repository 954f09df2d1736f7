using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using PSKube.Client.Config;
using PSKube.Client.Manifests;

namespace PSKube.Client.Tests.Config;

public sealed class KubeconfigEditorTests : IDisposable
{
    private const string Original = """
        apiVersion: v1
        kind: Config
        x-vendor-setting: {keep: me, list: [1, "2", true]}
        current-context: dev
        clusters:
        - name: c
          cluster:
            server: https://c.example:6443
            certificate-authority-data: QUJD
        users:
        - name: eks
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: aws
              args: [--region, eu-west-1, eks, get-token, --cluster-name, "my cluster"]
              env:
              - {name: AWS_PROFILE, value: prod}
              installHint: Install the AWS CLI, see https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html for the steps on your platform
              provideClusterInfo: false
              interactiveMode: IfAvailable
        contexts:
        - name: dev
          context: {cluster: c, user: eks, namespace: dev}
        - name: prod
          context:
            cluster: c
            user: eks
            unknown-context-key: 42
        """;

    private readonly KubeconfigTestFolder _folder = new();

    [Fact]
    public void UseContext_ChangesOnlyCurrentContext_KeepingExecBlockAndUnknownKeys()
    {
        var path = _folder.Write("config", Original);

        KubeConfigEditor.UseContext(Load(path), "prod");

        var expected = Json(Original);
        expected["current-context"] = "prod";
        AssertSameYaml(expected, path);
        Assert.Equal("prod", Load(path).CurrentContext);
        var lines = File.ReadAllLines(path);
        Assert.Contains(lines, line => line.Trim().StartsWith("installHint: Install the AWS CLI", StringComparison.Ordinal) && line.EndsWith("on your platform", StringComparison.Ordinal));
        Assert.DoesNotContain("...", lines);
    }

    [Fact]
    public void SetContextNamespace_AddsOrReplacesTheKey_InPlace()
    {
        var path = _folder.Write("config", Original);

        KubeConfigEditor.SetContextNamespace(Load(path), "prod", "team-a");
        KubeConfigEditor.SetContextNamespace(Load(path), "dev", "123");

        var expected = Json(Original);
        expected["contexts"]![1]!["context"]!["namespace"] = "team-a";
        expected["contexts"]![0]!["context"]!["namespace"] = "123";
        AssertSameYaml(expected, path);
        Assert.Contains("\"123\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal("123", Load(path).Resolve("dev").Namespace);
    }

    [Fact]
    public void Edits_GoToTheFileThatDefinesTheContext_CurrentContextToTheFirstFile()
    {
        var first = _folder.Write("a/config", "current-context: dev\n");
        var second = _folder.Write("b/config", Original);
        var firstBefore = File.ReadAllText(first);

        KubeConfigEditor.SetContextNamespace(Load(first, second), "prod", "team-b");
        Assert.Equal(firstBefore, File.ReadAllText(first));

        KubeConfigEditor.UseContext(Load(first, second), "prod");
        var merged = Load(first, second);
        Assert.Equal("prod", merged.CurrentContext);
        Assert.Equal("team-b", merged.Resolve().Namespace);
        Assert.Equal("dev", Json(File.ReadAllText(second))["current-context"]!.GetValue<string>());
    }

    [Fact]
    public void RenameContext_MovesCurrentContextWithIt()
    {
        var path = _folder.Write("config", Original);

        KubeConfigEditor.RenameContext(Load(path), "dev", "development");

        var expected = Json(Original);
        expected["contexts"]![0]!["name"] = "development";
        expected["current-context"] = "development";
        AssertSameYaml(expected, path);
        Assert.Throws<KubeConfigException>(() => KubeConfigEditor.RenameContext(Load(path), "development", "prod"));
    }

    [Fact]
    public void DeleteContext_RemovesOnlyThatEntry()
    {
        var path = _folder.Write("config", Original);

        KubeConfigEditor.DeleteContext(Load(path), "prod");

        var expected = Json(Original);
        expected["contexts"]!.AsArray().RemoveAt(1);
        AssertSameYaml(expected, path);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void SetContext_CreatesANewContext_AndCreatesTheFileWhenThereIsNone()
    {
        var path = _folder.Write("config", Original);
        KubeConfigEditor.SetContext(Load(path), "staging", cluster: "c", user: "eks", @namespace: "stage");

        var expected = Json(Original);
        expected["contexts"]!.AsArray().Add(JsonNode.Parse("""{"name":"staging","context":{"cluster":"c","user":"eks","namespace":"stage"}}"""));
        AssertSameYaml(expected, path);

        var fresh = _folder.File("new/config");
        KubeConfigEditor.SetContext(Load(fresh), "solo", cluster: "c");
        Assert.Equal("c", Load(fresh).Contexts["solo"].Value.Cluster);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Edit_KeepsTheFilePermissions_AndLeavesNoTemporaryFile()
    {
        var path = _folder.Write("config", Original);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        KubeConfigEditor.UseContext(Load(path), "prod");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void UnknownContext_IsAnError_AndNothingIsWritten()
    {
        var path = _folder.Write("config", Original);

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigEditor.UseContext(Load(path), "nope"));

        Assert.Contains("available contexts: dev, prod", error.Message, StringComparison.Ordinal);
        Assert.Equal(Original, File.ReadAllText(path));
    }

    private KubeConfig Load(params string[] files) =>
        new KubeConfigLoader { KubeconfigVariable = string.Join(Path.PathSeparator, files), HomeDirectory = _folder.File("home") }.Load();

    private static JsonObject Json(string yaml) => YamlJson.ToJson(yaml)!.AsObject();

    private static void AssertSameYaml(JsonNode expected, string path)
    {
        var actual = YamlJson.ToJson(File.ReadAllText(path));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nbut the file holds {actual?.ToJsonString()}");
    }

    public void Dispose() => _folder.Dispose();
}

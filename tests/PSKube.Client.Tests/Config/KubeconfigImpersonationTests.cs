using System.Text.Json.Nodes;
using PSKube.Client.Config;
using PSKube.Client.Manifests;

namespace PSKube.Client.Tests.Config;

/// <summary>A kubeconfig user's as-* fields are read as client-go reads them and survive every edit PSKube makes.</summary>
public sealed class KubeconfigImpersonationTests : IDisposable
{
    private const string Original = """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters:
        - name: c
          cluster: {server: "https://c.example:6443"}
        users:
        - name: admin-as-jane
          user:
            token: t
            as: jane
            as-uid: "1234"
            as-groups: [devs, ops]
            as-user-extra:
              scopes: [read, write]
              example.com/team: ["a b"]
        contexts:
        - name: dev
          context: {cluster: c, user: admin-as-jane}
        """;

    private readonly KubeconfigTestFolder _folder = new();

    [Fact]
    public void AsFields_AreRead()
    {
        var user = Load(_folder.Write("config", Original)).Users["admin-as-jane"].Value;

        Assert.Equal("jane", user.Impersonate);
        Assert.Equal("1234", user.ImpersonateUid);
        Assert.Equal(["devs", "ops"], user.ImpersonateGroups);
        Assert.Equal(["scopes", "example.com/team"], user.ImpersonateUserExtra.Keys);
        Assert.Equal(["read", "write"], user.ImpersonateUserExtra["scopes"]);
    }

    [Fact]
    public void NullOrAbsentLists_AreEmpty()
    {
        var user = Load(_folder.Write("config", Original.Replace("as-groups: [devs, ops]", "as-groups: null", StringComparison.Ordinal)
            .Replace("example.com/team: [\"a b\"]", "example.com/team: null", StringComparison.Ordinal))).Users["admin-as-jane"].Value;

        Assert.Empty(user.ImpersonateGroups);
        Assert.Empty(user.ImpersonateUserExtra["example.com/team"]);
    }

    [Fact]
    public void EveryEdit_KeepsTheAsFields()
    {
        var path = _folder.Write("config", Original);

        KubeConfigEditor.SetContextNamespace(Load(path), "dev", "team");
        KubeConfigEditor.SetContext(Load(path), "other", cluster: "c", user: "admin-as-jane");
        KubeConfigEditor.UseContext(Load(path), "other");
        KubeConfigEditor.RenameContext(Load(path), "other", "renamed");

        // The users as YAML values (types included: the uid stays the string "1234", as kubectl needs it).
        var usersBefore = YamlJson.ToJson(Original)!["users"];
        var usersAfter = YamlJson.ToJson(File.ReadAllText(path))!["users"];
        Assert.True(JsonNode.DeepEquals(usersBefore, usersAfter), $"expected {usersBefore?.ToJsonString()}\nbut the file holds {usersAfter?.ToJsonString()}");
        var user = Load(path).Users["admin-as-jane"].Value;
        Assert.Equal(("jane", "1234"), (user.Impersonate, user.ImpersonateUid));
        Assert.Equal(["devs", "ops"], user.ImpersonateGroups);
        Assert.Equal(["a b"], user.ImpersonateUserExtra["example.com/team"]);
        Assert.Equal("renamed", Load(path).CurrentContext);
    }

    private static KubeConfig Load(string path) => new KubeConfigLoader { HomeDirectory = Path.GetDirectoryName(path)! }.Load(path);

    public void Dispose() => _folder.Dispose();
}

using PSKube.Client.Config;
using PSKube.Client.Manifests;
using PSKube.Client.Tests.Config;

namespace PSKube.Client.Tests.Manifests;

/// <summary>Broken manifests and kubeconfig files: each error names the line and column, and fields as the text does.</summary>
public sealed class ManifestErrorTests : IDisposable
{
    private readonly KubeconfigTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    // A tab in the indentation on line 4.
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n", 4, 1, "found a tab character in the indentation; YAML indents with spaces only")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  \tlabels: {}\n", 5, 3, "found a tab character in the indentation; YAML indents with spaces only")]
    // A wrong type at a nested field.
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports: \"80\"\n", 8, 12,
        "document 1 (Pod): spec.containers[0].ports: expected a list, got a string \"80\"")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  containers: 5\n", 4, 15, "document 1 (Pod): spec.containers: expected a list, got a number (5)")]
    // Something else than an object where a list holds objects.
    [InlineData("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - nginx\n", 5, 5, "document 1 (Pod): spec.containers[0]: expected a map, got a string \"nginx\"")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: many\n", 4, 13, "document 1 (Deployment): spec.replicas: expected an integer, got a string \"many\"")]
    // In the second document, and in an item of a list.
    [InlineData("apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\ndata: [a]\n", 6, 7, "document 2 (ConfigMap): data: expected a map, got a list")]
    [InlineData("apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n- metadata: {labels: yes}\n", 5, 22,
        "item 2 of document 1 (PodList): metadata.labels: expected a map, got a string \"yes\"")]
    [InlineData("apiVersion: v1\nkind: List\nitems:\n- {kind: Pod}\n", 4, 3, "item 1 of document 1 (List) is not a Kubernetes object: it needs apiVersion and kind")]
    public void Yaml_ErrorsGiveLineColumnAndFieldPath(string yaml, int line, int column, string reason)
    {
        var error = Assert.Throws<ManifestException>(() => KubeYaml.ObjectsFromYaml(yaml));

        Assert.Equal(reason, error.Reason);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal($"line {line}, column {column}: {reason}", error.Message);
        Assert.Equal($"pod.yaml:{line}:{column}: {reason}", error.Describe("pod.yaml"));
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PSKube.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"spec\": {\"containers\": [{\"name\": \"a\", \"ports\": \"80\"}]}\n}", 4, 50,
        "value 1 (Pod): spec.containers[0].ports: expected a list, got a string \"80\"")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}\n{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\n \"metadata\":{\"annotations\":{\"a.b/c\":1}}}", 3, 37,
        "value 2 (Secret): metadata.annotations[a.b/c]: expected a string, got a number (1)")]
    [InlineData("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n  {\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"spec\":{\"containers\":{}}}]}", 2, 56,
        "item 1 of value 1 (List): spec.containers: expected a list, got a map")]
    [InlineData("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\"\n  \"metadata\": {}\n}", 4, 3, "'\"' is invalid after a value. Expected either ',', '}', or ']'")]
    public void Json_ErrorsGiveLineColumnAndFieldPath(string json, int line, int column, string reason)
    {
        var error = Assert.Throws<ManifestException>(() => KubectlJson.ObjectsFromJson(json));

        Assert.Equal(reason, error.Reason);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Config\nclusters:\n- name: a\n\tcluster: {}\n", 5, 1, "found a tab character in the indentation; YAML indents with spaces only")]
    [InlineData("apiVersion: v1\nkind: Config\nclusters: none\n", 3, 11, "clusters: expected a list, got a string \"none\"")]
    [InlineData("apiVersion: v1\nkind: Config\nusers:\n- name: a\n  user:\n    exec: [x]\n", 6, 11, "users[0].user.exec: expected a map, got a list")]
    [InlineData("apiVersion: v1\nkind: Config\nclusters:\n- name: a\n  cluster: {insecure-skip-tls-verify: maybe}\n", 5, 39, "clusters[0].cluster.insecure-skip-tls-verify: expected true or false, got a string \"maybe\"")]
    [InlineData("apiVersion: v1\nkind: Config\nusers:\n- name: a\n  user: {exec: {args: {a: 1}}}\n", 5, 23, "users[0].user.exec.args: expected a list, got a map")]
    [InlineData("apiVersion: v1\nkind: Config\ncurrent-context: [a]\nclusters: {a: 1}\n", 3, 18, "current-context: expected a string, got a list")]
    [InlineData("- apiVersion: v1\n", 1, 1, "the file: expected a map, got a list")]
    public void Kubeconfig_ErrorsGiveFileLineColumnAndFieldPath(string yaml, int line, int column, string reason)
    {
        var path = _folder.Write("config", yaml);

        var error = Assert.Throws<KubeConfigException>(() => new KubeConfigLoader { HomeDirectory = _folder.File("home") }.Load(path));

        Assert.Equal($"the kubeconfig file {path} is not valid: {path}:{line}:{column}: {reason}", error.Message);
    }
}

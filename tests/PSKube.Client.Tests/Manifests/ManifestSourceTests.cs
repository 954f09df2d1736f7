using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Tests.Config;

namespace PSKube.Client.Tests.Manifests;

/// <summary>Manifests read as kubectl -f reads them: directories, recursion, documents, lists, and one error per bad document.</summary>
public sealed class ManifestSourceTests : IDisposable
{
    private readonly KubeconfigTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string ConfigMap(string name) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n";

    private static string[] Names(IEnumerable<ManifestDocument> documents) => [.. documents.Select(d => d.Object?.Name ?? "error")];

    [Fact]
    public void Directory_MeansItsManifestFilesInNameOrder_SubdirectoriesOnlyWithRecurse()
    {
        _folder.Write("app/b.yaml", ConfigMap("b"));
        _folder.Write("app/a.yml", ConfigMap("a"));
        _folder.Write("app/c.json", """{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}""");
        _folder.Write("app/notes.txt", "not a manifest");
        _folder.Write("app/README.YAML", ConfigMap("upper-case-extension"));
        _folder.Write("app/b-sub/d.yaml", ConfigMap("d"));
        _folder.Write("app/b-sub/deeper/e.yaml", ConfigMap("e"));

        Assert.Equal(["a", "b", "c"], Names(ManifestSource.ReadPath(_folder.File("app"), recurse: false)));
        // Depth first, each subdirectory at its place in the name order (b-sub after b.yaml: '-' < '.').
        Assert.Equal(["a", "d", "e", "b", "c"], Names(ManifestSource.ReadPath(_folder.File("app"), recurse: true)));
        // A file named directly is read whatever its extension.
        Assert.Equal(["upper-case-extension"], Names(ManifestSource.ReadPath(_folder.File("app/README.YAML"), recurse: false)));
    }

    [Fact]
    public void Documents_KeepTheirOrigin_FileDocumentAndListItem()
    {
        var file = _folder.Write("all.yaml", ConfigMap("one") + "---\n# only a comment\n---\n" + """
            apiVersion: v1
            kind: List
            items:
            - {apiVersion: v1, kind: ConfigMap, metadata: {name: two}}
            - {apiVersion: v1, kind: Secret, metadata: {name: three}}
            --- # a separator with a comment
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: four}
            """);

        var documents = ManifestSource.ReadFile(file).ToList();

        Assert.Equal(["one", "two", "three", "four"], Names(documents));
        Assert.Equal([new ManifestOrigin(file, 1), new ManifestOrigin(file, 2, 1), new ManifestOrigin(file, 2, 2), new ManifestOrigin(file, 3)], documents.Select(d => d.Origin));
        Assert.IsType<ConfigMap>(documents[0].Object);
        Assert.IsType<Deployment>(documents[3].Object);
        Assert.Equal($"{file}, document 2, item 2", documents[2].Origin.ToString());
    }

    [Fact]
    public void BadDocumentInTheMiddle_IsOneErrorInItsPlace_WithItsLineInTheFile_AndTheOthersAreRead()
    {
        var file = _folder.Write("web.yaml", ConfigMap("one") + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabbed\n---\n" + ConfigMap("three")
            + "---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: many\n---\nkind: ConfigMap\n---\n" + ConfigMap("six"));

        var documents = ManifestSource.ReadFile(file).ToList();

        Assert.Equal(["one", "error", "three", "error", "error", "six"], Names(documents));
        Assert.Equal([1, 2, 3, 4, 5, 6], documents.Select(d => d.Origin.Document));
        Assert.Equal($"{file}:9:1: document 2: found a tab character in the indentation; YAML indents with spaces only", documents[1].Describe());
        Assert.Equal($"{file}:19:13: document 4 (Deployment): spec.replicas: expected an integer, got a string \"many\"", documents[3].Describe());
        Assert.Equal($"{file}:21:1: document 5 is not a Kubernetes object: it needs apiVersion and kind", documents[4].Describe());
    }

    [Fact]
    public void BadListItem_IsOneError_TheOtherItemsAreRead()
    {
        var documents = ManifestSource.ReadText("apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {kind: ConfigMap}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n");

        Assert.Equal(["a", "error", "c"], Names(documents));
        Assert.Equal("piped text, document 1, item 2", documents[1].Origin.ToString());
        Assert.Equal("line 5, column 3: item 2 of document 1 (List) is not a Kubernetes object: it needs apiVersion and kind", documents[1].Describe());
    }

    [Fact]
    public void Json_SeveralValuesAndLists_AndAnUnreadableValueEndsTheText()
    {
        var documents = ManifestSource.ReadText("""
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}
            {"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"}}]}
            {"apiVersion": "v1", "kind": "ConfigMap" "metadata": {}}
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "never"}}
            """, "x.json");

        Assert.Equal(["a", "b", "error"], Names(documents));
        Assert.IsType<Pod>(documents[1].Object);
        Assert.Equal(new ManifestOrigin("x.json", 2, 1), documents[1].Origin);
        Assert.StartsWith("x.json:3:", documents[2].Describe(), StringComparison.Ordinal);
        Assert.Contains("document 3: ", documents[2].Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableFile_IsOneErrorForTheFile()
    {
        var missing = _folder.File("missing.yaml");

        var document = Assert.Single(ManifestSource.ReadFile(missing));

        Assert.Null(document.Object);
        Assert.Equal(new ManifestOrigin(missing, 0), document.Origin);
        Assert.StartsWith($"{missing}: ", document.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Node_FromAHashtable_IsTypedByItsKind()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 2}}""");

        var document = Assert.Single(ManifestSource.ReadNode(node));

        Assert.Equal(2, Assert.IsType<Deployment>(document.Object).Spec!.Replicas);
        Assert.Equal("pipeline input", document.Origin.ToString());
    }

    [Theory]
    [InlineData(true, null, null, "default")]
    [InlineData(true, "shop", null, "shop")]
    [InlineData(true, null, "shop", "shop")]
    [InlineData(true, "shop", "shop", "shop")]
    [InlineData(false, "shop", "other", null)]
    public void Namespace_TheObjectsOwn_ElseTheGivenOne_ElseTheContexts_NoneWhenClusterScoped(bool namespaced, string? own, string? given, string? expected)
    {
        var obj = new ConfigMap { Metadata = new ObjectMeta { Name = "x", Namespace = own } };

        Assert.Equal(expected, ManifestNamespace.Resolve(obj, namespaced, given, "default"));
        Assert.Equal(expected, obj.Namespace);
    }

    [Fact]
    public void Namespace_GivenAndDifferentFromTheObjects_IsRefusedAsKubectlDoes()
    {
        var obj = new ConfigMap { Metadata = new ObjectMeta { Name = "x", Namespace = "shop" } };

        var error = Assert.Throws<ManifestNamespaceMismatchException>(() => ManifestNamespace.Resolve(obj, true, "other", "default"));

        Assert.StartsWith("the namespace from the provided object \"shop\" does not match the namespace \"other\".", error.Message, StringComparison.Ordinal);
    }
}

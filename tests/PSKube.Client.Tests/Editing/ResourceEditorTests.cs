using System.Text.Json.Nodes;
using PSKube.Client.Editing;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Transport;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.Editing;

/// <summary>kubectl edit's loop against the fake cluster, with an editor played by the test.</summary>
public sealed class ResourceEditorTests : IAsyncLifetime
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition Deployments = BuiltInResources.Find("deployments")!;

    private FakeClusterServer _cluster = null!;
    private KubeClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeClusterServer.StartAsync();
        _client = FakeClusterClient.For(_cluster);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private async Task<EditTarget> PodAsync(string name)
    {
        await _client.CreateAsync(Pods, KubeJson.Deserialize<Pod>($$$"""
            {"metadata":{"name":"{{{name}}}"},"spec":{"containers":[{"name":"one","image":"kuard:1"},{"name":"two","image":"kuard:1"}]}}
            """)!, null, CancellationToken.None);
        return await TargetAsync(Pods, name);
    }

    private async Task<EditTarget> TargetAsync(ResourceDefinition resource, string name) =>
        new(resource, await _client.GetAsync<GenericKubeObject>(resource, "default", name, CancellationToken.None));

    /// <summary>An editor that runs the next step on the file's text each time it is opened, and keeps what it was shown.</summary>
    private sealed class ScriptedEditor(params Func<string, string>[] steps)
    {
        public List<string> Shown { get; } = [];

        public async Task EditAsync(string path, CancellationToken cancellationToken)
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            Shown.Add(text);
            await File.WriteAllTextAsync(path, steps[Math.Min(Shown.Count, steps.Length) - 1](text), cancellationToken);
        }
    }

    private Task<EditOutcome> EditAsync(ScriptedEditor editor, params EditTarget[] targets) =>
        new ResourceEditor(_client, editor.EditAsync).EditAsync(targets, null, CancellationToken.None);

    private static List<string> Patches(List<string> trace) => trace.Where(line => line.StartsWith("PATCH", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task ChangedImage_IsPatched_AndTheObjectComesBack()
    {
        var target = await PodAsync("web");
        var editor = new ScriptedEditor(text => text.Replace("- image: kuard:1\n    name: two", "- image: kuard:2\n    name: two", StringComparison.Ordinal));

        var outcome = await EditAsync(editor, target);

        var pod = Assert.IsType<Pod>(Assert.Single(outcome.Edited));
        Assert.Equal(["kuard:1", "kuard:2"], pod.Spec!.Containers!.Select(c => c.Image));
        Assert.Null(outcome.Cancelled);
        Assert.Null(outcome.SavedFile);
        Assert.StartsWith("# Please edit the object below.", editor.Shown[0], StringComparison.Ordinal);
        Assert.DoesNotContain("managedFields", editor.Shown[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnchangedFile_Cancels_AndSendsNothing()
    {
        var target = await PodAsync("web");
        var trace = new List<string>();
        EditOutcome outcome;
        using (KubeTraceRouting.To(trace.Add))
        {
            outcome = await EditAsync(new ScriptedEditor(text => text + "# a comment only\n"), target);
        }
        Assert.Equal("Edit cancelled, no changes made.", outcome.Cancelled);
        Assert.Empty(Patches(trace));
        Assert.Empty(outcome.Edited);
    }

    [Fact]
    public async Task EmptiedFile_Cancels()
    {
        var outcome = await EditAsync(new ScriptedEditor(_ => "# nothing\n\n"), await PodAsync("web"));
        Assert.Equal("Edit cancelled, saved file was empty.", outcome.Cancelled);
    }

    [Fact]
    public async Task ImmutablePodChange_ReopensWithTheServersCause_ThenSavingUnchangedGivesUp()
    {
        var target = await PodAsync("duplicate-containers");
        var editor = new ScriptedEditor(
            text => text.Replace("    name: two\n", "    name: two\n    args: [\"--address\", \":8081\"]\n", StringComparison.Ordinal),
            text => text);

        var outcome = await EditAsync(editor, target);

        Assert.Equal(2, outcome.Rounds);
        Assert.Contains("""
            # pods "duplicate-containers" was not valid:
            # * spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`
            """.ReplaceLineEndings("\n"), editor.Shown[1], StringComparison.Ordinal);
        Assert.Contains("args:", EditFile.WithoutComments(editor.Shown[1]), StringComparison.Ordinal);
        Assert.Equal("Edit cancelled, no valid changes were saved.", outcome.Cancelled);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(KubeErrorKind.Invalid, KubeErrors.Classify(failure.Error));
        Assert.NotNull(outcome.SavedFile);
        Assert.Contains("args:", await File.ReadAllTextAsync(outcome.SavedFile), StringComparison.Ordinal);
        File.Delete(outcome.SavedFile);
    }

    [Fact]
    public async Task InvalidChange_RevertedInTheReopenedFile_Cancels_WithNothingPending()
    {
        var target = await PodAsync("web");
        var editor = new ScriptedEditor(
            text => text.Replace("    name: two\n", "    name: two\n    args: [x]\n", StringComparison.Ordinal),
            text => text.Replace("    args: [x]\n", "", StringComparison.Ordinal));

        var outcome = await EditAsync(editor, target);

        Assert.Equal(2, outcome.Rounds);
        Assert.Equal("Edit cancelled, no changes made.", outcome.Cancelled);
        Assert.Empty(outcome.Failures);
        Assert.Null(outcome.SavedFile);
    }

    [Fact]
    public async Task InvalidChange_CorrectedInTheReopenedFile_GoesThrough()
    {
        var target = await PodAsync("web");
        var editor = new ScriptedEditor(
            text => text.Replace("    name: two\n", "    name: two\n    args: [x]\n", StringComparison.Ordinal),
            text => text.Replace("    args: [x]\n", "", StringComparison.Ordinal)
                .Replace("- image: kuard:1\n    name: two", "- image: kuard:3\n    name: two", StringComparison.Ordinal));

        var outcome = await EditAsync(editor, target);

        Assert.Equal(2, outcome.Rounds);
        Assert.Equal("kuard:3", Assert.IsType<Pod>(Assert.Single(outcome.Edited)).Spec!.Containers![1].Image);
        Assert.Empty(outcome.Failures);
        Assert.Null(outcome.SavedFile);
    }

    [Fact]
    public async Task ConcurrentChange_ToOtherFields_IsKept_AsKubectlDoes()
    {
        var target = await PodAsync("web");
        var editor = new ScriptedEditor(text =>
        {
            _client.PatchResourceAsync(Pods, "default", "web", PatchKind.Merge, JsonNode.Parse("""{"metadata":{"labels":{"meanwhile":"yes"}}}""")!, null, CancellationToken.None).GetAwaiter().GetResult();
            return text.Replace("- image: kuard:1\n    name: one", "- image: kuard:2\n    name: one", StringComparison.Ordinal);
        });

        var pod = Assert.IsType<Pod>(Assert.Single((await EditAsync(editor, target)).Edited));

        Assert.Equal("yes", pod.Metadata!.Labels!["meanwhile"]);
        Assert.Equal("kuard:2", pod.Spec!.Containers![0].Image);
    }

    [Fact]
    public async Task StaleResourceVersionInTheFile_IsAConflict_TheFileIsKept_AndNotReopened()
    {
        var target = await PodAsync("web");
        var editor = new ScriptedEditor(text => System.Text.RegularExpressions.Regex.Replace(text, "resourceVersion: \"[0-9]+\"", "resourceVersion: \"1\"")
            .Replace("- image: kuard:1\n    name: one", "- image: kuard:2\n    name: one", StringComparison.Ordinal));

        var outcome = await EditAsync(editor, target);

        Assert.Equal(1, outcome.Rounds);
        Assert.Equal(KubeErrorKind.Conflict, KubeErrors.Classify(Assert.Single(outcome.Failures).Error));
        Assert.Null(outcome.Cancelled);
        Assert.True(File.Exists(outcome.SavedFile));
        File.Delete(outcome.SavedFile!);
    }

    [Fact]
    public async Task SeveralObjects_OpenAsOneList_OnlyTheChangedOneIsPatched()
    {
        foreach (var name in new[] { "a", "b" })
        {
            await _client.CreateAsync(Deployments, KubeJson.Deserialize<Deployment>("""
                {"metadata":{"name":"NAME"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"NAME"}},
                 "template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"main","image":"nginx"}]}}}}
                """.Replace("NAME", name, StringComparison.Ordinal))!, null, CancellationToken.None);
        }
        var editor = new ScriptedEditor(text => text.Replace("replicas: 1\n    selector:\n      matchLabels:\n        app: b", "replicas: 4\n    selector:\n      matchLabels:\n        app: b", StringComparison.Ordinal));

        var outcome = await EditAsync(editor, await TargetAsync(Deployments, "a"), await TargetAsync(Deployments, "b"));

        Assert.Contains("kind: List", editor.Shown[0], StringComparison.Ordinal);
        var edited = Assert.IsType<Deployment>(Assert.Single(outcome.Edited));
        Assert.Equal(("b", 4), (edited.Name, edited.Spec!.Replicas));
        Assert.Equal("a", Assert.Single(outcome.Unchanged).Object.Name);
    }

    [Fact]
    public async Task RenamingTheObject_IsRefused_WithTheFileKept()
    {
        var target = await PodAsync("web");
        var outcome = await EditAsync(new ScriptedEditor(text => text.Replace("  name: web\n", "  name: other\n", StringComparison.Ordinal)), target);
        Assert.Contains("metadata.name", outcome.Cancelled, StringComparison.Ordinal);
        Assert.True(File.Exists(outcome.SavedFile));
        File.Delete(outcome.SavedFile!);
    }

    [Fact]
    public async Task SyntaxError_Reopens_WithTheErrorAtTheTop()
    {
        var target = await PodAsync("web");
        var editor = new ScriptedEditor(text => text + "spec: [\n", text => text);
        var outcome = await EditAsync(editor, target);
        Assert.Contains("# The edited file had a syntax error", editor.Shown[1], StringComparison.Ordinal);
        Assert.Equal("Edit cancelled, no valid changes were saved.", outcome.Cancelled);
        File.Delete(outcome.SavedFile!);
    }
}

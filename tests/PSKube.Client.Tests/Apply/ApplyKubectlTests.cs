using System.Text.Json.Nodes;
using PSKube.Client.Apply;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
using PSKube.Client.Transport;

namespace PSKube.Client.Tests.Apply;

/// <summary>
/// Server-side apply as manager pskube against the fake cluster, side by side with the real kubectl: re-applies that
/// change nothing, conflicts, and the hand-over from kubectl's client-side and server-side apply in both directions.
/// </summary>
public sealed class ApplyKubectlTests
{
    internal const string Web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
            tier: front
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                ports:
                - containerPort: 80
        """;

    private const string Settings = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n";

    private const string Port = "\n        ports:\n        - containerPort: 80";

    private static readonly ApplyOptions Pskube = new();

    [KubectlFact]
    public async Task ApplyTwice_TheSecondChangesNothing_AndAChangedReplicaCountIsApplied()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var (client, deployments) = await ClientAsync(kubectl);

        var first = await client.ApplyResourceAsync(deployments, Parse(Web), Pskube, default);
        var second = await client.ApplyResourceAsync(deployments, Parse(Web), Pskube, default);

        Assert.True(first.Created);
        Assert.IsType<Deployment>(first.Applied);
        Assert.False(second.Changed);
        // A config map has no controller writing its status: its resourceVersion shows that nothing was written.
        var configMaps = await client.Resources.ResolveKindAsync("v1", "ConfigMap", default);
        var created = await client.ApplyResourceAsync(configMaps, Parse(Settings), Pskube, default);
        var reapplied = await client.ApplyResourceAsync(configMaps, Parse(Settings), Pskube, default);
        Assert.Equal(created.Applied.Metadata!.ResourceVersion, reapplied.Applied.Metadata!.ResourceVersion);
        Assert.False(reapplied.Changed);

        var third = await client.ApplyResourceAsync(deployments, Parse(Web.Replace("replicas: 2", "replicas: 4")), Pskube, default);
        Assert.True(third.Changed);
        Assert.Equal(4, ((Deployment)third.Applied).Spec!.Replicas);
        Assert.Equal("4", (await kubectl.RunAsync("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")).Succeeded().Stdout);
    }

    [KubectlFact]
    public async Task AFieldAnotherManagerOwns_IsAConflictNamingItAndItsManager_AndForceTakesIt()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var (client, deployments) = await ClientAsync(kubectl);
        await client.ApplyResourceAsync(deployments, Parse(Web), Pskube, default);
        (await kubectl.RunAsync("scale", "deployment", "web", "--replicas", "5")).Succeeded();

        var conflict = await Assert.ThrowsAsync<KubeApplyConflictException>(() =>
            client.ApplyResourceAsync(deployments, Parse(Web.Replace("replicas: 2", "replicas: 3")), Pskube, default));
        Assert.Equal([(".spec.replicas", "kubectl")], conflict.Conflicts);

        var forced = await client.ApplyResourceAsync(deployments, Parse(Web.Replace("replicas: 2", "replicas: 3")), Pskube with { Force = true }, default);
        Assert.Equal(3, ((Deployment)forced.Applied).Spec!.Replicas);
    }

    [KubectlFact]
    public async Task AfterKubectlClientSideApply_ADroppedFieldIsRemoved_AndKubectlApplyStillWorksAfterwards()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var (client, deployments) = await ClientAsync(kubectl);
        var file = kubectl.WriteFile("web.yaml", Web);
        (await kubectl.RunAsync("apply", "-f", file)).Succeeded();

        // The file drops the tier label and the port, and changes the replica count kubectl-client-side-apply owns.
        var changed = Web.Replace("    tier: front\n", "").Replace(Port, "").Replace("replicas: 2", "replicas: 3");
        // A diff first: it shows the removals the hand-over will allow, and changes nothing.
        var comparison = await client.CompareResourceAsync(deployments, Parse(changed), Pskube, default);
        Assert.Contains(new FieldChange("metadata.labels.tier", "front", null), comparison.Changes);
        Assert.Contains(new FieldChange("spec.template.spec.containers[0].ports", """[{"containerPort":80,"protocol":"TCP"}]""", null), comparison.Changes);
        Assert.Contains(new FieldChange("spec.replicas", 2L, 3L), comparison.Changes);
        // Nothing the server defaulted (and the client-side apply owns since the create) shows as removed.
        Assert.Equal(
            ["metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]", "metadata.generation", "metadata.labels.tier", "spec.replicas", "spec.template.spec.containers[0].ports"],
            comparison.Changes.Select(c => c.Path));
        Assert.Contains("kubectl-client-side-apply/Update", Managers(await GetJsonAsync(kubectl, "deploy", "web")));

        var outcome = await client.ApplyResourceAsync(deployments, Parse(changed), Pskube, default);

        Assert.Equal(["kubectl-client-side-apply"], outcome.TookOverFrom);
        var live = await GetJsonAsync(kubectl, "deploy", "web");
        Assert.Null(live["metadata"]!["labels"]!["tier"]);
        Assert.Null(live["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]);
        Assert.Equal(3, (int)live["spec"]!["replicas"]!);
        Assert.Equal(["pskube/Apply"], Managers(live));
        var lastApplied = JsonNode.Parse((string)live["metadata"]!["annotations"]![LastAppliedConfiguration.Annotation]!)!;
        Assert.Equal(3, (int)lastApplied["spec"]!["replicas"]!);
        Assert.Null(lastApplied["metadata"]!["labels"]!["tier"]);

        // Back to kubectl client-side apply: it sees what pskube applied last, so it removes what its file drops.
        File.WriteAllText(file, changed.Replace("image: nginx:1.27", "image: nginx:1.28").Replace("  labels:\n    app: web\nspec:", "spec:"));
        Assert.Equal(["deployment.apps/web configured"], (await kubectl.RunAsync("apply", "-f", file)).Succeeded().Lines);
        live = await GetJsonAsync(kubectl, "deploy", "web");
        Assert.Null(live["metadata"]!["labels"]);
        Assert.Equal("nginx:1.28", (string?)live["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);

        // And kubectl server-side apply: the values match the annotation, so it takes the fields over without conflicts.
        File.WriteAllText(file, changed.Replace("replicas: 3", "replicas: 6"));
        (await kubectl.RunAsync("apply", "--server-side", "-f", file)).Succeeded();
        Assert.Equal("6", (await kubectl.RunAsync("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")).Succeeded().Stdout);
    }

    [KubectlFact]
    public async Task AfterKubectlServerSideApply_ADroppedFieldIsRemoved_AndKubectlTakesBackWithItsFieldManagerFlag()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var (client, deployments) = await ClientAsync(kubectl);
        var file = kubectl.WriteFile("web.yaml", Web);
        (await kubectl.RunAsync("apply", "--server-side", "-f", file)).Succeeded();

        var dropped = Web.Replace("    tier: front\n", "").Replace("replicas: 2", "replicas: 3");
        var comparison = await client.CompareResourceAsync(deployments, Parse(dropped), Pskube, default);
        Assert.Equal(["metadata.generation", "metadata.labels.tier", "spec.replicas"], comparison.Changes.Select(c => c.Path));

        var outcome = await client.ApplyResourceAsync(deployments, Parse(dropped), Pskube, default);

        Assert.Equal(["kubectl"], outcome.TookOverFrom);
        var live = await GetJsonAsync(kubectl, "deploy", "web");
        Assert.Null(live["metadata"]!["labels"]!["tier"]);
        Assert.Equal(["pskube/Apply"], Managers(live));

        // kubectl server-side apply with its own manager now conflicts on what it changes (pskube owns it) ...
        File.WriteAllText(file, dropped.Replace("replicas: 3", "replicas: 5"));
        var conflict = await kubectl.RunAsync("apply", "--server-side", "-f", file);
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("conflict with \"pskube\"", conflict.Stderr, StringComparison.Ordinal);
        // ... and applies as the same manager with --field-manager=pskube, removing what its file drops.
        File.WriteAllText(file, dropped.Replace("replicas: 3", "replicas: 5").Replace(Port, ""));
        (await kubectl.RunAsync("apply", "--server-side", "--field-manager=pskube", "-f", file)).Succeeded();
        live = await GetJsonAsync(kubectl, "deploy", "web");
        Assert.Equal(5, (int)live["spec"]!["replicas"]!);
        Assert.Null(live["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]);
    }

    [KubectlFact]
    public async Task KubectlsOwnMigration_FromClientSideToServerSide_RemovesADroppedField()
    {
        // The fake handles kubectl's managedFields JSON patch (guarded by the resourceVersion) as the API server does.
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var file = kubectl.WriteFile("web.yaml", Web);
        (await kubectl.RunAsync("apply", "-f", file)).Succeeded();

        File.WriteAllText(file, Web.Replace("    tier: front\n", ""));
        (await kubectl.RunAsync("apply", "--server-side", "-f", file)).Succeeded();

        var live = await GetJsonAsync(kubectl, "deploy", "web");
        Assert.Null(live["metadata"]!["labels"]!["tier"]);
        Assert.DoesNotContain("kubectl-client-side-apply/Update", Managers(live));
        Assert.DoesNotContain("tier", (string)live["metadata"]!["annotations"]![LastAppliedConfiguration.Annotation]!, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task ADryRun_ChangesNothing_AndDoesNotReportConflictsTheHandOverWouldResolve()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var (client, deployments) = await ClientAsync(kubectl);
        (await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("web.yaml", Web))).Succeeded();
        var before = await GetJsonAsync(kubectl, "deploy", "web");

        var outcome = await client.ApplyResourceAsync(deployments, Parse(Web.Replace("replicas: 2", "replicas: 7")), Pskube with { DryRun = true }, default);

        Assert.True(outcome.Changed);
        Assert.Equal(7, ((Deployment)outcome.Applied).Spec!.Replicas);
        var after = await GetJsonAsync(kubectl, "deploy", "web");
        // Controllers may write the status meanwhile: what the apply owns is compared.
        Assert.Equal((long)before["metadata"]!["generation"]!, (long)after["metadata"]!["generation"]!);
        Assert.Equal(Managers(before), Managers(after));
        Assert.Equal(2, (int)after["spec"]!["replicas"]!);
    }

    [KubectlFact]
    public async Task Compare_ShowsTheUnifiedDiffAndTheChangedFields_AndNothingForAnUnchangedObject()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var (client, deployments) = await ClientAsync(kubectl);

        var absent = await client.CompareResourceAsync(deployments, Parse(Web), Pskube, default);
        Assert.False(absent.Exists);
        Assert.True(absent.Changed);
        Assert.Contains("+  name: web\n", absent.Diff, StringComparison.Ordinal);
        Assert.Contains("\n@@ -0,0 +1,", absent.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("\n+\n", absent.Diff, StringComparison.Ordinal);
        Assert.Equal(1, (await kubectl.RunAsync("get", "deploy", "web")).ExitCode);

        await client.ApplyResourceAsync(deployments, Parse(Web), Pskube, default);
        var same = await client.CompareResourceAsync(deployments, Parse(Web), Pskube, default);
        Assert.False(same.Changed);
        Assert.Equal("", same.Diff);

        var changed = await client.CompareResourceAsync(deployments, Parse(Web.Replace("replicas: 2", "replicas: 3").Replace("nginx:1.27", "nginx:1.28")), Pskube, default);
        Assert.Contains(new FieldChange("spec.replicas", 2L, 3L), changed.Changes);
        Assert.Contains(new FieldChange("spec.template.spec.containers[0].image", "nginx:1.27", "nginx:1.28"), changed.Changes);
        Assert.StartsWith("diff -u -N LIVE/apps.v1.Deployment.default.web MERGED/apps.v1.Deployment.default.web\n--- LIVE/apps.v1.Deployment.default.web", changed.Diff, StringComparison.Ordinal);
        Assert.Contains("\n-  replicas: 2\n+  replicas: 3\n", changed.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("managedFields", changed.Diff, StringComparison.Ordinal);
        Assert.Equal("deployment.apps/web", changed.ObjectName);
    }

    [KubectlFact]
    public async Task Compare_PrintsTheSameHunksAsKubectlDiff()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var (client, _) = await ClientAsync(kubectl);
        var configMaps = await client.Resources.ResolveKindAsync("v1", "ConfigMap", default);
        await client.ApplyResourceAsync(configMaps, Parse(Settings), Pskube, default);
        var changed = Settings.Replace("color: blue", "color: green\n  size: large");
        var file = kubectl.WriteFile("settings.yaml", changed);

        var theirs = await kubectl.RunAsync("diff", "--server-side", "--field-manager=pskube", "-f", file);
        var ours = await client.CompareResourceAsync(configMaps, Parse(changed), Pskube, default);

        Assert.Equal(1, theirs.ExitCode);
        // Past the three header lines (kubectl's name temporary folders and times).
        Assert.Equal(theirs.Stdout.Split('\n').Skip(3), ours.Diff.Split('\n').Skip(3));
    }

    [KubectlFact]
    public async Task Compare_MasksASecretsValuesAsKubectlDiffDoes()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var (client, _) = await ClientAsync(kubectl);
        var secrets = await client.Resources.ResolveKindAsync("v1", "Secret", default);
        const string secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  user: YWRtaW4=\n  password: c2VjcmV0\n";
        await client.ApplyResourceAsync(secrets, Parse(secret), Pskube, default);

        var comparison = await client.CompareResourceAsync(secrets, Parse(secret.Replace("c2VjcmV0", "b3RoZXI=")), Pskube, default);

        Assert.Contains(new FieldChange("data.password", "*** (before)", "*** (after)"), comparison.Changes);
        Assert.DoesNotContain("c2VjcmV0", comparison.Diff, StringComparison.Ordinal);
        Assert.DoesNotContain("YWRtaW4=", comparison.LiveYaml + comparison.NewYaml, StringComparison.Ordinal);
    }

    private static async Task<(KubeClient Client, ResourceDefinition Deployments)> ClientAsync(KubectlRunner kubectl)
    {
        var client = FakeClusterClient.For(kubectl.Cluster);
        return (client, await client.Resources.ResolveKindAsync("apps/v1", "Deployment", default));
    }

    internal static KubeObject Parse(string yaml) => Assert.Single(KubeYaml.ObjectsFromYaml(yaml));

    private static async Task<JsonNode> GetJsonAsync(KubectlRunner kubectl, string kind, string name) =>
        JsonNode.Parse((await kubectl.RunAsync("get", kind, name, "-o", "json", "--show-managed-fields")).Succeeded().Stdout)!;

    private static List<string> Managers(JsonNode obj) =>
        [.. obj["metadata"]!["managedFields"]!.AsArray().Where(m => m!["subresource"] is null).Select(m => $"{m!["manager"]}/{m["operation"]}")];
}

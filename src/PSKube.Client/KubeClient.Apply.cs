using System.Text.Json.Nodes;
using PSKube.Client.Apply;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    // kubectl retries its managedFields migration this often when the object keeps changing under it.
    private const int MigrationAttempts = 5;

    /// <summary>
    /// kubectl apply, server-side: applies <paramref name="obj"/> (any kind) as <see cref="WriteOptions.FieldManager"/>,
    /// creating it when absent. Fields an earlier kubectl apply owns are first handed over to the manager (see
    /// <see cref="ManagedFieldsMigration"/>), so a field dropped from the configuration is removed; when the object
    /// carries kubectl's last-applied-configuration annotation it is kept up to date, so a later client-side
    /// <c>kubectl apply</c> still computes its removals right. A conflict with another manager is a
    /// <see cref="KubeApplyConflictException"/> unless <see cref="ApplyOptions.Force"/>. On a dry run nothing is
    /// written (the hand-over neither): conflicts with the managers the hand-over would remove are not reported, and
    /// the fields the apply would prune after it are removed from the answer.
    /// </summary>
    public async Task<ApplyOutcome> ApplyResourceAsync(ResourceDefinition resource, KubeObject obj, ApplyOptions? options, CancellationToken cancellationToken)
    {
        var (outcome, _, _) = await ApplyWithLiveAsync(resource, obj, options ?? new ApplyOptions(), cancellationToken);
        return outcome;
    }

    /// <summary>
    /// kubectl diff, server-side: what applying <paramref name="obj"/> would change, from a server dry run of the apply
    /// compared with the live object (absent: everything is new).
    /// </summary>
    public async Task<ResourceComparison> CompareResourceAsync(ResourceDefinition resource, KubeObject obj, ApplyOptions? options, CancellationToken cancellationToken)
    {
        options = (options ?? new ApplyOptions()) with { DryRun = true };
        var (_, live, merged) = await ApplyWithLiveAsync(resource, obj, options, cancellationToken);
        return ResourceComparison.Of(resource, live, merged);
    }

    private async Task<(ApplyOutcome Outcome, JsonObject? Live, JsonObject Applied)> ApplyWithLiveAsync(ResourceDefinition resource, KubeObject obj, ApplyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        var name = obj.Name is { Length: > 0 } objectName ? objectName
            : throw new ArgumentException(obj.Metadata?.GenerateName is { Length: > 0 } generate
                ? $"The object has metadata.generateName ({generate}) but no name: apply needs a name (New-KubeResource honours generateName)."
                : "The object has no metadata.name.", nameof(obj));
        var @namespace = resource.Namespaced ? obj.Namespace ?? DefaultNamespace : null;
        var path = ObjectPath(resource, @namespace, name);

        var live = await FindRawAsync(path, cancellationToken);
        IReadOnlyList<string> tookOver = [];
        var attempt = 0;
        while (live is not null && ManagedFieldsMigration.Migrate(live["metadata"]?["managedFields"] as JsonArray, options.FieldManager) is { } migration)
        {
            tookOver = migration.Predecessors;
            if (options.DryRun)
            {
                break;
            }
            var patch = ManagedFieldsMigration.Patch(migration.ManagedFields, (string?)live["metadata"]?["resourceVersion"] ?? "");
            try
            {
                live = await SendForRawAsync(Request(HttpMethod.Patch, WithQuery(path, WriteQuery(options)), body: Body(patch.ToJsonString()), contentType: "application/json-patch+json"), cancellationToken);
                break;
            }
            catch (KubeApiException e) when (e.IsConflict && ++attempt < MigrationAttempts)
            {
                // Changed meanwhile: read it again and hand over what it holds now.
                live = await FindRawAsync(path, cancellationToken);
            }
        }

        var configuration = Configuration(resource, obj, @namespace, live);
        var applied = await SendApplyOrDryRunAsync(path, configuration, options, tookOver, cancellationToken);
        for (var reread = 0; options.DryRun && live is not null && Version(applied) != Version(live) && reread < MigrationAttempts; reread++)
        {
            // A controller wrote the object between the read and the dry run: compare with what the dry run started
            // from, or run it again if the object moved on once more.
            live = await FindRawAsync(path, cancellationToken);
            if (live is null || Version(applied) == Version(live))
            {
                break;
            }
            applied = await SendApplyOrDryRunAsync(path, Configuration(resource, obj, @namespace, live), options, tookOver, cancellationToken);
        }

        if (options.DryRun && tookOver.Count > 0)
        {
            // The real apply hands kubectl's fields over first, then prunes what the manifest dropped: show that too.
            var clientSide = ManagedFieldsMigration.ClientSideManagers(live?["metadata"]?["managedFields"] as JsonArray, options.FieldManager);
            foreach (var field in ManagedFieldsMigration.FieldsToRemove(applied["metadata"]?["managedFields"] as JsonArray, options.FieldManager, clientSide, LastAppliedConfiguration.FromAnnotation(live)))
            {
                FieldSets.Remove(applied, field);
            }
        }
        var changed = live is null || (options.DryRun
            ? !JsonNode.DeepEquals(Comparable(live), Comparable(applied))
            : Version(applied) != Version(live) && ChangedWhatTheManagerOwns(live, applied, options.FieldManager));
        var typed = Typed(resource, applied.ToJsonString());
        typed.ServerClock = _connection.Clock;
        return (new ApplyOutcome(typed, live is null, changed, tookOver), live, applied);
    }

    /// <summary>
    /// What is sent: the object without what the server owns, in its namespace, and the last-applied-configuration
    /// annotation rewritten as kubectl would write it, when the live object has one.
    /// </summary>
    private static JsonObject Configuration(ResourceDefinition resource, KubeObject obj, string? @namespace, JsonObject? live)
    {
        var configuration = RawForm(obj);
        configuration["apiVersion"] ??= resource.ApiVersion;
        configuration["kind"] ??= resource.Kind;
        var metadata = configuration["metadata"] as JsonObject ?? [];
        configuration["metadata"] = metadata;
        foreach (var serverOwned in new[] { "managedFields", "resourceVersion", "uid", "creationTimestamp", "generation", "selfLink" })
        {
            metadata.Remove(serverOwned);
        }
        configuration.Remove("status");
        if (@namespace is not null)
        {
            metadata["namespace"] = @namespace;
        }
        if (live?["metadata"]?["annotations"] is JsonObject liveAnnotations && liveAnnotations.ContainsKey(LastAppliedConfiguration.Annotation))
        {
            var annotations = metadata["annotations"] as JsonObject ?? [];
            annotations.Remove(LastAppliedConfiguration.Annotation);
            if (annotations.Count == 0)
            {
                metadata.Remove("annotations");
            }
            var lastApplied = GoJsonWriter.Write(configuration, compress: true) + "\n";
            annotations[LastAppliedConfiguration.Annotation] = lastApplied;
            metadata["annotations"] = annotations;
        }
        return configuration;
    }

    private async Task<JsonObject> SendApplyOrDryRunAsync(string path, JsonObject configuration, ApplyOptions options, IReadOnlyList<string> tookOver, CancellationToken cancellationToken)
    {
        try
        {
            return await SendApplyAsync(path, configuration, options, cancellationToken);
        }
        catch (KubeApplyConflictException e) when (options.DryRun && !options.Force && tookOver.Count > 0 && e.Conflicts.All(c => tookOver.Contains(c.Manager)))
        {
            // The real apply would first have handed these fields over: it would not conflict on them.
            return await SendApplyAsync(path, configuration, options with { Force = true }, cancellationToken);
        }
    }

    private static string? Version(JsonObject obj) => (string?)obj["metadata"]?["resourceVersion"];

    private async Task<JsonObject> SendApplyAsync(string path, JsonObject configuration, ApplyOptions options, CancellationToken cancellationToken) =>
        await SendForRawAsync(Request(HttpMethod.Patch, WithQuery(path, [.. WriteQuery(options), ("force", options.Force ? "true" : null)]),
            body: Body(configuration.ToJsonString()), contentType: ApplyContentType), cancellationToken);

    private async Task<JsonObject?> FindRawAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await SendForRawAsync(Request(HttpMethod.Get, path), cancellationToken);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    private async Task<JsonObject> SendForRawAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var response = await _connection.SendAsync(request, streaming: false, cancellationToken);
        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("The server sent no object.");
    }

    private static JsonObject RawForm(KubeObject obj) =>
        KubeJson.SerializeToNode(obj) as JsonObject ?? throw new InvalidDataException("The object has no JSON form.");

    /// <summary>
    /// Whether the apply changed a field the manager owned before or owns now. Other writers (controllers writing the
    /// status or their annotations) may change the object between the read and the apply: that is not the apply's doing.
    /// </summary>
    private static bool ChangedWhatTheManagerOwns(JsonObject before, JsonObject after, string manager)
    {
        var fields = FieldSets.Union(OwnedBy(before, manager), OwnedBy(after, manager));
        return !JsonNode.DeepEquals(FieldSets.Project(Comparable(before), fields), FieldSets.Project(Comparable(after), fields));
    }

    private static JsonObject? OwnedBy(JsonObject obj, string manager) =>
        (obj["metadata"]?["managedFields"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(e => (string?)e["manager"] == manager && (string?)e["operation"] == "Apply" && string.IsNullOrEmpty((string?)e["subresource"]))?["fieldsV1"] as JsonObject;

    // What the apply decides: not the resourceVersion (a dry run keeps it; a controller's status write between the
    // read and the apply bumps it), nor managedFields' times, nor the status controllers write.
    private static JsonObject Comparable(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("status");
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
            metadata.Remove("resourceVersion");
        }
        return copy;
    }
}

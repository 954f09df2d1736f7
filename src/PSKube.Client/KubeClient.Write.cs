using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    private const string ApplyContentType = "application/apply-patch+yaml";

    /// <summary>Creates an object in its namespace (or the default one); metadata.generateName works as on kubectl.</summary>
    public async Task<T> CreateAsync<T>(ResourceDefinition resource, T obj, WriteOptions? options, CancellationToken cancellationToken)
        where T : KubeObject
    {
        options ??= new WriteOptions();
        Complete(obj, resource);
        var path = WithQuery(CollectionPath(resource, obj.Namespace), WriteQuery(options));
        return Complete(await SendForAsync<T>(Request(HttpMethod.Post, path, body: Body(obj)), cancellationToken), resource);
    }

    /// <summary>
    /// Replaces an object (PUT). The server refuses it with a conflict when metadata.resourceVersion is stale.
    /// Prefer <see cref="PatchAsync{T}"/> or <see cref="ApplyAsync{T}"/>, which cannot overwrite what changed meanwhile.
    /// </summary>
    public async Task<T> ReplaceAsync<T>(ResourceDefinition resource, T obj, WriteOptions? options, CancellationToken cancellationToken)
        where T : KubeObject
    {
        options ??= new WriteOptions();
        Complete(obj, resource);
        var name = obj.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(obj));
        var path = WithQuery(ObjectPath(resource, obj.Namespace, name), WriteQuery(options));
        return Complete(await SendForAsync<T>(Request(HttpMethod.Put, path, body: Body(obj)), cancellationToken), resource);
    }

    /// <summary>Patches an object (or its status or scale subresource) with a merge, JSON or strategic merge patch.</summary>
    public async Task<T> PatchAsync<T>(ResourceDefinition resource, string? @namespace, string name, PatchKind kind, JsonNode patch, WriteOptions? options, CancellationToken cancellationToken, string? subresource = null)
        where T : KubeObject
    {
        options ??= new WriteOptions();
        var contentType = kind switch
        {
            PatchKind.Merge => "application/merge-patch+json",
            PatchKind.Json => "application/json-patch+json",
            _ => "application/strategic-merge-patch+json",
        };
        var path = WithQuery(ObjectPath(resource, @namespace, name, subresource), WriteQuery(options));
        return Complete(await SendForAsync<T>(Request(HttpMethod.Patch, path, body: Body(patch.ToJsonString()), contentType: contentType), cancellationToken), resource);
    }

    /// <summary>
    /// Server-side apply: the server merges the fields this manager sets into the object, creating it when absent.
    /// Fields another manager owns are a <see cref="Transport.KubeApplyConflictException"/> unless Force is set.
    /// </summary>
    public async Task<T> ApplyAsync<T>(ResourceDefinition resource, T obj, ApplyOptions? options, CancellationToken cancellationToken)
        where T : KubeObject
    {
        options ??= new ApplyOptions();
        Complete(obj, resource);
        var name = obj.Name ?? throw new ArgumentException("The object has no metadata.name.", nameof(obj));
        // The server owns these; sending them back would be refused or would claim them.
        if (obj.Metadata is { } metadata && (metadata.ManagedFields is not null || metadata.ResourceVersion is not null))
        {
            metadata.ManagedFields = null;
            metadata.ResourceVersion = null;
        }
        var path = WithQuery(ObjectPath(resource, obj.Namespace, name),
            [.. WriteQuery(options), ("force", options.Force ? "true" : null)]);
        return Complete(await SendForAsync<T>(Request(HttpMethod.Patch, path, body: Body(obj), contentType: ApplyContentType), cancellationToken), resource);
    }

    /// <summary>
    /// Deletes an object. The answer is the object (still there while it terminates gracefully or waits for
    /// finalizers) or a Status when it is already gone.
    /// </summary>
    public async Task<DeleteResult<T>> DeleteAsync<T>(ResourceDefinition resource, string? @namespace, string name, Operations.DeleteOptions? options, CancellationToken cancellationToken)
        where T : KubeObject
    {
        options ??= Operations.DeleteOptions.Default;
        var path = WithQuery(ObjectPath(resource, @namespace, name), [("dryRun", options.DryRun ? "All" : null)]);
        using var response = await _connection.SendAsync(Request(HttpMethod.Delete, path, body: Body(DeleteBody(options).ToJsonString())), streaming: false, cancellationToken);
        var json = await response.Content.ReadAsStringAsync(cancellationToken);
        var kind = JsonNode.Parse(json)?["kind"]?.GetValue<string>();
        return kind == "Status"
            ? new DeleteResult<T>(null, KubeJson.Deserialize<Status>(json))
            : new DeleteResult<T>(Complete(KubeJson.Deserialize<T>(json)!, resource), null);
    }

    /// <summary>Deletes every object the selectors match in a namespace (null: every namespace); returns what was deleted.</summary>
    public async Task<IReadOnlyList<T>> DeleteCollectionAsync<T>(ResourceDefinition resource, string? @namespace, ListOptions? selection, Operations.DeleteOptions? options, CancellationToken cancellationToken)
        where T : KubeObject
    {
        options ??= Operations.DeleteOptions.Default;
        selection ??= new ListOptions();
        var path = WithQuery(ListPath(resource, @namespace),
            [("labelSelector", selection.LabelSelector), ("fieldSelector", selection.FieldSelector), ("dryRun", options.DryRun ? "All" : null)]);
        var list = await SendForAsync<KubeList<T>>(Request(HttpMethod.Delete, path, body: Body(DeleteBody(options).ToJsonString())), cancellationToken);
        return (list.Items ?? []).Select(item => Complete(item, resource)).ToList();
    }

    /// <summary>The scale subresource of a Deployment, ReplicaSet, StatefulSet or ReplicationController.</summary>
    public Task<Scale> GetScaleAsync(ResourceDefinition resource, string? @namespace, string name, CancellationToken cancellationToken) =>
        SendForAsync<Scale>(Request(HttpMethod.Get, ObjectPath(resource, @namespace, name, "scale")), cancellationToken);

    /// <summary>Sets the replica count through the scale subresource, with the merge patch kubectl scale sends.</summary>
    public Task<Scale> SetScaleAsync(ResourceDefinition resource, string? @namespace, string name, int replicas, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var patch = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } };
        var path = WithQuery(ObjectPath(resource, @namespace, name, "scale"), WriteQuery(options ?? new WriteOptions()));
        return SendForAsync<Scale>(Request(HttpMethod.Patch, path, body: Body(patch.ToJsonString()), contentType: "application/merge-patch+json"), cancellationToken);
    }

    private static (string, string?)[] WriteQuery(WriteOptions options) =>
        [("fieldManager", options.FieldManager), ("dryRun", options.DryRun ? "All" : null)];

    private static JsonObject DeleteBody(Operations.DeleteOptions options)
    {
        var body = new JsonObject
        {
            ["kind"] = "DeleteOptions",
            ["apiVersion"] = "v1",
            ["propagationPolicy"] = options.PropagationPolicy,
        };
        var grace = options.Force ? 0 : options.GracePeriodSeconds;
        if (grace is { } seconds)
        {
            body["gracePeriodSeconds"] = seconds;
        }
        if (options.PreconditionUid is not null || options.PreconditionResourceVersion is not null)
        {
            var preconditions = new JsonObject();
            if (options.PreconditionUid is { } uid)
            {
                preconditions["uid"] = uid;
            }
            if (options.PreconditionResourceVersion is { } version)
            {
                preconditions["resourceVersion"] = version;
            }
            body["preconditions"] = preconditions;
        }
        if (options.DryRun)
        {
            body["dryRun"] = new JsonArray("All");
        }
        return body;
    }
}

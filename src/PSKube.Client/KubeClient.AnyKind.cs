using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Printing;
using PSKube.Client.Resources;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    /// <summary>
    /// The objects of any resource type, read as kubectl get reads them (the server-side Table, with whole objects):
    /// the typed model where the kind has one (Pod, Deployment...), else a <see cref="KubeTableObject"/> carrying the
    /// Table's cells. <paramref name="namespace"/> null reads every namespace.
    /// </summary>
    public async Task<IReadOnlyList<KubeObject>> GetResourcesAsync(ResourceDefinition resource, string? @namespace, ListOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var table = await GetTableAsync(resource, @namespace, options, cancellationToken);
        return table.Rows.Select(row => FromRow(resource, table, row)).ToList();
    }

    /// <summary>One object of any resource type, as <see cref="GetResourcesAsync"/> gives it; a missing one is a <see cref="Transport.KubeApiException"/>.</summary>
    public async Task<KubeObject> GetResourceAsync(ResourceDefinition resource, string? @namespace, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var table = await GetObjectTableAsync(resource, @namespace, name, cancellationToken);
        var row = table.Rows.Count == 1 ? table.Rows[0] : throw new InvalidDataException($"The server's Table for {resource.Plural}/{name} has {table.Rows.Count} rows, not one.");
        return FromRow(resource, table, row);
    }

    /// <summary>
    /// Patches an object of any resource type (kubectl label, annotate) and returns it as <see cref="GetResourceAsync"/>
    /// would, typed where the kind has a model.
    /// </summary>
    public async Task<KubeObject> PatchResourceAsync(ResourceDefinition resource, string? @namespace, string name, PatchKind kind, JsonNode patch, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var patched = await PatchAsync<GenericKubeObject>(resource, @namespace, name, kind, patch, options, cancellationToken);
        var obj = Typed(resource, KubeJson.Serialize(patched));
        obj.ServerClock = _connection.Clock;
        return obj;
    }

    /// <summary>
    /// Creates an object of any resource type as it is (kubectl create -f): its namespace must be set for a namespaced
    /// kind; metadata.generateName works when it has no name. Returns the created object typed where the kind has a model.
    /// </summary>
    public async Task<KubeObject> CreateResourceAsync(ResourceDefinition resource, KubeObject obj, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(obj);
        // Sent as the fields it holds, whatever its model (a KubeTableObject from Get-KubeResource too).
        var generic = KubeJson.Deserialize<GenericKubeObject>(KubeJson.SerializeToNode(obj)!.ToJsonString())!;
        var created = await CreateAsync(resource, generic, options, cancellationToken);
        var typed = Typed(resource, KubeJson.Serialize(created));
        typed.ServerClock = _connection.Clock;
        return typed;
    }

    private KubeObject FromRow(ResourceDefinition resource, KubeTable table, KubeTableRow row)
    {
        var json = row.Object ?? throw new InvalidDataException($"The server's Table of {resource.Plural} has a row without its object.");
        json["apiVersion"] ??= resource.ApiVersion;
        json["kind"] ??= resource.Kind;
        var result = Typed(resource, json.ToJsonString()) switch
        {
            GenericKubeObject generic => new KubeTableObject(generic, table.ColumnNames, row.Cells),
            var obj => obj,
        };
        result.ServerClock = _connection.Clock;
        return result;
    }

    // The models are of the core, apps and batch groups; a custom resource may reuse one of their kind names.
    private static KubeObject Typed(ResourceDefinition resource, string json) =>
        (resource.Group is "" or "apps" or "batch"
            ? ResourcePrinters.Deserialize(resource.Kind, json)
            : KubeJson.Deserialize<GenericKubeObject>(json))
        ?? throw new InvalidDataException($"The server sent a null {resource.Singular}.");
}

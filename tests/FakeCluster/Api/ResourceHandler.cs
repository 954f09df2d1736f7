using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.Client.Validation;
using PSKube.FakeCluster.Security;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// The REST verbs on resources: get, list, watch, create, update, patch, delete and deletecollection, with the
/// status and scale subresources. Everything is checked and written under the store's lock.
/// </summary>
public sealed partial class ResourceHandler(ObjectStore store, FakeClock clock, FakeClusterOptions options, FaultInjection faults, IReadOnlyDictionary<string, IPodSubresourceHandler> podSubresources, CancellationToken serverStopping, Authenticator authenticator, Workloads.Scheduling.PodScheduler scheduler)
{
    // Kinds whose metadata.generation the server tracks (it counts spec changes).
    private static readonly HashSet<string> KindsWithGeneration =
        ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController", "PodDisruptionBudget", "Ingress", "IngressClass"];

    // Kinds whose DELETE answers with the deleted object; the others answer with a Status.
    private static readonly HashSet<string> KindsReturningDeletedObject =
        ["Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ConfigMap", "ReplicationController"];

    private readonly Random _names = new();

    public Task HandleAsync(HttpContext context, RequestTarget target)
    {
        var method = context.Request.Method;
        var resource = target.Resource;
        if (resource.Namespaced && target.Namespace is null && target.Name is not null)
        {
            throw StatusError.NotFound(resource.Plural, resource.Group, target.Name);
        }
        if (target.Subresource is { } sub && resource.FindSubresource(sub) is null)
        {
            throw new StatusError(404, "NotFound", "the server could not find the requested resource");
        }
        return (method, target.Name, target.Subresource) switch
        {
            ("GET", null, _) when IsWatch(context.Request) => WatchAsync(context, target),
            ("GET", null, _) => ListAsync(context, target),
            ("GET", not null, null or "status") => GetAsync(context, target),
            ("GET", not null, "scale") => GetScaleAsync(context, target),
            ("GET" or "POST", not null, { } podSubresource) when resource.Kind == "Pod" && podSubresources.TryGetValue(podSubresource, out var podHandler) =>
                podHandler.HandleAsync(context, target, store.Get(resource, target.Namespace, target.Name!) ?? throw StatusError.NotFound(resource.Plural, resource.Group, target.Name!)),
            ("POST", null, _) => CreateAsync(context, target),
            ("POST", not null, "token") when resource.Kind == "ServiceAccount" => CreateTokenAsync(context, target),
            ("PUT", not null, null or "status" or "scale") => UpdateAsync(context, target),
            ("PATCH", not null, null or "status" or "scale") => PatchAsync(context, target),
            ("DELETE", not null, null) => DeleteAsync(context, target),
            ("DELETE", null, null) => DeleteCollectionAsync(context, target),
            _ => throw StatusError.MethodNotAllowed($"the server does not allow this method on the requested resource"),
        };
    }

    private static bool IsWatch(HttpRequest request) => request.Query["watch"] is var w && (w == "true" || w == "1");

    /// <summary>New objects need their namespace to exist and not be terminating, as the NamespaceLifecycle admission demands.</summary>
    private void RequireLiveNamespace(ResourceDefinition resource, string? @namespace, string name)
    {
        if (!resource.Namespaced)
        {
            return;
        }
        var ns = store.Get(NamespaceResource, null, @namespace!) ?? throw StatusError.NotFound("namespaces", "", @namespace!);
        if (ns["metadata"]?["deletionTimestamp"] is not null)
        {
            throw new StatusError(403, "Forbidden",
                $"{resource.Plural} \"{name}\" is forbidden: unable to create new content in namespace {@namespace} because it is being terminated");
        }
    }

    private JsonObject Existing(RequestTarget target) =>
        store.Get(target.Resource, target.Namespace, target.Name!)
        ?? throw StatusError.NotFound(target.Resource.Plural, target.Resource.Group, target.Name!);

    private static void PlaceInNamespace(ResourceDefinition resource, string? requestNamespace, JsonObject metadata)
    {
        if (!resource.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }
        var bodyNamespace = (string?)metadata["namespace"];
        if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != requestNamespace)
        {
            throw StatusError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        if (requestNamespace is null)
        {
            throw StatusError.MethodNotAllowed("the server does not allow this method on the requested resource");
        }
        metadata["namespace"] = requestNamespace;
    }

    private static void ValidateName(ResourceDefinition resource, string name, JsonObject metadata)
    {
        var problems = ObjectValidation.NameProblems(resource, name);
        if (problems.Count > 0)
        {
            var field = metadata["generateName"] is not null && (string?)metadata["name"] != name ? "metadata.generateName" : "metadata.name";
            throw StatusError.Invalid(resource.Kind, resource.Group, name,
                problems.Select(p => (field, "FieldValueInvalid", $"Invalid value: \"{name}\": {p}")).ToList());
        }
    }

    // generateName suffixes use the same alphabet as the API server: no vowels, no confusable characters.
    private string UniqueName(ResourceDefinition resource, string? @namespace, string prefix)
    {
        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        prefix = prefix.Length > 58 ? prefix[..58] : prefix;
        while (true)
        {
            var name = prefix + new string(Enumerable.Range(0, 5).Select(_ => alphabet[_names.Next(alphabet.Length)]).ToArray());
            if (store.Get(resource, @namespace, name) is null)
            {
                return name;
            }
        }
    }

    /// <summary>
    /// Binds a new pod at once when a node has room, as a fast scheduler would; a pod that fits nowhere stays
    /// unbound, and the scheduler loop marks it Unschedulable and tries it again as the cluster changes.
    /// </summary>
    private void Schedule(JsonObject pod)
    {
        if (pod["spec"] is not JsonObject spec || !string.IsNullOrEmpty((string?)spec["nodeName"]) ||
            ((string?)spec["schedulerName"] ?? "default-scheduler") != "default-scheduler")
        {
            return;
        }
        if (scheduler.Choose(pod).Node is { } node)
        {
            Workloads.Scheduling.PodScheduler.Bind(pod, node, clock.Now);
        }
    }

    private static string IncludeObject(HttpContext context) =>
        context.Request.Query["includeObject"].ToString() is { Length: > 0 } value ? value : "Metadata";

    private static ResourceDefinition NamespaceResource { get; } = BuiltInResources.Find("namespaces")!;

    private static ResourceDefinition LimitRangeResource { get; } = BuiltInResources.Find("limitranges")!;
}

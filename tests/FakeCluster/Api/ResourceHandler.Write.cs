using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Patching;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Api;

/// <summary>The write verbs: create, update and patch (merge, JSON, strategic, server-side apply), and what they share.</summary>
public sealed partial class ResourceHandler
{
    private async Task CreateAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        var write = await WriteRequest.ReadAsync(context);
        var obj = write.ObjectFor(resource);
        var metadata = obj["metadata"]!.AsObject();
        PlaceInNamespace(resource, target.Namespace, metadata);
        JsonObject created;
        lock (store.Gate)
        {
            if (string.IsNullOrEmpty((string?)metadata["name"]))
            {
                var generateName = (string?)metadata["generateName"];
                if (string.IsNullOrEmpty(generateName))
                {
                    throw StatusError.Invalid(resource.Kind, resource.Group, "", [("metadata.name", "FieldValueRequired", "Required value: name or generateName is required")]);
                }
                metadata["name"] = UniqueName(resource, target.Namespace, generateName);
            }
            var name = (string)metadata["name"]!;
            ValidateName(resource, name, metadata);
            RequireLiveNamespace(resource, target.Namespace, name);
            if (store.Get(resource, target.Namespace, name) is not null)
            {
                throw StatusError.AlreadyExists(resource.Plural, resource.Group, name);
            }
            var now = clock.Now;
            PrepareNew(resource, obj, now);
            obj = ManagedFields.RecordUpdate(null, obj, write.Manager, resource.ApiVersion, now);
            created = write.DryRun ? obj : store.Add(resource, obj);
        }
        await HttpJson.WriteAsync(context, 201, created);
    }

    private async Task UpdateAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        var write = await WriteRequest.ReadAsync(context);
        JsonObject updated;
        if (target.Subresource == "scale")
        {
            var scale = write.Body as JsonObject ?? throw StatusError.BadRequest("Object 'Kind' is missing in the request body");
            updated = ChangeScale(target, write, scale);
        }
        else
        {
            var obj = write.ObjectFor(resource);
            var metadata = obj["metadata"]!.AsObject();
            PlaceInNamespace(resource, target.Namespace, metadata);
            if ((string?)metadata["name"] is { } bodyName && bodyName != target.Name)
            {
                throw StatusError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({target.Name})");
            }
            metadata["name"] = target.Name;
            lock (store.Gate)
            {
                var existing = Existing(target);
                if ((string?)metadata["resourceVersion"] is { Length: > 0 } version && version != (string?)existing["metadata"]!["resourceVersion"])
                {
                    throw StatusError.Conflict(resource.Plural, resource.Group, target.Name!, "the object has been modified; please apply your changes to the latest version and try again");
                }
                updated = Commit(target, existing, obj, write, write.Manager, applied: false);
            }
        }
        await HttpJson.WriteAsync(context, 200, target.Subresource == "scale" ? ScaleSubresource.From(updated) : updated);
    }

    private async Task PatchAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        var write = await WriteRequest.ReadAsync(context);
        var patch = write.Body ?? throw StatusError.BadRequest("the body of the request is empty");
        JsonObject result;
        var status = 200;
        if (target.Subresource == "scale")
        {
            // Read, patch and write under one lock, as the API server retries a patch on its own: a controller's
            // write in between must not turn a patch without a resourceVersion into a 409.
            lock (store.Gate)
            {
                var patchedScale = ApplyPatch(write, ScaleSubresource.From(Existing(target)), patch, "Scale").AsObject();
                result = ChangeScale(target, write, patchedScale);
            }
            await HttpJson.WriteAsync(context, 200, ScaleSubresource.From(result));
            return;
        }
        lock (store.Gate)
        {
            var existing = store.Get(resource, target.Namespace, target.Name!);
            if (write.ContentType == MediaTypes.ApplyPatch)
            {
                if (write.FieldManagerParameter is null)
                {
                    throw StatusError.BadRequest("PATCH, PUT and POST requests with apply patches must set the fieldManager query parameter (fieldManager is required for apply requests)");
                }
                var applied = write.ObjectFor(resource);
                var appliedMetadata = applied["metadata"]!.AsObject();
                PlaceInNamespace(resource, target.Namespace, appliedMetadata);
                if ((string?)appliedMetadata["name"] is { } appliedName && appliedName != target.Name)
                {
                    throw StatusError.BadRequest($"the name of the object ({appliedName}) does not match the name on the URL ({target.Name})");
                }
                appliedMetadata["name"] = target.Name;
                var force = context.Request.Query["force"] == "true";
                var outcome = ServerSideApply.Apply(existing, applied, write.FieldManagerParameter, force, resource.ApiVersion, clock.Now);
                if (!outcome.Succeeded || outcome.Object is null)
                {
                    throw new StatusError(ApplyConflictStatus.Code, ApplyConflictStatus.Reason, ApplyConflictStatus.Message(outcome.Conflicts),
                        new JsonObject { ["causes"] = ApplyConflictStatus.Causes(outcome.Conflicts) });
                }
                if (existing is null)
                {
                    result = CreateFromApply(target, outcome.Object, write);
                    status = 201;
                }
                else
                {
                    result = Commit(target, existing, outcome.Object, write, write.FieldManagerParameter, applied: true);
                }
            }
            else
            {
                if (existing is null)
                {
                    throw StatusError.NotFound(resource.Plural, resource.Group, target.Name!);
                }
                var patched = ApplyPatch(write, existing.DeepClone().AsObject(), patch, resource.Kind).AsObject();
                var patchedVersion = (string?)patched["metadata"]?["resourceVersion"];
                if (patchedVersion is { Length: > 0 } && patchedVersion != (string?)existing["metadata"]!["resourceVersion"])
                {
                    throw StatusError.Conflict(resource.Plural, resource.Group, target.Name!, "the object has been modified; please apply your changes to the latest version and try again");
                }
                result = Commit(target, existing, patched, write, write.Manager, applied: false);
            }
        }
        await HttpJson.WriteAsync(context, status, result);
    }

    private static JsonNode ApplyPatch(WriteRequest write, JsonObject target, JsonNode patch, string kind)
    {
        try
        {
            return write.ContentType switch
            {
                MediaTypes.MergePatch => JsonMergePatch.Apply(target, patch) ?? new JsonObject(),
                MediaTypes.JsonPatch => JsonPatch.Apply(target, patch) ?? new JsonObject(),
                MediaTypes.StrategicMergePatch => StrategicMergePatch.Apply(target, patch, kind),
                _ => throw StatusError.UnsupportedMediaType(write.ContentType),
            };
        }
        catch (PatchException e)
        {
            throw new StatusError(e.StatusCode, e.Reason ?? "BadRequest", e.Message);
        }
    }

    private JsonObject CreateFromApply(RequestTarget target, JsonObject obj, WriteRequest write)
    {
        var resource = target.Resource;
        ValidateName(resource, target.Name!, obj["metadata"]!.AsObject());
        RequireLiveNamespace(resource, target.Namespace, target.Name!);
        PrepareNew(resource, obj, clock.Now);
        return write.DryRun ? obj : store.Add(resource, obj);
    }

    /// <summary>
    /// What the server does to every new object: its own metadata fields set (client values dropped), status
    /// reset, the kind's defaults filled in, and a new pod bound to a node.
    /// </summary>
    private void PrepareNew(ResourceDefinition resource, JsonObject obj, DateTimeOffset now)
    {
        var metadata = obj["metadata"]!.AsObject();
        foreach (var serverOwned in new[] { "uid", "resourceVersion", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "selfLink" })
        {
            metadata.Remove(serverOwned);
        }
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = KubeTime.Format(now);
        if (KindsWithGeneration.Contains(resource.Kind))
        {
            metadata["generation"] = 1;
        }
        if (resource.FindSubresource("status") is not null && resource.Kind != "Node")
        {
            obj.Remove("status");
        }
        ObjectDefaults.Apply(resource.Kind, obj);
        // The LimitRanger plugin: its defaults before validation, its bounds after, as the API server's admission runs.
        var limitRanges = resource.Kind == "Pod" ? LimitRangesOf((string?)metadata["namespace"]) : [];
        LimitRanger.SetDefaults(obj, limitRanges);
        Admit(resource, obj, null);
        LimitRanger.Check(obj, limitRanges);
        if (resource.Kind == "Pod")
        {
            Schedule(obj);
        }
        if (resource.Kind == "Service")
        {
            ServiceAllocator.Allocate(store, obj, _names);
        }
    }

    /// <summary>
    /// Writes a changed object over the stored one: the server's fields are kept, status and spec are separated as
    /// the status subresource requires, generation counts spec changes, and managedFields record the writer.
    /// </summary>
    private JsonObject Commit(RequestTarget target, JsonObject existing, JsonObject changed, WriteRequest write, string manager, bool applied)
    {
        var resource = target.Resource;
        var hasStatus = resource.FindSubresource("status") is not null;
        var next = changed;
        if (target.Subresource == "status")
        {
            // A status write changes only the status.
            next = existing.DeepClone().AsObject();
            next["status"] = changed["status"]?.DeepClone();
        }
        else if (hasStatus && resource.Kind != "Node")
        {
            if (existing["status"] is { } status)
            {
                next["status"] = status.DeepClone();
            }
            else
            {
                next.Remove("status");
            }
        }
        var metadata = next["metadata"] as JsonObject ?? new JsonObject();
        next["metadata"] = metadata;
        var old = existing["metadata"]!;
        foreach (var kept in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name" })
        {
            // Absent stays absent: a key with a null value would make an identical write look like a change.
            if (old[kept] is { } value)
            {
                metadata[kept] = value.DeepClone();
            }
            else
            {
                metadata.Remove(kept);
            }
        }
        next["apiVersion"] = resource.ApiVersion;
        next["kind"] = resource.Kind;
        if (resource.Group.Length == 0 && resource.Kind == "Pod" && target.Subresource is null)
        {
            PodUpdateValidation.Check(existing, next);
        }
        if (KindsWithGeneration.Contains(resource.Kind) && target.Subresource != "status" &&
            !JsonNode.DeepEquals(existing["spec"], next["spec"]))
        {
            metadata["generation"] = ((long?)old["generation"] ?? 0) + 1;
        }
        if (!applied)
        {
            next = ManagedFields.RecordUpdate(existing, next, manager, resource.ApiVersion, clock.Now, target.Subresource);
            metadata = next["metadata"]!.AsObject();
        }
        if (target.Subresource is null)
        {
            Admit(resource, next, existing);
        }
        if (JsonNode.DeepEquals(Comparable(existing), Comparable(next)))
        {
            // A no-op write does not change the resourceVersion, as on a real server.
            return existing;
        }
        if (write.DryRun)
        {
            return next;
        }
        if (metadata["deletionTimestamp"] is not null && metadata["finalizers"] is not JsonArray { Count: > 0 } && resource.Kind != "Pod")
        {
            return store.Remove(resource, target.Namespace, target.Name!) ?? next;
        }
        return store.Replace(resource, next);
    }

    private List<JsonObject> LimitRangesOf(string? @namespace) =>
        store.List(LimitRangeResource, @namespace ?? "", _ => true).Select(entry => entry.Object).ToList();

    private static JsonObject Comparable(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("resourceVersion");
            if (metadata["managedFields"] is JsonArray fields)
            {
                foreach (var entry in fields.OfType<JsonObject>())
                {
                    entry.Remove("time");
                }
            }
        }
        return copy;
    }

    private JsonObject ChangeScale(RequestTarget target, WriteRequest write, JsonObject scale)
    {
        var replicas = scale["spec"]?["replicas"];
        if (replicas is null || (long)replicas < 0)
        {
            throw StatusError.Invalid("Scale", "autoscaling", target.Name!, [("spec.replicas", "FieldValueInvalid", $"Invalid value: {replicas?.ToJsonString() ?? "null"}: must be greater than or equal to 0")]);
        }
        lock (store.Gate)
        {
            var existing = Existing(target);
            if ((string?)scale["metadata"]?["resourceVersion"] is { Length: > 0 } version && version != (string?)existing["metadata"]!["resourceVersion"])
            {
                throw StatusError.Conflict(target.Resource.Plural, target.Resource.Group, target.Name!, "the object has been modified; please apply your changes to the latest version and try again");
            }
            var changed = existing.DeepClone().AsObject();
            ObjectDefaults.Ensure(changed, "spec")["replicas"] = (long)replicas;
            return Commit(target with { Subresource = "scale" }, existing, changed, write, write.Manager, applied: false);
        }
    }
}

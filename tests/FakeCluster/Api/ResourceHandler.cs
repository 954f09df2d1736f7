using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.Client.Validation;
using PSKube.FakeCluster.Patching;
using PSKube.FakeCluster.Printing;
using PSKube.FakeCluster.Storage;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// The REST verbs on resources: get, list, watch, create, update, patch, delete and deletecollection, with the
/// status and scale subresources. Everything is checked and written under the store's lock.
/// </summary>
public sealed class ResourceHandler(ObjectStore store, FakeClock clock, FakeClusterOptions options, FaultInjection faults, IReadOnlyDictionary<string, IPodSubresourceHandler> podSubresources, CancellationToken serverStopping)
{
    // Kinds whose metadata.generation the server tracks (it counts spec changes).
    private static readonly HashSet<string> KindsWithGeneration =
        ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"];

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
            ("PUT", not null, null or "status" or "scale") => UpdateAsync(context, target),
            ("PATCH", not null, null or "status" or "scale") => PatchAsync(context, target),
            ("DELETE", not null, null) => DeleteAsync(context, target),
            ("DELETE", null, null) => DeleteCollectionAsync(context, target),
            _ => throw StatusError.MethodNotAllowed($"the server does not allow this method on the requested resource"),
        };
    }

    private static bool IsWatch(HttpRequest request) => request.Query["watch"] is var w && (w == "true" || w == "1");

    private async Task GetAsync(HttpContext context, RequestTarget target)
    {
        var obj = store.Get(target.Resource, target.Namespace, target.Name!)
                  ?? throw StatusError.NotFound(target.Resource.Plural, target.Resource.Group, target.Name!);
        if (MediaTypes.TableVersion(context.Request.Headers.Accept) is { } tableVersion)
        {
            await HttpJson.WriteAsync(context, 200, TablePrinter.Build(target.Resource, [obj], tableVersion, IncludeObject(context), clock.Now, new JsonObject { ["resourceVersion"] = obj["metadata"]!["resourceVersion"]?.DeepClone() }));
            return;
        }
        await HttpJson.WriteAsync(context, 200, obj);
    }

    private async Task GetScaleAsync(HttpContext context, RequestTarget target)
    {
        var obj = store.Get(target.Resource, target.Namespace, target.Name!)
                  ?? throw StatusError.NotFound(target.Resource.Plural, target.Resource.Group, target.Name!);
        await HttpJson.WriteAsync(context, 200, ScaleSubresource.From(obj));
    }

    private async Task ListAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        var query = ListQuery.From(context.Request, resource);
        var now = clock.Now;
        var page = ListQuery.Page.From(context.Request, now);
        List<(string Key, JsonObject Object)> items;
        long listVersion;
        lock (store.Gate)
        {
            items = store.List(resource, target.Namespace, query.Matches, page.StartAfter).ToList();
            listVersion = page.ListVersion ?? store.ResourceVersion;
        }
        var listMeta = new JsonObject { ["resourceVersion"] = listVersion.ToString(CultureInfo.InvariantCulture) };
        if (page.Limit is { } limit && items.Count > limit)
        {
            listMeta["continue"] = ListQuery.Page.Token(items[limit - 1].Key, listVersion, now);
            listMeta["remainingItemCount"] = items.Count - limit;
            items = items.Take(limit).ToList();
        }
        var objects = items.Select(i => i.Object).ToList();
        if (MediaTypes.TableVersion(context.Request.Headers.Accept) is { } tableVersion)
        {
            await HttpJson.WriteAsync(context, 200, TablePrinter.Build(resource, objects, tableVersion, IncludeObject(context), now, listMeta));
            return;
        }
        await HttpJson.WriteAsync(context, 200, ListObject(resource, objects, listMeta));
    }

    private async Task WatchAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        var query = ListQuery.From(context.Request, resource);
        var tableVersion = MediaTypes.TableVersion(context.Request.Headers.Accept);
        var includeObject = IncludeObject(context);
        var bookmarks = context.Request.Query["allowWatchBookmarks"] == "true";
        var versionText = context.Request.Query["resourceVersion"].ToString();
        long? fromVersion = versionText is "" or "0" ? null
            : long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
            : throw StatusError.BadRequest($"invalid resource version: {versionText}");
        var timeout = int.TryParse(context.Request.Query["timeoutSeconds"], out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(30);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        deadline.CancelAfter(timeout);
        context.Response.StatusCode = 200;
        context.Response.ContentType = MediaTypes.Json;
        WatchSubscription subscription;
        try
        {
            subscription = store.Watch(resource, target.Namespace, query.Matches, fromVersion);
        }
        catch (ResourceVersionTooOldException e)
        {
            // As on a real server: the watch starts, then says 410 Expired in an ERROR event.
            var status = StatusError.Expired(e.Message).ToStatus();
            await HttpJson.WriteLineAsync(context, new JsonObject { ["type"] = "ERROR", ["object"] = status }, context.RequestAborted);
            return;
        }
        using (subscription)
        using (faults.TrackWatch(context))
        {
            await context.Response.Body.FlushAsync(deadline.Token);
            try
            {
                while (!deadline.IsCancellationRequested)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
                    idle.CancelAfter(options.BookmarkInterval);
                    try
                    {
                        await subscription.Events.WaitToReadAsync(idle.Token);
                    }
                    catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
                    {
                        if (bookmarks)
                        {
                            store.Bookmark(subscription);
                        }
                        continue;
                    }
                    while (subscription.Events.TryRead(out var change))
                    {
                        if (change.Type == WatchEventType.Bookmark && !bookmarks)
                        {
                            continue;
                        }
                        var payload = tableVersion is null || change.Type == WatchEventType.Bookmark
                            ? change.Object
                            : TablePrinter.Build(resource, [change.Object], tableVersion, includeObject, clock.Now, new JsonObject { ["resourceVersion"] = change.Object["metadata"]?["resourceVersion"]?.DeepClone() });
                        await HttpJson.WriteLineAsync(context, new JsonObject { ["type"] = change.TypeName, ["object"] = payload.DeepClone() }, deadline.Token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The client went away, the timeout passed, or the server is stopping: the watch simply ends.
            }
        }
    }

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
            JsonObject scale;
            lock (store.Gate)
            {
                scale = ScaleSubresource.From(Existing(target));
            }
            var patchedScale = ApplyPatch(write, scale, patch, "Scale").AsObject();
            result = ChangeScale(target, write, patchedScale);
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
            next["status"] = existing["status"]?.DeepClone();
        }
        var metadata = next["metadata"] as JsonObject ?? new JsonObject();
        next["metadata"] = metadata;
        var old = existing["metadata"]!;
        foreach (var kept in new[] { "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "namespace", "name" })
        {
            metadata[kept] = old[kept]?.DeepClone();
        }
        next["apiVersion"] = resource.ApiVersion;
        next["kind"] = resource.Kind;
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

    private async Task DeleteAsync(HttpContext context, RequestTarget target)
    {
        var write = await WriteRequest.ReadAsync(context);
        var deleteOptions = DeleteOptions.From(context.Request, write.Body);
        JsonNode answer;
        int code;
        lock (store.Gate)
        {
            var existing = Existing(target);
            (answer, code) = DeleteOne(target.Resource, existing, deleteOptions, write.DryRun);
        }
        await HttpJson.WriteAsync(context, code, answer);
    }

    private async Task DeleteCollectionAsync(HttpContext context, RequestTarget target)
    {
        var resource = target.Resource;
        if (!resource.Supports("deletecollection"))
        {
            throw StatusError.MethodNotAllowed("the server does not allow this method on the requested resource");
        }
        var query = ListQuery.From(context.Request, resource);
        var write = await WriteRequest.ReadAsync(context);
        var deleteOptions = DeleteOptions.From(context.Request, write.Body);
        var deleted = new List<JsonObject>();
        long version;
        lock (store.Gate)
        {
            foreach (var (_, obj) in store.List(resource, target.Namespace, query.Matches))
            {
                var (answer, _) = DeleteOne(resource, obj, deleteOptions, write.DryRun);
                deleted.Add(answer as JsonObject is { } o && (string?)o["kind"] != "Status" ? o : obj);
            }
            version = store.ResourceVersion;
        }
        await HttpJson.WriteAsync(context, 200, ListObject(resource, deleted, new JsonObject { ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture) }));
    }

    /// <summary>
    /// Deletes one object as the API server does: checks preconditions; pods on a node and objects with finalizers
    /// get a deletionTimestamp and go later (graceful deletion); namespaces start terminating; others go at once.
    /// </summary>
    private (JsonNode Answer, int Code) DeleteOne(ResourceDefinition resource, JsonObject existing, DeleteOptions deleteOptions, bool dryRun)
    {
        var metadata = existing["metadata"]!.AsObject();
        var name = (string)metadata["name"]!;
        var ns = (string?)metadata["namespace"];
        deleteOptions.CheckPreconditions(resource, name, metadata);
        if (metadata["deletionTimestamp"] is null)
        {
            DeletionPropagation.AddFinalizer(resource.Kind, metadata, deleteOptions.PropagationPolicy);
        }
        var now = clock.Now;
        var terminating = existing.DeepClone().AsObject();
        var terminatingMetadata = terminating["metadata"]!.AsObject();

        if (resource.Kind == "Pod" && !string.IsNullOrEmpty((string?)existing["spec"]?["nodeName"]))
        {
            var grace = deleteOptions.GracePeriodSeconds ?? (long?)existing["spec"]?["terminationGracePeriodSeconds"] ?? 30;
            if (grace > 0)
            {
                var deadline = now.AddSeconds(grace);
                var current = KubeTime.Parse((string?)metadata["deletionTimestamp"]);
                if (current is not null && current <= deadline)
                {
                    return (existing, 200);
                }
                terminatingMetadata["deletionTimestamp"] = KubeTime.Format(deadline);
                terminatingMetadata["deletionGracePeriodSeconds"] = grace;
                return (dryRun ? terminating : store.Replace(resource, terminating), 200);
            }
        }
        if (resource.Kind == "Namespace" || metadata["finalizers"] is JsonArray { Count: > 0 })
        {
            if (metadata["deletionTimestamp"] is not null)
            {
                return (existing, 202);
            }
            terminatingMetadata["deletionTimestamp"] = KubeTime.Format(now);
            terminatingMetadata["deletionGracePeriodSeconds"] = 0;
            if (resource.Kind == "Namespace")
            {
                terminating["status"] = new JsonObject { ["phase"] = "Terminating" };
            }
            return (dryRun ? terminating : store.Replace(resource, terminating), resource.Kind == "Namespace" ? 200 : 202);
        }
        if (metadata["deletionTimestamp"] is not null)
        {
            // Deleting at once what was terminating: the last state says so, as the real server's does.
            existing["metadata"]!["deletionTimestamp"] = KubeTime.Format(now);
            existing["metadata"]!["deletionGracePeriodSeconds"] = 0;
        }
        var removed = dryRun ? existing : store.Remove(resource, ns, name) is { } final ? Merge(final, existing) : existing;
        if (KindsReturningDeletedObject.Contains(resource.Kind))
        {
            return (removed, 200);
        }
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }
        details["kind"] = resource.Plural;
        details["uid"] = (string?)metadata["uid"];
        return (StatusObject.Success(details), 200);
    }

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

    // The store's final copy has the last resourceVersion; the deletion fields come from the answer being built.
    private static JsonObject Merge(JsonObject final, JsonObject answer)
    {
        final["metadata"]!["deletionTimestamp"] = answer["metadata"]?["deletionTimestamp"]?.DeepClone();
        final["metadata"]!["deletionGracePeriodSeconds"] = answer["metadata"]?["deletionGracePeriodSeconds"]?.DeepClone();
        if (final["metadata"]!["deletionTimestamp"] is null)
        {
            final["metadata"]!.AsObject().Remove("deletionTimestamp");
            final["metadata"]!.AsObject().Remove("deletionGracePeriodSeconds");
        }
        return final;
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
        var problems = NameValidation.ValidateObjectName(resource.Plural, name);
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

    /// <summary>Binds a new pod to the first node at once: the fake has one scheduler decision to make.</summary>
    private void Schedule(JsonObject pod)
    {
        var spec = pod["spec"] as JsonObject;
        if (spec is null || !string.IsNullOrEmpty((string?)spec["nodeName"]))
        {
            return;
        }
        var node = store.List(NodeResource, null, _ => true).FirstOrDefault();
        if (node.Object is null)
        {
            return;
        }
        spec["nodeName"] = (string?)node.Object["metadata"]!["name"];
        var status = ObjectDefaults.Ensure(pod, "status");
        status["conditions"] = new JsonArray(new JsonObject
        {
            ["type"] = "PodScheduled",
            ["status"] = "True",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = KubeTime.Format(clock.Now),
        });
    }

    private static string IncludeObject(HttpContext context) =>
        context.Request.Query["includeObject"].ToString() is { Length: > 0 } value ? value : "Metadata";

    /// <summary>A list in the server's shape: items carry no kind or apiVersion of their own.</summary>
    private static JsonObject ListObject(ResourceDefinition resource, IEnumerable<JsonObject> items, JsonObject listMeta)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            var copy = item.DeepClone().AsObject();
            copy.Remove("kind");
            copy.Remove("apiVersion");
            array.Add(copy);
        }
        return new JsonObject
        {
            ["kind"] = resource.Kind + "List",
            ["apiVersion"] = resource.ApiVersion,
            ["metadata"] = listMeta,
            ["items"] = array,
        };
    }

    private static ResourceDefinition NamespaceResource { get; } = BuiltInResources.Find("namespaces")!;

    private static ResourceDefinition NodeResource { get; } = BuiltInResources.Find("nodes")!;
}

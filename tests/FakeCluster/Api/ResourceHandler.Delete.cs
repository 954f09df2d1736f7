using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Api;

/// <summary>Delete and deletecollection, with graceful deletion, finalizers and both kinds of answer.</summary>
public sealed partial class ResourceHandler
{
    private async Task DeleteAsync(HttpContext context, RequestTarget target)
    {
        var write = await WriteRequest.ReadAsync(context);
        var deleteOptions = DeleteOptions.From(context.Request, write.Body);
        // The priority class storage refuses this on single deletes only (deletecollection bypasses it).
        ObjectValidation.AdmitDelete(target.Resource, target.Name!);
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
}

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

    /// <summary>
    /// deletecollection in one pass: the matching objects are read once from a snapshot, those that go at once are
    /// removed in one store operation (each still with its own resourceVersion and DELETED event, as etcd does), and
    /// those that terminate gracefully are updated one by one.
    /// </summary>
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
        var removals = new List<int>();
        long version;
        lock (store.Gate)
        {
            foreach (var stored in store.Read(resource).Range(target.Namespace))
            {
                if (!query.Matches(stored.Object))
                {
                    continue;
                }
                var (step, obj, _) = PlanDeletion(resource, stored.Copy(), deleteOptions);
                if (step == DeletionStep.Remove && !write.DryRun)
                {
                    removals.Add(deleted.Count);
                }
                deleted.Add(step == DeletionStep.Terminate && !write.DryRun ? store.Replace(resource, obj) : obj);
            }
            var finals = store.RemoveAll(resource, removals.Select(i => ((string?)deleted[i]["metadata"]!["namespace"], (string)deleted[i]["metadata"]!["name"]!)));
            for (var n = 0; n < removals.Count; n++)
            {
                if (finals[n] is { } final)
                {
                    deleted[removals[n]] = Merge(final, deleted[removals[n]]);
                }
            }
            version = store.ResourceVersion;
        }
        var listMeta = new JsonObject { ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture) };
        await HttpJson.WriteListAsync(context, resource.Kind + "List", resource.ApiVersion, listMeta, deleted);
    }

    /// <summary>
    /// Deletes one object as the API server does: checks preconditions; pods on a node and objects with finalizers
    /// get a deletionTimestamp and go later (graceful deletion); namespaces start terminating; others go at once.
    /// </summary>
    private (JsonNode Answer, int Code) DeleteOne(ResourceDefinition resource, JsonObject existing, DeleteOptions deleteOptions, bool dryRun)
    {
        var (step, obj, code) = PlanDeletion(resource, existing, deleteOptions);
        if (dryRun || step == DeletionStep.Unchanged)
        {
            return (step == DeletionStep.Remove ? DeletedAnswer(resource, obj) : obj, code);
        }
        if (step == DeletionStep.Terminate)
        {
            return (store.Replace(resource, obj), code);
        }
        var metadata = obj["metadata"]!;
        var removed = store.Remove(resource, (string?)metadata["namespace"], (string)metadata["name"]!) is { } final ? Merge(final, obj) : obj;
        return (DeletedAnswer(resource, removed), code);
    }

    private enum DeletionStep
    {
        /// <summary>Already being deleted as asked: nothing to write.</summary>
        Unchanged,

        /// <summary>Store the object with its deletionTimestamp: it goes later.</summary>
        Terminate,

        /// <summary>Remove the object now.</summary>
        Remove,
    }

    /// <summary>
    /// What deleting an object does, without writing: the step, the object to write (terminating) or as it goes, and
    /// the HTTP code of the answer.
    /// </summary>
    private (DeletionStep Step, JsonObject Object, int Code) PlanDeletion(ResourceDefinition resource, JsonObject existing, DeleteOptions deleteOptions)
    {
        var metadata = existing["metadata"]!.AsObject();
        var name = (string)metadata["name"]!;
        deleteOptions.CheckPreconditions(resource, name, metadata);
        if (metadata["deletionTimestamp"] is null)
        {
            DeletionPropagation.AddFinalizer(resource.Kind, metadata, deleteOptions.PropagationPolicy);
        }
        var now = clock.Now;

        if (resource.Kind == "Pod" && !string.IsNullOrEmpty((string?)existing["spec"]?["nodeName"]))
        {
            var grace = deleteOptions.GracePeriodSeconds ?? (long?)existing["spec"]?["terminationGracePeriodSeconds"] ?? 30;
            if (grace > 0)
            {
                var deadline = now.AddSeconds(grace);
                var current = KubeTime.Parse((string?)metadata["deletionTimestamp"]);
                if (current is not null && current <= deadline)
                {
                    return (DeletionStep.Unchanged, existing, 200);
                }
                metadata["deletionTimestamp"] = KubeTime.Format(deadline);
                metadata["deletionGracePeriodSeconds"] = grace;
                return (DeletionStep.Terminate, existing, 200);
            }
        }
        if (resource.Kind == "Namespace" || metadata["finalizers"] is JsonArray { Count: > 0 })
        {
            if (metadata["deletionTimestamp"] is not null)
            {
                return (DeletionStep.Unchanged, existing, 202);
            }
            metadata["deletionTimestamp"] = KubeTime.Format(now);
            metadata["deletionGracePeriodSeconds"] = 0;
            if (resource.Kind == "Namespace")
            {
                existing["status"] = new JsonObject { ["phase"] = "Terminating" };
            }
            return (DeletionStep.Terminate, existing, resource.Kind == "Namespace" ? 200 : 202);
        }
        if (metadata["deletionTimestamp"] is not null)
        {
            // Deleting at once what was terminating: the last state says so, as the real server's does.
            metadata["deletionTimestamp"] = KubeTime.Format(now);
            metadata["deletionGracePeriodSeconds"] = 0;
        }
        return (DeletionStep.Remove, existing, 200);
    }

    /// <summary>The answer to deleting an object that is gone: the object for the kinds that answer with it, a Status otherwise.</summary>
    private static JsonNode DeletedAnswer(ResourceDefinition resource, JsonObject removed)
    {
        if (KindsReturningDeletedObject.Contains(resource.Kind))
        {
            return removed;
        }
        var metadata = removed["metadata"]!;
        var details = new JsonObject { ["name"] = (string?)metadata["name"] };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }
        details["kind"] = resource.Plural;
        details["uid"] = (string?)metadata["uid"];
        return StatusObject.Success(details);
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

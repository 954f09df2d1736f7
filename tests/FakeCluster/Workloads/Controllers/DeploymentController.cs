using System.Globalization;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The Deployment controller: one ReplicaSet per pod template (NAME-HASH), rolled out with the RollingUpdate
/// (maxSurge / maxUnavailable) or Recreate strategy, revisions and replica annotations on both, history
/// trimmed to revisionHistoryLimit, and the status and conditions kubectl rollout status and wait read.
/// </summary>
public sealed class DeploymentController : IPassController
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";
    private const string HashLabel = "pod-template-hash";
    private const string Component = "deployment-controller";

    public const string RevisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";

    // Annotations of the Deployment that are not copied onto its ReplicaSets (kubernetes.io/change-cause is copied,
    // so each revision keeps the cause recorded when it was made, which kubectl rollout history shows).
    private static readonly HashSet<string> NotCopied =
        ["kubectl.kubernetes.io/last-applied-configuration", RevisionAnnotation, RevisionHistoryAnnotation, DesiredReplicasAnnotation, MaxReplicasAnnotation, "deprecated.deployment.rollback.to"];

    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        foreach (var deployment in client.List("deployments"))
        {
            Sync(client, deployment);
        }
    }

    private static void Sync(ControllerClient client, JsonObject deployment)
    {
        var sets = client.List("replicasets", ObjectFields.Namespace(deployment), rs => ObjectFields.IsControlledBy(rs, deployment));
        var status = deployment["status"]?.DeepClone() as JsonObject ?? [];
        if (!ObjectFields.IsDeleting(deployment) && !ObjectFields.IsTrue(deployment["spec"]?["paused"]))
        {
            var newSet = sets.FirstOrDefault(rs => SameTemplate(rs, deployment));
            var oldSets = sets.Where(rs => rs != newSet).ToList();
            newSet = EnsureNewReplicaSet(client, deployment, newSet, oldSets, status);
            if (newSet is not null)
            {
                sets = [newSet, .. oldSets];
                if ((string?)deployment["spec"]?["strategy"]?["type"] == "Recreate")
                {
                    Recreate(client, deployment, newSet, oldSets);
                }
                else
                {
                    RollingUpdate(client, deployment, newSet, oldSets);
                }
                sets = client.List("replicasets", ObjectFields.Namespace(deployment), rs => ObjectFields.IsControlledBy(rs, deployment));
                newSet = sets.FirstOrDefault(rs => SameTemplate(rs, deployment));
                CleanUpHistory(client, deployment, sets.Where(rs => rs != newSet).ToList());
            }
        }
        deployment = client.Get("deployments", ObjectFields.Namespace(deployment), ObjectFields.Name(deployment)) ?? deployment;
        var current = sets.FirstOrDefault(rs => SameTemplate(rs, deployment));
        var written = client.UpdateStatus("deployments", deployment, Status(deployment, current, sets, status, client.Now));
        WakeAtProgressDeadline(client, written);
    }

    /// <summary>A rollout still progressing times out at lastUpdateTime + progressDeadlineSeconds: look again just after.</summary>
    private static void WakeAtProgressDeadline(ControllerClient client, JsonObject deployment)
    {
        var progressing = StatusConditions.Find(deployment["status"] as JsonObject ?? [], "Progressing");
        if (deployment["spec"]?["progressDeadlineSeconds"] is { } deadline && (string?)progressing?["status"] == "True" &&
            (string?)progressing["reason"] != "NewReplicaSetAvailable" &&
            Api.KubeTime.Parse((string?)progressing["lastUpdateTime"]) is { } lastProgress)
        {
            client.WakeAt(lastProgress.AddSeconds(ObjectFields.Long(deadline)).AddMilliseconds(1));
        }
    }

    /// <summary>The ReplicaSet's template is the Deployment's, apart from the pod-template-hash label.</summary>
    private static bool SameTemplate(JsonObject replicaSet, JsonObject deployment)
    {
        var template = Defaulted(replicaSet["spec"]?["template"]);
        if (template["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(HashLabel);
        }
        return JsonNode.DeepEquals(template, Defaulted(deployment["spec"]?["template"]));
    }

    /// <summary>
    /// The template with the server's defaults filled in: this API server defaults on create only, so a template
    /// changed by a patch may lack fields its ReplicaSet got when it was created. Null fields are dropped, as a real
    /// server's typed decoding drops them (kubectl rollout undo sends the template with "creationTimestamp": null).
    /// </summary>
    private static JsonObject Defaulted(JsonNode? template)
    {
        var holder = new JsonObject { ["spec"] = new JsonObject { ["template"] = WithoutNulls(template) ?? new JsonObject() } };
        Api.ObjectDefaults.Apply("ReplicaSet", holder);
        return holder["spec"]!["template"]!.DeepClone().AsObject();
    }

    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray array => new JsonArray(array.Select(WithoutNulls).ToArray()),
        _ => node?.DeepClone(),
    };

    private static long Revision(JsonObject obj) =>
        long.TryParse(ObjectFields.Annotation(obj, RevisionAnnotation), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    private static long Replicas(JsonObject obj) => ObjectFields.Long(obj["spec"]?["replicas"], 1);

    private static bool IsRecreate(JsonObject deployment) => (string?)deployment["spec"]?["strategy"]?["type"] == "Recreate";

    private static long MaxSurge(JsonObject deployment) =>
        IsRecreate(deployment) ? 0 : IntOrPercent.Resolve(deployment["spec"]?["strategy"]?["rollingUpdate"]?["maxSurge"], Replicas(deployment), roundUp: true);

    /// <summary>maxUnavailable rounds down; when both it and maxSurge are 0 the controller still allows one.</summary>
    private static long MaxUnavailable(JsonObject deployment)
    {
        if (IsRecreate(deployment))
        {
            return 0;
        }
        var replicas = Replicas(deployment);
        var unavailable = IntOrPercent.Resolve(deployment["spec"]?["strategy"]?["rollingUpdate"]?["maxUnavailable"], replicas, roundUp: false);
        if (unavailable == 0 && MaxSurge(deployment) == 0)
        {
            unavailable = 1;
        }
        return Math.Min(unavailable, replicas);
    }

    /// <summary>Finds or creates the ReplicaSet for the current template and brings the revision annotations up to date.</summary>
    private static JsonObject? EnsureNewReplicaSet(ControllerClient client, JsonObject deployment, JsonObject? newSet, List<JsonObject> oldSets, JsonObject status)
    {
        var revision = ObjectFields.Text(oldSets.Select(Revision).DefaultIfEmpty(0).Max() + 1);
        if (newSet is not null)
        {
            // An existing ReplicaSet takes the Deployment's annotations; one whose template comes back (a rollback)
            // becomes the newest revision and remembers the ones it had in revision-history.
            var updated = newSet.DeepClone().AsObject();
            foreach (var (key, value) in ObjectFields.StringMap(deployment["metadata"]?["annotations"]).Where(a => !NotCopied.Contains(a.Key)))
            {
                ObjectFields.SetAnnotation(updated, key, value);
            }
            var oldRevision = Revision(newSet);
            if (oldRevision < long.Parse(revision, CultureInfo.InvariantCulture))
            {
                if (oldRevision > 0)
                {
                    var history = ObjectFields.Annotation(newSet, RevisionHistoryAnnotation);
                    ObjectFields.SetAnnotation(updated, RevisionHistoryAnnotation,
                        string.IsNullOrEmpty(history) ? ObjectFields.Text(oldRevision) : $"{history},{ObjectFields.Text(oldRevision)}");
                }
                ObjectFields.SetAnnotation(updated, RevisionAnnotation, revision);
            }
            if (!JsonNode.DeepEquals(updated["metadata"]?["annotations"], newSet["metadata"]?["annotations"]))
            {
                newSet = client.Update("replicasets", updated);
            }
            SetRolloutRevision(client, deployment, ObjectFields.Annotation(newSet, RevisionAnnotation) ?? revision);
            if (StatusConditions.Find(status, "Progressing") is null)
            {
                StatusConditions.Set(status, "Progressing", "True", "FoundNewReplicaSet", $"Found new replica set \"{ObjectFields.Name(newSet)}\"", client.Now, "lastUpdateTime");
            }
            return newSet;
        }
        var collisions = ObjectFields.Long(deployment["status"]?["collisionCount"]);
        var template = Defaulted(deployment["spec"]?["template"]);
        var hash = TemplateHash.Compute(template, collisions == 0 ? null : collisions);
        Api.ObjectDefaults.Ensure(Api.ObjectDefaults.Ensure(template, "metadata"), "labels")[HashLabel] = hash;
        var selector = deployment["spec"]?["selector"]?.DeepClone().AsObject() ?? [];
        var matchLabels = selector["matchLabels"] as JsonObject ?? [];
        selector["matchLabels"] = matchLabels;
        matchLabels[HashLabel] = hash;
        var labels = template["metadata"]!["labels"]!.DeepClone().AsObject();
        var annotations = new JsonObject();
        foreach (var (key, value) in ObjectFields.StringMap(deployment["metadata"]?["annotations"]).Where(a => !NotCopied.Contains(a.Key)))
        {
            annotations[key] = value;
        }
        var replicas = IsRecreate(deployment) ? 0 : NewReplicaSetReplicas(deployment, oldSets, 0);
        annotations[DesiredReplicasAnnotation] = ObjectFields.Text(Replicas(deployment));
        annotations[MaxReplicasAnnotation] = ObjectFields.Text(Replicas(deployment) + MaxSurge(deployment));
        annotations[RevisionAnnotation] = revision;
        var name = $"{ObjectFields.Name(deployment)}-{hash}";
        var created = client.Create("replicasets", new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ObjectFields.Namespace(deployment),
                ["labels"] = labels,
                ["annotations"] = annotations,
                ["ownerReferences"] = new JsonArray(ObjectFields.OwnerReference(deployment)),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["minReadySeconds"] = ObjectFields.Long(deployment["spec"]?["minReadySeconds"]),
                ["selector"] = selector,
                ["template"] = template,
            },
        });
        if (created is null)
        {
            // A ReplicaSet of that name exists with another template: count a collision so the next hash differs.
            var collided = deployment["status"]?.DeepClone() as JsonObject ?? [];
            collided["collisionCount"] = collisions + 1;
            client.UpdateStatus("deployments", deployment, collided);
            return null;
        }
        if (replicas > 0)
        {
            client.Event(deployment, "ScalingReplicaSet", $"Scaled up replica set {name} from 0 to {replicas}", Component);
        }
        SetRolloutRevision(client, deployment, revision);
        StatusConditions.Set(status, "Progressing", "True", "NewReplicaSetCreated", $"Created new replica set \"{name}\"", client.Now, "lastUpdateTime");
        return created;
    }

    private static void SetRolloutRevision(ControllerClient client, JsonObject deployment, string revision)
    {
        var current = client.Get("deployments", ObjectFields.Namespace(deployment), ObjectFields.Name(deployment));
        if (current is not null && ObjectFields.Annotation(current, RevisionAnnotation) != revision)
        {
            ObjectFields.SetAnnotation(current, RevisionAnnotation, revision);
            client.Update("deployments", current);
        }
    }

    /// <summary>How far the new ReplicaSet may grow now: up to the replicas, within maxSurge over all ReplicaSets.</summary>
    private static long NewReplicaSetReplicas(JsonObject deployment, IEnumerable<JsonObject> oldSets, long newReplicas)
    {
        var replicas = Replicas(deployment);
        var total = oldSets.Sum(Replicas) + newReplicas;
        var maxTotal = replicas + MaxSurge(deployment);
        if (total >= maxTotal)
        {
            return newReplicas;
        }
        return newReplicas + Math.Max(0, Math.Min(maxTotal - total, replicas - newReplicas));
    }

    private static void RollingUpdate(ControllerClient client, JsonObject deployment, JsonObject newSet, List<JsonObject> oldSets)
    {
        var replicas = Replicas(deployment);
        var newReplicas = Replicas(newSet);
        if (newReplicas > replicas)
        {
            newSet = Scale(client, deployment, newSet, replicas);
        }
        else if (newReplicas < replicas)
        {
            newSet = Scale(client, deployment, newSet, NewReplicaSetReplicas(deployment, oldSets, newReplicas));
        }
        ScaleDownOld(client, deployment, newSet, oldSets);
    }

    /// <summary>
    /// Scales old ReplicaSets down as far as availability allows: never below replicas - maxUnavailable available
    /// pods, counting pods of the new ReplicaSet that are not available yet against the budget; unhealthy old
    /// pods go first.
    /// </summary>
    private static void ScaleDownOld(ControllerClient client, JsonObject deployment, JsonObject newSet, List<JsonObject> oldSets)
    {
        var oldActive = oldSets.Where(rs => Replicas(rs) > 0).OrderBy(ObjectFields.Created).ToList();
        if (oldActive.Count == 0)
        {
            return;
        }
        var all = oldSets.Sum(Replicas) + Replicas(newSet);
        var minAvailable = Replicas(deployment) - MaxUnavailable(deployment);
        var newUnavailable = Replicas(newSet) - ObjectFields.Long(newSet["status"]?["availableReplicas"]);
        var budget = all - minAvailable - newUnavailable;
        if (budget <= 0)
        {
            return;
        }
        var scaled = new Dictionary<string, long>();
        foreach (var set in oldActive)
        {
            var unhealthy = Replicas(set) - ObjectFields.Long(set["status"]?["availableReplicas"]);
            var down = Math.Min(Math.Max(unhealthy, 0), budget);
            if (down > 0)
            {
                scaled[ObjectFields.Name(set)] = Replicas(set) - down;
                budget -= down;
            }
        }
        var available = oldSets.Append(newSet).Sum(rs => ObjectFields.Long(rs["status"]?["availableReplicas"]));
        var removable = available - minAvailable;
        foreach (var set in oldActive)
        {
            var remaining = scaled.TryGetValue(ObjectFields.Name(set), out var already) ? already : Replicas(set);
            var down = Math.Min(remaining, Math.Max(removable, 0));
            removable -= down;
            if (remaining - down != Replicas(set))
            {
                Scale(client, deployment, set, remaining - down);
            }
        }
    }

    /// <summary>Recreate: every old pod gone before the new ReplicaSet starts any.</summary>
    private static void Recreate(ControllerClient client, JsonObject deployment, JsonObject newSet, List<JsonObject> oldSets)
    {
        foreach (var set in oldSets.Where(rs => Replicas(rs) > 0))
        {
            Scale(client, deployment, set, 0);
        }
        var oldPodsLeft = client.List("pods", ObjectFields.Namespace(deployment),
            pod => !PodState.IsTerminal(pod) && oldSets.Any(rs => ObjectFields.IsControlledBy(pod, rs))).Count;
        if (oldPodsLeft == 0 && Replicas(newSet) != Replicas(deployment))
        {
            Scale(client, deployment, newSet, Replicas(deployment));
        }
    }

    private static JsonObject Scale(ControllerClient client, JsonObject deployment, JsonObject set, long replicas)
    {
        var before = Replicas(set);
        var changed = set.DeepClone().AsObject();
        Api.ObjectDefaults.Ensure(changed, "spec")["replicas"] = replicas;
        ObjectFields.SetAnnotation(changed, DesiredReplicasAnnotation, ObjectFields.Text(Replicas(deployment)));
        ObjectFields.SetAnnotation(changed, MaxReplicasAnnotation, ObjectFields.Text(Replicas(deployment) + MaxSurge(deployment)));
        var updated = client.Update("replicasets", changed);
        if (before != replicas)
        {
            var direction = replicas > before ? "up" : "down";
            client.Event(deployment, "ScalingReplicaSet", $"Scaled {direction} replica set {ObjectFields.Name(set)} from {before} to {replicas}", Component);
        }
        return updated;
    }

    /// <summary>Old ReplicaSets with no pods left beyond revisionHistoryLimit go, oldest revision first.</summary>
    private static void CleanUpHistory(ControllerClient client, JsonObject deployment, List<JsonObject> oldSets)
    {
        var limit = ObjectFields.Long(deployment["spec"]?["revisionHistoryLimit"], 10);
        var idle = oldSets
            .Where(rs => Replicas(rs) == 0 && ObjectFields.Long(rs["status"]?["replicas"]) == 0 && !ObjectFields.IsDeleting(rs))
            .OrderBy(Revision).ThenBy(ObjectFields.Created)
            .ToList();
        foreach (var set in idle.Take(Math.Max(0, idle.Count - (int)limit)))
        {
            client.Delete("replicasets", set);
        }
    }

    private static JsonObject Status(JsonObject deployment, JsonObject? newSet, List<JsonObject> sets, JsonObject previous, DateTimeOffset now)
    {
        long Sum(string field) => sets.Sum(rs => ObjectFields.Long(rs["status"]?[field]));
        var replicas = Replicas(deployment);
        var available = Sum("availableReplicas");
        var status = new JsonObject
        {
            ["observedGeneration"] = ObjectFields.Generation(deployment),
            ["replicas"] = Sum("replicas"),
            ["updatedReplicas"] = newSet is null ? 0 : ObjectFields.Long(newSet["status"]?["replicas"]),
            ["readyReplicas"] = Sum("readyReplicas"),
            ["availableReplicas"] = available,
            ["unavailableReplicas"] = Math.Max(0, replicas - available),
        };
        if (previous["collisionCount"] is { } collisions)
        {
            status["collisionCount"] = collisions.DeepClone();
        }
        foreach (var field in new[] { "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas" })
        {
            if (ObjectFields.Long(status[field]) == 0)
            {
                status.Remove(field);
            }
        }
        status["conditions"] = previous["conditions"]?.DeepClone() ?? new JsonArray();
        if (available >= replicas - MaxUnavailable(deployment))
        {
            StatusConditions.Set(status, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now, "lastUpdateTime");
        }
        else
        {
            StatusConditions.Set(status, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now, "lastUpdateTime");
        }
        if (newSet is not null)
        {
            Progress(deployment, newSet, status, previous, now);
        }
        // Available comes first, as on a real Deployment.
        var conditions = (JsonArray)status["conditions"]!;
        var ordered = conditions.OfType<JsonObject>().OrderBy(c => (string?)c["type"] == "Available" ? 0 : 1).Select(c => c.DeepClone()).ToArray();
        status["conditions"] = new JsonArray(ordered);
        return status;
    }

    /// <summary>The Progressing condition: complete, still progressing, or past progressDeadlineSeconds without progress.</summary>
    private static void Progress(JsonObject deployment, JsonObject newSet, JsonObject status, JsonObject previous, DateTimeOffset now)
    {
        var replicas = Replicas(deployment);
        var name = ObjectFields.Name(newSet);
        var complete = ObjectFields.Long(status["updatedReplicas"]) == replicas && ObjectFields.Long(status["replicas"]) == replicas &&
                       ObjectFields.Long(status["availableReplicas"]) == replicas;
        var progressed = ObjectFields.Long(status["updatedReplicas"]) > ObjectFields.Long(previous["updatedReplicas"]) ||
                         ObjectFields.Long(status["readyReplicas"]) > ObjectFields.Long(previous["readyReplicas"]) ||
                         ObjectFields.Long(status["availableReplicas"]) > ObjectFields.Long(previous["availableReplicas"]) ||
                         ObjectFields.Long(status["replicas"]) - ObjectFields.Long(status["updatedReplicas"]) <
                         ObjectFields.Long(previous["replicas"]) - ObjectFields.Long(previous["updatedReplicas"]);
        var current = StatusConditions.Find(status, "Progressing");
        if (complete)
        {
            StatusConditions.Set(status, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{name}\" has successfully progressed.", now, "lastUpdateTime");
        }
        else if (progressed || current is null)
        {
            if ((string?)current?["reason"] is not ("NewReplicaSetCreated" or "FoundNewReplicaSet") || progressed)
            {
                StatusConditions.Set(status, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{name}\" is progressing.", now, "lastUpdateTime");
            }
        }
        else if (deployment["spec"]?["progressDeadlineSeconds"] is { } deadline &&
                 Api.KubeTime.Parse((string?)current["lastUpdateTime"]) is { } lastProgress &&
                 lastProgress.AddSeconds(ObjectFields.Long(deadline)) < now)
        {
            StatusConditions.Set(status, "Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{name}\" has timed out progressing.", now, "lastUpdateTime");
        }
    }
}

using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// How controllers write: what the API server would do for their requests, done straight on the store (they run
/// under its lock). Creates get the server's metadata and defaults (the scheduler binds new pods); updates that change nothing are
/// skipped so watches see only real changes; deletes are graceful for pods and honour finalizers.
/// </summary>
internal sealed class ControllerClient(ReconcileContext context)
{
    // The alphabet of generated name suffixes and template hashes: no vowels, no look-alike characters.
    public const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private static readonly HashSet<string> KindsWithGeneration =
        ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicationController"];

    public ObjectStore Store => context.Store;

    public DateTimeOffset Now => context.Now;

    public ResourceDefinition Resource(string plural) => context.Resource(plural);

    public List<JsonObject> List(string plural, string? @namespace = null, Func<JsonObject, bool>? filter = null) =>
        context.Store.List(Resource(plural), @namespace, filter ?? (_ => true)).Select(item => item.Object).ToList();

    /// <summary>
    /// The stored objects the filter keeps, without copying them: for reading only, at once, under the lock (a
    /// controller counting thousands of pods each round must not copy them all).
    /// </summary>
    public List<JsonObject> Peek(string plural, string? @namespace, Func<JsonObject, bool> filter)
    {
        var kept = new List<JsonObject>();
        context.Store.List(Resource(plural), @namespace, stored =>
        {
            if (filter(stored))
            {
                kept.Add(stored);
            }
            return false;
        });
        return kept;
    }

    public JsonObject? Get(string plural, string? @namespace, string name) => context.Store.Get(Resource(plural), @namespace, name);

    /// <summary>Asks for another reconcile when the first of these ready pods has been ready for minReadySeconds.</summary>
    public void WakeWhenAvailable(IEnumerable<JsonObject> pods, long minReadySeconds)
    {
        if (minReadySeconds <= 0)
        {
            return;
        }
        foreach (var pod in pods.Where(PodState.IsReady))
        {
            if (KubeTime.Parse((string?)PodState.Condition(pod, "Ready")?["lastTransitionTime"]) is { } since)
            {
                context.Wake(since.AddSeconds(minReadySeconds));
            }
        }
    }

    /// <summary>Asks for another reconcile at a cluster time (a deadline, a back-off ending).</summary>
    public void WakeAt(DateTimeOffset at) => context.Wake(at);

    public void Event(JsonObject involved, string reason, string message, string component, string type = "Normal") =>
        context.Events.Record(involved, type, reason, message, component, context.Now);

    /// <summary>A random suffix of five safe characters, from the cluster's seeded randomness.</summary>
    public string RandomSuffix() =>
        new(Enumerable.Range(0, 5).Select(_ => SafeAlphabet[context.Random.Next(SafeAlphabet.Length)]).ToArray());

    /// <summary>Creates an object as POST would; null when the name is taken or the namespace is terminating.</summary>
    public JsonObject? Create(string plural, JsonObject obj)
    {
        var resource = Resource(plural);
        var metadata = ObjectFields.Metadata(obj);
        var ns = (string?)metadata["namespace"];
        if (ns is not null && (Get("namespaces", null, ns) is not { } liveNamespace || ObjectFields.IsDeleting(liveNamespace)))
        {
            return null;
        }
        if (string.IsNullOrEmpty((string?)metadata["name"]))
        {
            var prefix = (string?)metadata["generateName"] ?? "";
            prefix = prefix.Length > 58 ? prefix[..58] : prefix;
            string name;
            do
            {
                name = prefix + RandomSuffix();
            }
            while (context.Store.Get(resource, ns, name) is not null);
            metadata["name"] = name;
        }
        if (context.Store.Get(resource, ns, (string)metadata["name"]!) is not null)
        {
            return null;
        }
        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = KubeTime.Format(Now);
        if (KindsWithGeneration.Contains(resource.Kind))
        {
            metadata["generation"] = 1;
        }
        obj.Remove("status");
        ObjectDefaults.Apply(resource.Kind, obj);
        if (resource.Kind == "Pod" && !AdmittedByLimitRanges(obj, ns))
        {
            return null;
        }
        return context.Store.Add(resource, obj);
    }

    /// <summary>
    /// The LimitRanger plugin, as for any client: the pod gets the defaults; a pod out of bounds is refused, and its
    /// controller records FailedCreate with the API server's message, as kube-controller-manager's controllers do.
    /// </summary>
    private bool AdmittedByLimitRanges(JsonObject pod, string? @namespace)
    {
        var limitRanges = List("limitranges", @namespace ?? "");
        LimitRanger.SetDefaults(pod, limitRanges);
        try
        {
            LimitRanger.Check(pod, limitRanges);
            return true;
        }
        catch (StatusError refused)
        {
            var owner = ObjectFields.ControllerReference(pod);
            var (plural, component) = (string?)owner?["kind"] switch
            {
                "ReplicaSet" => ("replicasets", "replicaset-controller"),
                "ReplicationController" => ("replicationcontrollers", "replication-controller"),
                "DaemonSet" => ("daemonsets", "daemonset-controller"),
                "Job" => ("jobs", "job-controller"),
                "StatefulSet" => ("statefulsets", "statefulset-controller"),
                _ => (null, null),
            };
            if (plural is not null && Get(plural, @namespace, (string?)owner!["name"] ?? "") is { } controller)
            {
                var message = plural == "statefulsets"
                    ? $"create Pod {ObjectFields.Name(pod)} in StatefulSet {ObjectFields.Name(controller)} failed error: {refused.Message}"
                    : $"Error creating: {refused.Message}";
                Event(controller, "FailedCreate", message, component!, "Warning");
            }
            return false;
        }
    }

    /// <summary>Writes a changed object (spec and metadata); a spec change counts a new generation.</summary>
    public JsonObject Update(string plural, JsonObject changed)
    {
        var resource = Resource(plural);
        var existing = context.Store.Get(resource, ObjectFields.Namespace(changed), ObjectFields.Name(changed))
                       ?? throw new InvalidOperationException($"{resource.Kind} {ObjectFields.Name(changed)} is gone.");
        if (KindsWithGeneration.Contains(resource.Kind) && !JsonNode.DeepEquals(existing["spec"], changed["spec"]))
        {
            ObjectFields.Metadata(changed)["generation"] = ObjectFields.Generation(existing) + 1;
        }
        return Write(resource, existing, changed);
    }

    /// <summary>Replaces the status only, as a PUT to the status subresource does.</summary>
    public JsonObject UpdateStatus(string plural, JsonObject obj, JsonObject status)
    {
        var resource = Resource(plural);
        var existing = context.Store.Get(resource, ObjectFields.Namespace(obj), ObjectFields.Name(obj))
                       ?? throw new InvalidOperationException($"{resource.Kind} {ObjectFields.Name(obj)} is gone.");
        var changed = existing.DeepClone().AsObject();
        changed["status"] = status.DeepClone();
        return Write(resource, existing, changed);
    }

    /// <summary>
    /// Deletes as DELETE would with the given propagation policy: a pod on a node terminates for its grace period,
    /// an object with finalizers (the policy's included) gets a deletionTimestamp, anything else goes at once.
    /// </summary>
    public void Delete(string plural, JsonObject obj, string propagationPolicy = "Background")
    {
        var resource = Resource(plural);
        var existing = context.Store.Get(resource, ObjectFields.Namespace(obj), ObjectFields.Name(obj));
        if (existing is null || ObjectFields.IsDeleting(existing))
        {
            return;
        }
        var metadata = ObjectFields.Metadata(existing);
        DeletionPropagation.AddFinalizer(resource.Kind, metadata, propagationPolicy);
        var grace = resource.Kind == "Pod" && !string.IsNullOrEmpty((string?)existing["spec"]?["nodeName"])
            ? ObjectFields.Long(existing["spec"]?["terminationGracePeriodSeconds"], 30)
            : 0;
        var hasFinalizers = metadata["finalizers"] is JsonArray { Count: > 0 };
        if (grace > 0 || hasFinalizers)
        {
            metadata["deletionTimestamp"] = KubeTime.Format(Now.AddSeconds(grace));
            metadata["deletionGracePeriodSeconds"] = grace;
            context.Store.Replace(resource, existing);
            return;
        }
        context.Store.Remove(resource, ObjectFields.Namespace(existing), ObjectFields.Name(existing));
    }

    private JsonObject Write(ResourceDefinition resource, JsonObject existing, JsonObject changed)
    {
        var existingCopy = existing.DeepClone().AsObject();
        ObjectFields.Metadata(existingCopy).Remove("resourceVersion");
        var changedCopy = changed.DeepClone().AsObject();
        ObjectFields.Metadata(changedCopy).Remove("resourceVersion");
        if (JsonNode.DeepEquals(existingCopy, changedCopy))
        {
            return existing;
        }
        var metadata = ObjectFields.Metadata(changed);
        if (metadata["deletionTimestamp"] is not null && metadata["finalizers"] is not JsonArray { Count: > 0 } && resource.Kind != "Pod")
        {
            return context.Store.Remove(resource, ObjectFields.Namespace(changed), ObjectFields.Name(changed)) ?? changed;
        }
        return context.Store.Replace(resource, changed);
    }
}

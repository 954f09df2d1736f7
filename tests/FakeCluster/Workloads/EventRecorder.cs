using System.Globalization;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads;

/// <summary>
/// Writes core/v1 Events as the real components do: about an object (involvedObject with its uid), from a component,
/// and counted: the same reason and message again bumps count and lastTimestamp instead of adding an event.
/// </summary>
public sealed class EventRecorder(ObjectStore store, IReadOnlyList<ResourceDefinition> resources)
{
    private readonly ResourceDefinition _events = resources.First(r => r.Plural == "events");
    private readonly Dictionary<(string? Uid, string Reason, string Message, string? FieldPath), (string Namespace, string Name)> _series = [];

    /// <summary>Records an event about <paramref name="involved"/> (a stored object) in its namespace.</summary>
    public void Record(JsonObject involved, string type, string reason, string message, string component, DateTimeOffset now, string? fieldPath = null)
    {
        var metadata = involved["metadata"]!;
        var @namespace = (string?)metadata["namespace"] ?? "default";
        var uid = (string?)metadata["uid"];
        var time = KubeTime.Format(now);
        lock (store.Gate)
        {
            // The series an event belongs to, found by key rather than by reading every event of the namespace.
            var series = (uid, reason, message, fieldPath);
            if (_series.TryGetValue(series, out var seen) && store.Get(_events, seen.Namespace, seen.Name) is { } again &&
                (string?)again["involvedObject"]?["uid"] == uid && (string?)again["reason"] == reason && (string?)again["message"] == message)
            {
                again["count"] = ((long?)again["count"] ?? 1) + 1;
                again["lastTimestamp"] = time;
                store.Replace(_events, again);
                return;
            }
            var involvedObject = new JsonObject
            {
                ["kind"] = (string?)involved["kind"],
                ["namespace"] = (string?)metadata["namespace"],
                ["name"] = (string?)metadata["name"],
                ["uid"] = uid,
                ["apiVersion"] = (string?)involved["apiVersion"],
                ["resourceVersion"] = (string?)metadata["resourceVersion"],
            };
            if (fieldPath is not null)
            {
                involvedObject["fieldPath"] = fieldPath;
            }
            var name = FreeName((string)metadata["name"]!, @namespace, now);
            _series[series] = (@namespace, name);
            store.Add(_events, new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = @namespace,
                    ["uid"] = Guid.NewGuid().ToString(),
                    ["creationTimestamp"] = time,
                },
                ["involvedObject"] = involvedObject,
                ["reason"] = reason,
                ["message"] = message,
                ["source"] = component == "kubelet"
                    ? new JsonObject { ["component"] = component, ["host"] = (string?)involved["spec"]?["nodeName"] }
                    : new JsonObject { ["component"] = component },
                ["firstTimestamp"] = time,
                ["lastTimestamp"] = time,
                ["count"] = 1,
                ["type"] = type,
                ["eventTime"] = null,
                ["reportingComponent"] = component,
                ["reportingInstance"] = "",
            });
        }
    }

    /// <summary>
    /// NAME.&lt;Unix time in nanoseconds, hex&gt;, as client-go names events. One reconcile pass is one instant, so
    /// several events about one object often share a time: a taken name moves on a nanosecond (a duplicate name
    /// would make the store throw and abort the reconciler mid-pass).
    /// </summary>
    private string FreeName(string involvedName, string @namespace, DateTimeOffset now)
    {
        var nanoseconds = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        while (true)
        {
            var name = $"{involvedName}.{nanoseconds.ToString("x", CultureInfo.InvariantCulture)}";
            if (store.Get(_events, @namespace, name) is null)
            {
                return name;
            }
            nanoseconds++;
        }
    }
}

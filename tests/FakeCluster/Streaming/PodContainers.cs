using System.Text.Json.Nodes;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Streaming;

/// <summary>Finds a pod's containers and their state the way the API server and kubelet do for streaming requests.</summary>
public static class PodContainers
{
    private static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];
    private static readonly string[] StatusLists = ["containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses"];

    /// <summary>
    /// The container a request targets: the named one, which must exist, or the only one. Worded as the API
    /// server's streamLocation words its 400s; a pod not yet bound to a node cannot be reached either.
    /// </summary>
    public static string Resolve(JsonObject pod, string? requested)
    {
        var podName = Name(pod);
        string container;
        if (requested is null)
        {
            var names = Names(pod, "containers");
            container = names.Count switch
            {
                1 => names[0],
                0 => throw StatusError.BadRequest($"a container name must be specified for pod {podName}"),
                _ => throw StatusError.BadRequest(ChooseOne(pod, podName, names)),
            };
        }
        else
        {
            container = Spec(pod, requested) is null
                ? throw StatusError.BadRequest($"container {requested} is not valid for pod {podName}")
                : requested;
        }
        RequireNode(pod);
        return container;
    }

    public static void RequireNode(JsonObject pod)
    {
        if (string.IsNullOrEmpty((string?)pod["spec"]?["nodeName"]))
        {
            throw StatusError.BadRequest($"pod {Name(pod)} does not have a host assigned");
        }
    }

    /// <summary>The spec of a regular, init or ephemeral container by name.</summary>
    public static JsonObject? Spec(JsonObject pod, string name) =>
        ContainerLists
            .SelectMany(list => pod["spec"]?[list] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(c => (string?)c["name"] == name);

    /// <summary>Whether the pod's status reports the container running: the kubelet only streams into running containers.</summary>
    public static bool IsRunning(JsonObject pod, string name) =>
        StatusLists
            .SelectMany(list => pod["status"]?[list] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Any(s => (string?)s["name"] == name && s["state"]?["running"] is JsonObject);

    /// <summary>
    /// The running instance's ID from the status (containerd://...), which keys its file system; a pod without one (no
    /// kubelet to report it) is keyed by its UID and the container name.
    /// </summary>
    public static string InstanceKey(JsonObject pod, string name) =>
        StatusLists
            .SelectMany(list => pod["status"]?[list] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(s => (string?)s["name"] == name)
            .Select(s => (string?)s["containerID"])
            .FirstOrDefault(id => !string.IsNullOrEmpty(id))
        ?? $"{(string?)pod["metadata"]?["uid"]}/{name}";

    /// <summary>Whether any container runs, i.e. the pod's sandbox is up for port forwarding.</summary>
    public static bool AnyRunning(JsonObject pod) =>
        ContainerLists
            .SelectMany(list => pod["spec"]?[list] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Any(c => IsRunning(pod, (string?)c["name"] ?? ""));

    public static string Name(JsonObject pod) => (string?)pod["metadata"]?["name"] ?? "";

    private static string ChooseOne(JsonObject pod, string podName, IReadOnlyList<string> names)
    {
        var message = $"a container name must be specified for pod {podName}, choose one of: [{string.Join(' ', names)}]";
        var initNames = Names(pod, "initContainers");
        return initNames.Count > 0 ? message + $" or one of the init containers: [{string.Join(' ', initNames)}]" : message;
    }

    private static List<string> Names(JsonObject pod, string list) =>
        (pod["spec"]?[list] as JsonArray ?? []).Select(c => (string?)c?["name"] ?? "").ToList();
}

using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// What a process inside one container sees: hostname, environment, image and a few files. Images are treated as
/// busybox-based (alpine-like root, busybox applets; see ContainerFileSystem); kuard images also have /kuard and serve HTTP on 8080.
/// </summary>
public sealed class ContainerFacts
{
    /// <param name="podIp">The pod's address when the kubelet knows it before the status says it.</param>
    public ContainerFacts(JsonObject pod, string container, bool tty, string? podIp = null)
    {
        var spec = PodContainers.Spec(pod, container) ?? new JsonObject();
        PodName = PodContainers.Name(pod);
        Namespace = (string?)pod["metadata"]?["namespace"] ?? "default";
        PodUid = (string?)pod["metadata"]?["uid"] ?? "";
        Container = container;
        Image = (string?)spec["image"] ?? "";
        Hostname = (string?)pod["spec"]?["hostname"] ?? PodName;
        PodIp = podIp ?? (string?)pod["status"]?["podIP"];
        Environment = BuildEnvironment(pod, spec, tty);
    }

    public string PodName { get; }
    public string Namespace { get; }
    public string PodUid { get; }
    public string Container { get; }
    public string Image { get; }
    public string Hostname { get; }
    public string? PodIp { get; }

    /// <summary>Name=value pairs in the order `env` prints them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; }

    public bool IsKuard => IsKuardImage(Image);

    public static bool IsKuardImage(string image) => image.Contains("kuard", StringComparison.OrdinalIgnoreCase);

    /// <summary>The files the image and the kubelet put in /etc, by path.</summary>
    public IEnumerable<(string Path, string Content)> ImageFiles()
    {
        yield return ("/etc/hostname", Hostname + "\n");
        yield return ("/etc/hosts", "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n" +
                                    (PodIp is null ? "" : $"{PodIp}\t{Hostname}\n"));
        yield return ("/etc/resolv.conf", $"search {Namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
        yield return ("/etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n");
    }

    private List<KeyValuePair<string, string>> BuildEnvironment(JsonObject pod, JsonObject spec, bool tty)
    {
        var env = new List<KeyValuePair<string, string>>
        {
            new("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
            new("HOSTNAME", Hostname),
        };
        if (tty)
        {
            env.Add(new("TERM", "xterm"));
        }
        foreach (var variable in (spec["env"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((string?)variable["name"] is { } name && ValueOf(pod, variable) is { } value)
            {
                env.Add(new(name, value));
            }
        }
        // The service links of the default `kubernetes` service, which every pod gets.
        env.AddRange(
        [
            new("KUBERNETES_PORT", "tcp://10.96.0.1:443"),
            new("KUBERNETES_PORT_443_TCP", "tcp://10.96.0.1:443"),
            new("KUBERNETES_PORT_443_TCP_ADDR", "10.96.0.1"),
            new("KUBERNETES_PORT_443_TCP_PORT", "443"),
            new("KUBERNETES_PORT_443_TCP_PROTO", "tcp"),
            new("KUBERNETES_SERVICE_HOST", "10.96.0.1"),
            new("KUBERNETES_SERVICE_PORT", "443"),
            new("KUBERNETES_SERVICE_PORT_HTTPS", "443"),
            new("HOME", "/root"),
        ]);
        return env;
    }

    // Literal values and the common downward-API fields; config map and secret references are not resolved.
    private static string? ValueOf(JsonObject pod, JsonObject variable)
    {
        if (variable["valueFrom"]?["fieldRef"]?["fieldPath"] is JsonValue fieldPath)
        {
            return (string?)fieldPath switch
            {
                "metadata.name" => (string?)pod["metadata"]?["name"],
                "metadata.namespace" => (string?)pod["metadata"]?["namespace"],
                "metadata.uid" => (string?)pod["metadata"]?["uid"],
                "spec.nodeName" => (string?)pod["spec"]?["nodeName"],
                "spec.serviceAccountName" => (string?)pod["spec"]?["serviceAccountName"],
                "status.podIP" => (string?)pod["status"]?["podIP"],
                "status.hostIP" => (string?)pod["status"]?["hostIP"],
                _ => null,
            };
        }
        return variable["valueFrom"] is null ? (string?)variable["value"] ?? "" : null;
    }
}

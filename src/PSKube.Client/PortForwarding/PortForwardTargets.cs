using System.Globalization;
using PSKube.Client.Models;
using PSKube.Client.Queries;
using PSKube.Client.Resources;

namespace PSKube.Client.PortForwarding;

/// <summary>
/// Turns what the user names into the pod and container port to forward to, as kubectl port-forward does: a pod is
/// itself and must be running; a service forwards to a running pod it selects, its port translated to the target port
/// (a named target port looked up among that pod's container ports); a deployment, replica set, stateful set, daemon
/// set or job forwards to one of its running pods. A named remote port of a pod is one of its container ports.
/// </summary>
public static class PortForwardTargets
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    private static readonly string[] ForwardableKinds = ["Pod", "Service", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"];

    /// <summary>
    /// Reads what kubectl port-forward takes: a pod's name, or TYPE/NAME (pod/x, svc/x, deploy/x, rs/x, sts/x, ds/x,
    /// job/x), and gets that object.
    /// </summary>
    /// <exception cref="KubePortForwardException">A type that has no pods to forward to.</exception>
    public static async Task<KubeObject> FindAsync(KubeClient client, string text, string @namespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var resource = slash < 0 ? Pods : BuiltInResources.Find(text[..slash]);
        if (resource is null || !ForwardableKinds.Contains(resource.Kind))
        {
            throw new KubePortForwardException("NotForwardable", $"Cannot forward ports to '{text}': name a pod, or TYPE/NAME for a pod, service, deployment, replica set, stateful set, daemon set or job (svc/web, deploy/web).");
        }
        return await client.GetResourceAsync(resource, @namespace, text[(slash + 1)..], cancellationToken);
    }

    /// <summary>The endpoint and the local port to listen on (0: any free port).</summary>
    /// <exception cref="KubePortForwardException">No running pod, or a port that does not resolve.</exception>
    public static async Task<(PortForwardEndpoint Endpoint, int LocalPort)> ResolveAsync(KubeClient client, KubeObject target, PortMapping mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(mapping);
        var @namespace = target.Namespace ?? client.DefaultNamespace;
        if (target is Pod named)
        {
            var pod = await client.GetAsync<Pod>(Pods, @namespace, named.Name ?? "", cancellationToken);
            if (pod.PodStatus?.Phase != "Running" || pod.Metadata?.DeletionTimestamp is not null)
            {
                throw new KubePortForwardException("PodNotRunning", $"Unable to forward port because pod {pod.Name} is not running (its phase is {pod.PodStatus?.Phase ?? "unknown"}{(pod.Metadata?.DeletionTimestamp is null ? "" : ", and it is being deleted")}). Wait until it runs (Wait-KubePod), or forward to its deployment or service.");
            }
            var remote = ContainerPort(pod, mapping.Remote);
            return (new PortForwardEndpoint(@namespace, pod.Name ?? "", remote), mapping.LocalPort ?? remote);
        }

        var chosen = await RunningPodOfAsync(client, target, cancellationToken);
        if (target is Service service)
        {
            var servicePort = ServicePortOf(service, mapping.Remote);
            var targetPort = servicePort.TargetPort switch
            {
                null => servicePort.Port ?? 0,
                { IsString: true } name => ContainerPort(chosen, name.StringValue!),
                { IntValue: 0 } => servicePort.Port ?? 0,
                { } number => number.IntValue,
            };
            return (new PortForwardEndpoint(@namespace, chosen.Name ?? "", targetPort), mapping.LocalPort ?? servicePort.Port ?? targetPort);
        }
        var port = ContainerPort(chosen, mapping.Remote);
        return (new PortForwardEndpoint(@namespace, chosen.Name ?? "", port), mapping.LocalPort ?? port);
    }

    /// <summary>Why the endpoint's pod can no longer take connections (deleted, being deleted, not running), or null when it can.</summary>
    public static async Task<string?> WhyUnreachableAsync(KubeClient client, PortForwardEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(endpoint);
        var pod = await client.FindAsync<Pod>(Pods, endpoint.Namespace, endpoint.Pod, cancellationToken);
        return pod switch
        {
            null => $"Pod {endpoint.Pod} was deleted",
            { Metadata.DeletionTimestamp: not null } => $"Pod {endpoint.Pod} is being deleted",
            { PodStatus.Phase: not "Running" } => $"Pod {endpoint.Pod} is no longer running (its phase is {pod.PodStatus?.Phase ?? "unknown"})",
            _ => null,
        };
    }

    /// <summary>The most serviceable running pod of a service or workload: ready before not ready, fewer restarts, then the oldest.</summary>
    private static async Task<Pod> RunningPodOfAsync(KubeClient client, KubeObject owner, CancellationToken cancellationToken)
    {
        if (!ForwardableKinds.Contains(owner.Kind ?? owner.GetType().Name) || owner is Pod)
        {
            throw new KubePortForwardException("NotForwardable", $"Cannot forward ports to a {owner.Kind ?? owner.GetType().Name}: name a pod, a service, or a deployment, replica set, stateful set, daemon set or job.");
        }
        var query = PodsOf.Query(owner);
        var pods = query.SelectsNothing ? [] : (await client.ListAllAsync<Pod>(Pods, query.Namespace ?? client.DefaultNamespace, query.Options, cancellationToken)).Items;
        var running = pods
            .Where(p => p.PodStatus?.Phase == "Running" && p.Metadata?.DeletionTimestamp is null)
            .OrderByDescending(p => p.Ready)
            .ThenBy(p => p.Restarts)
            .ThenBy(p => p.Created ?? DateTimeOffset.MaxValue)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return running ?? throw new KubePortForwardException("NoRunningPod", $"{owner.Kind} {owner.Name} has no running pod to forward to ({pods.Count} pod(s) selected). Wait until one runs, then try again.");
    }

    private static ServicePort ServicePortOf(Service service, string remote)
    {
        var ports = service.Spec?.Ports ?? [];
        var number = int.TryParse(remote, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return ports.FirstOrDefault(p => number is null ? p.Name == remote : p.Port == number)
               ?? throw new KubePortForwardException("ServicePortNotFound", $"Service {service.Name} does not have a service port {(number is null ? $"named '{remote}'" : remote)}; its ports are {Describe(ports.Select(p => p.Name is { Length: > 0 } name ? $"{p.Port} ({name})" : $"{p.Port}"))}.");
    }

    private static int ContainerPort(Pod pod, string remote)
    {
        if (int.TryParse(remote, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        var declared = (pod.Spec?.Containers ?? []).SelectMany(c => c.Ports ?? []).ToList();
        return declared.FirstOrDefault(p => p.Name == remote && (p.Protocol ?? "TCP") == "TCP")?.ContainerPortValue
               ?? throw new KubePortForwardException("ContainerPortNotFound", $"Pod {pod.Name} does not have a named port '{remote}'; its named ports are {Describe(declared.Where(p => p.Name is { Length: > 0 }).Select(p => $"{p.Name} ({p.ContainerPortValue})"))}.");
    }

    private static string Describe(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}

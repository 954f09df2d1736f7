using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Queries;
using PSKube.Client.Resources;
using PSKube.Client.Selectors;
using PSKube.Client.Transport;

namespace PSKube.Client.Describing;

/// <summary>
/// kubectl describe for pods, deployments, replica sets, stateful sets, daemon sets, jobs, cron jobs, services, nodes,
/// namespaces and limit ranges. Each description is built from the object and what describe shows about it (events, a deployment's
/// replica sets, a controller's pods, a node's pods, a service's endpoints, a namespace's quotas and limit ranges).
/// One object is described with requests narrowed to it, as kubectl does; many with one list per related kind,
/// matched here.
/// </summary>
public static class Describer
{
    /// <summary>The resource types (plurals) that can be described.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["pods", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "services", "nodes", "namespaces", "limitranges"];

    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;
    private static readonly ResourceDefinition ReplicaSets = BuiltInResources.Find("replicasets")!;
    private static readonly ResourceDefinition EndpointsResource = BuiltInResources.Find("endpoints")!;
    private static readonly ResourceDefinition Quotas = BuiltInResources.Find("resourcequotas")!;
    private static readonly ResourceDefinition LimitRanges = BuiltInResources.Find("limitranges")!;
    private static readonly ResourceDefinition Events = BuiltInResources.Find("events")!;

    /// <summary>Whether objects of <paramref name="resource"/> can be described.</summary>
    public static bool CanDescribe(ResourceDefinition resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Kinds.Contains(resource.Plural) && BuiltInResources.Find(resource.Plural) is { } builtIn && builtIn.Group == resource.Group;
    }

    /// <summary>Descriptions of <paramref name="objects"/> (any of the kinds in <see cref="Kinds"/>), in the order given.</summary>
    /// <param name="now">When ages are measured to; the server's clock when omitted.</param>
    public static async Task<IReadOnlyList<KubeDescription>> DescribeAsync(KubeClient client, IReadOnlyList<KubeObject> objects, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(objects);
        var described = new Dictionary<KubeObject, KubeDescription>(ReferenceEqualityComparer.Instance);
        foreach (var kind in objects.GroupBy(o => o.GetType()))
        {
            var batch = kind.ToList();
            var at = now ?? batch[0].Now;
            var descriptions = batch[0] switch
            {
                Pod => await DescribePodsAsync(client, batch.Cast<Pod>().ToList(), at, cancellationToken),
                Deployment => await DescribeDeploymentsAsync(client, batch.Cast<Deployment>().ToList(), at, cancellationToken),
                ReplicaSet or StatefulSet or DaemonSet => await DescribeControllersAsync(client, batch, at, cancellationToken),
                Job or CronJob => await DescribeJobsAsync(client, batch, at, cancellationToken),
                Service => await DescribeServicesAsync(client, batch.Cast<Service>().ToList(), at, cancellationToken),
                Node => await DescribeNodesAsync(client, batch.Cast<Node>().ToList(), at, cancellationToken),
                Namespace => await DescribeNamespacesAsync(client, batch.Cast<Namespace>().ToList(), cancellationToken),
                LimitRange => batch.Select(l => (KubeDescription)new LimitRangeDescription((LimitRange)l)).ToList(),
                _ => throw new ArgumentException($"{batch[0].Kind ?? batch[0].GetType().Name} objects cannot be described; describe covers {string.Join(", ", Kinds)}.", nameof(objects)),
            };
            for (var index = 0; index < batch.Count; index++)
            {
                described[batch[index]] = descriptions[index];
            }
        }
        return objects.Select(o => described[o]).ToList();
    }

    private static async Task<IReadOnlyList<KubeDescription>> DescribePodsAsync(KubeClient client, IReadOnlyList<Pod> pods, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await EventsAboutAsync(client, pods, cancellationToken);
        return pods.Select(pod => (KubeDescription)new PodDescription(pod, events(pod), now)).ToList();
    }

    private static async Task<IReadOnlyList<KubeDescription>> DescribeDeploymentsAsync(KubeClient client, IReadOnlyList<Deployment> deployments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await EventsAboutAsync(client, deployments, cancellationToken);
        var selector = deployments.Count == 1 ? SelectorOf(deployments[0]) : null;
        var replicaSets = await ListAsync<ReplicaSet>(client, ReplicaSets, ScopeOf(deployments), new ListOptions { LabelSelector = selector }, cancellationToken);
        return deployments.Select(d => (KubeDescription)new DeploymentDescription(d, ControlledBy(replicaSets, d), events(d), now)).ToList();
    }

    // Replica sets, stateful sets and daemon sets show their pods by phase.
    private static async Task<IReadOnlyList<KubeDescription>> DescribeControllersAsync(KubeClient client, IReadOnlyList<KubeObject> controllers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await EventsAboutAsync(client, controllers, cancellationToken);
        var selector = controllers.Count == 1 ? SelectorOf(controllers[0]) : null;
        var pods = await ListAsync<Pod>(client, Pods, ScopeOf(controllers), new ListOptions { LabelSelector = selector }, cancellationToken);
        return controllers.Select(controller => (KubeDescription)(controller switch
        {
            ReplicaSet rs => new ReplicaSetDescription(rs, ControlledBy(pods, rs), events(rs), now),
            StatefulSet sts => new StatefulSetDescription(sts, ControlledBy(pods, sts), events(sts), now),
            DaemonSet ds => new DaemonSetDescription(ds, ControlledBy(pods, ds), events(ds), now),
            _ => throw new ArgumentException("Not a pod controller.", nameof(controllers)),
        })).ToList();
    }

    private static async Task<IReadOnlyList<KubeDescription>> DescribeJobsAsync(KubeClient client, IReadOnlyList<KubeObject> jobs, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await EventsAboutAsync(client, jobs, cancellationToken);
        return jobs.Select(job => job is CronJob cronJob
            ? (KubeDescription)new CronJobDescription(cronJob, events(cronJob), now)
            : new JobDescription((Job)job, events(job), now)).ToList();
    }

    private static async Task<IReadOnlyList<KubeDescription>> DescribeServicesAsync(KubeClient client, IReadOnlyList<Service> services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await EventsAboutAsync(client, services, cancellationToken);
        IReadOnlyList<Endpoints> endpoints;
        if (services.Count == 1)
        {
            try
            {
                endpoints = [await client.GetAsync<Endpoints>(EndpointsResource, services[0].Namespace, services[0].Name ?? "", cancellationToken)];
            }
            catch (KubeApiException e) when (e.IsNotFound)
            {
                endpoints = [];
            }
        }
        else
        {
            endpoints = await ListAsync<Endpoints>(client, EndpointsResource, ScopeOf(services), new ListOptions(), cancellationToken);
        }
        return services.Select(service => (KubeDescription)new ServiceDescription(service,
            endpoints.FirstOrDefault(e => e.Namespace == service.Namespace && e.Name == service.Name), events(service), now)).ToList();
    }

    private static async Task<IReadOnlyList<KubeDescription>> DescribeNodesAsync(KubeClient client, IReadOnlyList<Node> nodes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var events = await EventsAboutAsync(client, nodes, cancellationToken);
        // The pods that hold resources on a node: every one that has not ended.
        var fields = "status.phase!=Succeeded,status.phase!=Failed"
            + (nodes.Count == 1 ? ",spec.nodeName=" + FieldSelector.EscapeValue(nodes[0].Name ?? "") : "");
        var pods = await ListAsync<Pod>(client, Pods, null, new ListOptions { FieldSelector = fields }, cancellationToken);
        return nodes.Select(node => (KubeDescription)new NodeDescription(node, pods.Where(p => p.Spec?.NodeName == node.Name).ToList(), events(node), now)).ToList();
    }

    private static async Task<IReadOnlyList<KubeDescription>> DescribeNamespacesAsync(KubeClient client, IReadOnlyList<Namespace> namespaces, CancellationToken cancellationToken)
    {
        var scope = namespaces.Count == 1 ? namespaces[0].Name : null;
        var quotas = await ListAsync<ResourceQuota>(client, Quotas, scope, new ListOptions(), cancellationToken);
        var limitRanges = await ListAsync<LimitRange>(client, LimitRanges, scope, new ListOptions(), cancellationToken);
        return namespaces.Select(ns => (KubeDescription)new NamespaceDescription(ns,
            quotas.Where(q => q.Namespace == ns.Name).ToList(), limitRanges.Where(l => l.Namespace == ns.Name).ToList())).ToList();
    }

    /// <summary>
    /// The events about each object, oldest first: for one object those its fields select, as kubectl describe asks;
    /// for many, one list of the events about objects of that kind, matched by uid. A node's events name it by uid or,
    /// from the kubelet, by name.
    /// </summary>
    private static async Task<Func<KubeObject, IReadOnlyList<Event>>> EventsAboutAsync(KubeClient client, IReadOnlyList<KubeObject> objects, CancellationToken cancellationToken)
    {
        var kind = objects[0].Kind ?? "";
        var fields = new List<string> { "involvedObject.kind=" + FieldSelector.EscapeValue(kind) };
        string? scope;
        if (objects.Count == 1)
        {
            var only = objects[0];
            fields.Add("involvedObject.name=" + FieldSelector.EscapeValue(only.Name ?? ""));
            fields.Add("involvedObject.namespace=" + FieldSelector.EscapeValue(only.Namespace ?? ""));
            if (only is not Node && !string.IsNullOrEmpty(only.Metadata?.Uid))
            {
                fields.Add("involvedObject.uid=" + FieldSelector.EscapeValue(only.Metadata.Uid));
            }
            scope = string.IsNullOrEmpty(only.Namespace) ? null : only.Namespace;
        }
        else
        {
            scope = ScopeOf(objects);
        }
        var events = await ListAsync<Event>(client, Events, scope, new ListOptions { FieldSelector = string.Join(',', fields) }, cancellationToken);
        return obj => EventsOf.Ordered(events.Where(e => IsAbout(e, obj)));
    }

    private static bool IsAbout(Event @event, KubeObject obj)
    {
        var involved = @event.InvolvedObject;
        if (involved is null || involved.Name != obj.Name || (involved.Namespace ?? "") != (obj.Namespace ?? ""))
        {
            return false;
        }
        var uid = obj.Metadata?.Uid;
        return string.IsNullOrEmpty(involved.Uid) || string.IsNullOrEmpty(uid) || involved.Uid == uid || (obj is Node && involved.Uid == obj.Name);
    }

    // The one namespace all the objects are in; null (every namespace) when they are in several, or cluster-scoped.
    private static string? ScopeOf(IReadOnlyList<KubeObject> objects)
    {
        var namespaces = objects.Select(o => o.Namespace ?? "").Distinct(StringComparer.Ordinal).ToList();
        return namespaces is [{ Length: > 0 } only] ? only : null;
    }

    private static string? SelectorOf(KubeObject workload)
    {
        var selector = workload switch
        {
            Deployment d => d.Spec?.Selector,
            ReplicaSet rs => rs.Spec?.Selector,
            StatefulSet sts => sts.Spec?.Selector,
            DaemonSet ds => ds.Spec?.Selector,
            _ => null,
        };
        var text = PodsOf.Selector(selector).ToString();
        return text.Length == 0 ? null : text;
    }

    // The objects whose controller is the owner (by uid), in list order.
    private static List<T> ControlledBy<T>(IEnumerable<T> objects, KubeObject owner)
        where T : KubeObject =>
        objects.Where(o => o.Metadata?.OwnerReferences?.Any(r => r.Controller == true && r.Uid == owner.Metadata?.Uid) == true).ToList();

    private static async Task<IReadOnlyList<T>> ListAsync<T>(KubeClient client, ResourceDefinition resource, string? @namespace, ListOptions options, CancellationToken cancellationToken)
        where T : KubeObject =>
        (await client.ListAllAsync<T>(resource, @namespace, options, cancellationToken)).Items;
}

namespace PSKube.FakeCluster;

/// <summary>How to start a fake cluster.</summary>
public sealed class FakeClusterOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How many times faster than real time the cluster's clock runs.</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Where to write the kubeconfig for this cluster; null writes none.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>Bearer tokens the server accepts, mapped to user names. The kubeconfig's token user is added to these.</summary>
    public IDictionary<string, string> Tokens { get; init; } = new Dictionary<string, string>();

    /// <summary>user -> password pairs accepted with HTTP Basic authentication.</summary>
    public IDictionary<string, string> BasicUsers { get; init; } = new Dictionary<string, string>();

    /// <summary>How many watch events the server remembers; watching from an older resourceVersion is 410 Expired.</summary>
    public int WatchHistory { get; init; } = 1000;

    /// <summary>Resource types served besides the built-in ones, as custom resource definitions would add them.</summary>
    public IReadOnlyList<PSKube.Client.Resources.ResourceDefinition> ExtraResources { get; init; } = [];

    /// <summary>Seeds the cluster's randomness (exit codes of $RANDOM, generated names) so runs can be repeated; null picks one.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>
    /// Whether the simulated kubelet runs pods (on by default). Tests that play the kubelet themselves, writing pod
    /// status directly, turn it off.
    /// </summary>
    public bool SimulateKubelet { get; init; } = true;

    /// <summary>
    /// Whether the cluster serves metrics.k8s.io as metrics-server does (on by default); off, kubectl top and
    /// Get-KubeTop find no metrics API, as on a cluster without metrics-server.
    /// </summary>
    public bool ServeMetrics { get; init; } = true;

    /// <summary>
    /// Whether HTTP/2 is offered (ALPN h2) besides HTTP/1.1, as the API server offers it (on by default); off, the
    /// cluster speaks HTTP/1.1 only, as behind a proxy or load balancer that refuses HTTP/2.
    /// </summary>
    public bool Http2 { get; init; } = true;

    /// <summary>How many streams one HTTP/2 connection may carry at once: the API server's default, 250.</summary>
    public int Http2MaxConcurrentStreams { get; init; } = 250;

    /// <summary>
    /// How many nodes the cluster has (fake-node-1 to fake-node-N, the first the control plane), each with 4 CPUs,
    /// 16Gi of memory, room for 110 pods and its own /24 of pod IPs from 10.244.0.0/16.
    /// </summary>
    public int Nodes { get; init; } = 1;

    /// <summary>How long an event lives after its last write, in cluster time: the API server's --event-ttl, 1h by default.</summary>
    public TimeSpan EventTimeToLive { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long (real time) the first byte of an exec or attach waits after the connection is upgraded: on a real
    /// cluster the API server dials the kubelet and the runtime starts the process meanwhile, tens to hundreds of
    /// milliseconds. kubectl before 1.34 drops frames that arrive before it has set up its streams (client-go
    /// 3379d5a), so a fake that answered at once would lose kubectl's output now and then.
    /// </summary>
    public TimeSpan ProcessStartDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often (real time) an idle watch gets a BOOKMARK when it asked for them.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(1);
}

using PSKube.Client.Models;

namespace PSKube.Client.Logs;

/// <summary>Which pods and containers a <see cref="LogFanIn"/> reads, and how.</summary>
public sealed record LogFanInOptions
{
    /// <summary>The namespace of <see cref="PodNames"/> and <see cref="LabelSelector"/>; null takes the client's default.</summary>
    public string? Namespace { get; init; }

    /// <summary>With <see cref="LabelSelector"/>: look in every namespace (kubectl -A).</summary>
    public bool AllNamespaces { get; init; }

    /// <summary>The pods with these labels; with Follow, pods that appear later join and pods deleted leave.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>
    /// Objects whose pods to read, as <see cref="Queries.PodsOf"/> finds them (a Deployment's, ReplicaSet's,
    /// StatefulSet's or Job's selector, in the object's namespace); with Follow, their new pods join. Pods by name or
    /// object may come with them.
    /// </summary>
    public IReadOnlyList<KubeObject> Owners { get; init; } = [];

    /// <summary>Pods by name, in <see cref="Namespace"/>.</summary>
    public IReadOnlyList<string> PodNames { get; init; } = [];

    /// <summary>Pods as objects (their own namespace, else <see cref="Namespace"/>); they are read again for a current status.</summary>
    public IReadOnlyList<Pod> Pods { get; init; } = [];

    /// <summary>Every container of each pod, init and ephemeral ones too (kubectl --all-containers).</summary>
    public bool AllContainers { get; init; }

    /// <summary>
    /// The log options; <see cref="PodLogOptions.Container"/> names the container in every pod (else the pod's
    /// default-container annotation, else its first container). With a selector or owners, TailLines defaults to 10;
    /// <see cref="LogFanIn.AllLines"/> (-1) reads every line all the same.
    /// </summary>
    public PodLogOptions Log { get; init; } = new();

    /// <summary>
    /// At most this many log requests at once (kubectl --max-log-requests); following, a pod whose streams would go
    /// over it is reported and not followed. 50 by default, stern's limit when following.
    /// </summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>
    /// Following: hears of each reconnect of a log stream or pod watch and of long outages, and bounds how long
    /// reconnecting may fail (a TLS or authentication failure ends a stream at once).
    /// </summary>
    public Transport.StreamHealthOptions? Health { get; init; }

    /// <summary>How many logs are read or followed at once unless told otherwise (stern's default when following).</summary>
    public const int DefaultMaxConcurrency = 50;

    /// <summary>
    /// Checks how the logs are to be read, not which pods (an <see cref="ArgumentException"/> says what to change), so
    /// a caller can refuse bad options before it looks for the pods; <see cref="LogFanIn"/> checks everything.
    /// </summary>
    public void ValidateReading()
    {
        (Log.TailLines == LogFanIn.AllLines ? Log with { TailLines = null } : Log).Validate();
        if (AllContainers && Log.Container is not null)
        {
            throw new ArgumentException("Give either a container name or AllContainers, not both.");
        }
        if (MaxConcurrency < 1)
        {
            throw new ArgumentException($"MaxConcurrency must be 1 or more, not {MaxConcurrency}.");
        }
    }
}

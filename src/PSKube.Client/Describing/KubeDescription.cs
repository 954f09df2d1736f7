using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>
/// What kubectl describe shows about one object, as typed sections for scripts (<see cref="Labels"/>,
/// <see cref="Events"/>, and each kind's own), with the text kubectl describe prints in <see cref="Text"/>, which is
/// also what <see cref="ToString"/> gives and what PowerShell shows.
/// </summary>
public abstract class KubeDescription
{
    private protected KubeDescription(KubeObject obj, IReadOnlyList<Event> events)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Object = obj;
        Events = events;
    }

    /// <summary>The described object as read from the server.</summary>
    public KubeObject Object { get; }

    public string? Kind => Object.Kind;

    public string? Name => Object.Name;

    /// <summary>The object's namespace; empty for nodes and namespaces.</summary>
    public string? Namespace => Object.Namespace;

    public IReadOnlyDictionary<string, string> Labels => Object.Metadata?.Labels ?? [];

    public IReadOnlyDictionary<string, string> Annotations => Object.Metadata?.Annotations ?? [];

    /// <summary>The events about the object, oldest first.</summary>
    public IReadOnlyList<Event> Events { get; }

    /// <summary>The text kubectl describe prints, section by section, ages as of when it was described.</summary>
    public string Text { get; private protected set; } = "";

    public override string ToString() => Text;
}

/// <summary>A condition as describe lists it (pods, workloads, nodes, namespaces): type, status, and why.</summary>
public sealed record DescribedCondition(string Type, string Status, string? Reason, string? Message, DateTimeOffset? LastTransitionTime, DateTimeOffset? LastHeartbeatTime = null);

/// <summary>How many of a controller's pods are in each phase (describe's Pods Status line).</summary>
public sealed record PodPhaseCounts(int Running, int Waiting, int Succeeded, int Failed)
{
    internal static PodPhaseCounts Of(IEnumerable<Pod> pods)
    {
        var phases = pods.Select(p => p.PodStatus?.Phase).ToList();
        return new PodPhaseCounts(phases.Count(p => p == "Running"), phases.Count(p => p == "Pending"),
            phases.Count(p => p == "Succeeded"), phases.Count(p => p == "Failed"));
    }

    public override string ToString() => $"{Running} Running / {Waiting} Waiting / {Succeeded} Succeeded / {Failed} Failed";
}

using PSKube.Client.Models;

namespace PSKube.Client.Logs;

/// <summary>kubectl's client-side rules for which containers of a pod to read, and when a container has a log.</summary>
internal static class PodContainers
{
    public const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    /// <summary>
    /// The named container, or every container (init, regular, ephemeral, in that order), or the one the
    /// default-container annotation names, else the first. A name the pod lacks is an error for this pod only.
    /// </summary>
    public static IReadOnlyList<string> Select(Pod pod, string? named, bool all)
    {
        var containers = Names(pod.Spec?.Containers?.Select(c => c.Name));
        var init = Names(pod.Spec?.InitContainers?.Select(c => c.Name));
        var ephemeral = Names(pod.Spec?.EphemeralContainers?.Select(c => c.Name));
        if (all)
        {
            return [.. init, .. containers, .. ephemeral];
        }
        if (named is not null)
        {
            return containers.Contains(named) || init.Contains(named) || ephemeral.Contains(named)
                ? [named]
                : throw new InvalidOperationException($"container {named} is not valid for pod {pod.Name}; it has: {string.Join(", ", [.. init, .. containers, .. ephemeral])}");
        }
        if (pod.Metadata?.Annotations?.GetValueOrDefault(DefaultContainerAnnotation) is { } annotated && containers.Contains(annotated))
        {
            return [annotated];
        }
        return containers.Count > 0 ? [containers[0]] : throw new InvalidOperationException($"pod {pod.Name} has no containers");
    }

    /// <summary>
    /// kubectl's notice when it picks the first container for the user (none named, not every container, no usable
    /// default-container annotation) of a pod that has others: <c>Defaulted container "a" out of: a, b, setup (init)</c>,
    /// listing containers, then ephemeral ones, then init ones. Null when there is nothing to say.
    /// </summary>
    public static string? DefaultedNotice(Pod pod, string? named, bool all)
    {
        var containers = Names(pod.Spec?.Containers?.Select(c => c.Name));
        var init = Names(pod.Spec?.InitContainers?.Select(c => c.Name));
        var ephemeral = Names(pod.Spec?.EphemeralContainers?.Select(c => c.Name));
        var annotated = pod.Metadata?.Annotations?.GetValueOrDefault(DefaultContainerAnnotation);
        if (all || named is not null || containers.Count == 0 || (annotated is not null && containers.Contains(annotated))
            || containers.Count + init.Count + ephemeral.Count == 1)
        {
            return null;
        }
        var listed = containers.Concat(ephemeral.Select(n => n + " (ephem)")).Concat(init.Select(n => n + " (init)"));
        return $"Defaulted container \"{containers[0]}\" out of: {string.Join(", ", listed)}";
    }

    /// <summary>
    /// The container instance whose log the kubelet serves now: the running one, else the one that ended, else
    /// the last terminated one (while waiting to restart); null while the container has never run.
    /// </summary>
    public static string? LoggableInstance(Pod pod, string container)
    {
        var status = new[] { pod.PodStatus?.ContainerStatuses, pod.PodStatus?.InitContainerStatuses, pod.PodStatus?.EphemeralContainerStatuses }
            .SelectMany(list => list ?? [])
            .FirstOrDefault(s => s.Name == container);
        var id = status?.State switch
        {
            { Running: not null } => status.ContainerID,
            { Terminated: { } terminated } => terminated.ContainerID ?? status.ContainerID,
            _ => status?.LastState?.Terminated?.ContainerID,
        };
        return string.IsNullOrEmpty(id) ? null : id;
    }

    /// <summary>A pod that succeeded or failed runs nothing again.</summary>
    public static bool Finished(Pod pod) => pod.PodStatus?.Phase is "Succeeded" or "Failed";

    private static List<string> Names(IEnumerable<string?>? names) => names?.OfType<string>().ToList() ?? [];
}

using System.Text.Json;
using PSKube.Client.Models;
using PSKube.Client.Resources;

namespace PSKube.Client.Completion;

/// <summary>
/// What tab completion offers for a container (kubectl logs -c): the init containers and containers of the named
/// pods, or of a workload's pod template when named as <c>KIND/NAME</c> (<c>deploy/web</c>), or of every pod listed
/// when none is named.
/// </summary>
public static class ContainerCompletion
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    /// <summary>
    /// The container names of the pods <paramref name="podNames"/> names exactly (a pod or <c>KIND/NAME</c> each); when
    /// none is named, of the pods in the namespace (every namespace when null) that match
    /// <paramref name="labelSelector"/> and that <paramref name="listedPodFilter"/> accepts (wildcard names).
    /// Names that do not exist are passed over.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NamesAsync(
        KubeClient client,
        string? @namespace,
        IReadOnlyList<string> podNames,
        string? labelSelector,
        Func<string, bool>? listedPodFilter,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(podNames);
        var names = new List<string>();
        if (podNames.Count == 0)
        {
            var options = new Operations.ListOptions { LabelSelector = labelSelector };
            await foreach (var pod in client.ListAsync<Pod>(Pods, @namespace, options, cancellationToken))
            {
                if (listedPodFilter is null || (pod.Name is { } name && listedPodFilter(name)))
                {
                    names.AddRange(ContainersOf(pod.Spec));
                }
            }
            return names;
        }
        foreach (var podName in podNames)
        {
            names.AddRange(await NamedAsync(client, @namespace, podName, cancellationToken));
        }
        return names;
    }

    private static async Task<IEnumerable<string>> NamedAsync(KubeClient client, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var resource = slash < 0 ? Pods : await client.Resources.ResolveAsync(name[..slash], cancellationToken);
        name = name[(slash + 1)..];
        if (resource == Pods)
        {
            return ContainersOf((await client.FindAsync<Pod>(Pods, @namespace, name, cancellationToken))?.Spec);
        }
        var workload = await client.FindAsync<GenericKubeObject>(resource, @namespace, name, cancellationToken);
        return workload?.ExtensionData?.TryGetValue("spec", out var spec) == true ? ContainersOfTemplate(spec) : [];
    }

    private static IEnumerable<string> ContainersOf(PodSpec? spec) =>
        (spec?.InitContainers ?? []).Concat(spec?.Containers ?? []).Select(c => c.Name).OfType<string>();

    /// <summary>The containers of a workload's pod template: spec.template, or a CronJob's spec.jobTemplate.spec.template.</summary>
    private static IEnumerable<string> ContainersOfTemplate(JsonElement spec)
    {
        if (spec.TryGetProperty("jobTemplate", out var jobTemplate) && jobTemplate.TryGetProperty("spec", out var jobSpec))
        {
            spec = jobSpec;
        }
        if (!spec.TryGetProperty("template", out var template) || !template.TryGetProperty("spec", out var podSpec))
        {
            return [];
        }
        return new[] { "initContainers", "containers" }
            .Where(list => podSpec.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
            .SelectMany(list => podSpec.GetProperty(list).EnumerateArray())
            .Select(container => container.TryGetProperty("name", out var containerName) ? containerName.GetString() : null)
            .OfType<string>();
    }
}

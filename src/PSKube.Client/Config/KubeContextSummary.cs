namespace PSKube.Client.Config;

/// <summary>One context of a kubeconfig as `kubectl config get-contexts` lists it, plus where it is defined.</summary>
public sealed record KubeContextSummary(string Name, string Cluster, string User, string Namespace, string? Server, bool IsCurrent, string File)
{
    /// <summary>The contexts of a kubeconfig (all merged files), the current one marked, sorted by name.</summary>
    public static IReadOnlyList<KubeContextSummary> From(KubeConfig config) =>
        config.Contexts.Values
            .Select(entry => new KubeContextSummary(
                entry.Name,
                entry.Value.Cluster ?? "",
                entry.Value.User ?? "",
                entry.Value.Namespace ?? "",
                entry.Value.Cluster is { } cluster && config.Clusters.TryGetValue(cluster, out var found) ? found.Value.Server : null,
                entry.Name == config.CurrentContext,
                entry.File))
            .OrderBy(summary => summary.Name, StringComparer.Ordinal)
            .ToList();
}

using PSKube.Client.Config;

namespace PSKube.Completers;

/// <summary>Completes -Context (and context names) from the kubeconfig; no cluster is asked.</summary>
public sealed class ContextCompleter : KubeArgumentCompleter
{
    protected override Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(KubeConfig.Load(scope.KubeConfig).Contexts.Keys.ToList());
}

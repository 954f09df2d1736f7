using PSKube.Client.Completion;
using PSKube.Client.Resources;

namespace PSKube.Completers;

/// <summary>Completes -Namespace with the cluster's namespaces.</summary>
public sealed class NamespaceCompleter : KubeArgumentCompleter
{
    protected override Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken) =>
        CompletionCandidates.ObjectNamesAsync(scope.Client, BuiltInResources.Find("namespaces")!, null, cancellationToken);
}

using PSKube.Client.Completion;
using PSKube.Client.Resources;

namespace PSKube.Completers;

/// <summary>Completes Get-KubeTop -Name: node names with -Node, else the pods of the namespace typed (or the context's).</summary>
public sealed class TopNameCompleter : KubeArgumentCompleter
{
    protected override Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken) =>
        scope.IsSet("Node")
            ? CompletionCandidates.ObjectNamesAsync(scope.Client, BuiltInResources.Find("nodes")!, null, cancellationToken)
            : CompletionCandidates.ObjectNamesAsync(scope.Client, BuiltInResources.Find("pods")!, scope.ListNamespace, cancellationToken);
}

using PSKube.Client.Completion;

namespace PSKube.Completers;

/// <summary>
/// Completes -Name with the names of the kind the command works on: the noun of the command (Get-KubePod: pods,
/// New-KubeService: services), or -Kind when typed; in the namespace already typed, else the context's.
/// </summary>
public sealed class KubeNameCompleter : KubeArgumentCompleter
{
    protected override async Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken)
    {
        var kind = CompletionCandidates.KindOfCommand(scope.CommandName, scope.Kind);
        if (kind is null)
        {
            return [];
        }
        var resource = await scope.Client.Resources.ResolveAsync(kind, cancellationToken);
        return await CompletionCandidates.ObjectNamesAsync(scope.Client, resource, scope.ListNamespace, cancellationToken);
    }
}

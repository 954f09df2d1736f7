using PSKube.Client.Completion;
using PSKube.Client.Resources;

namespace PSKube.Completers;

/// <summary>
/// Completes -Kind: the built-in types' plurals and short names and <c>all</c> at once, plus the custom resources
/// and categories the cluster reports when it answers in time.
/// </summary>
public sealed class KindCompleter : KubeArgumentCompleter
{
    protected override async Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken)
    {
        IReadOnlyList<ResourceDefinition> discovered;
        try
        {
            discovered = await scope.Client.Resources.DiscoverAsync(cancellationToken);
        }
#pragma warning disable CA1031 // An unreachable cluster (or no kubeconfig) still leaves the built-in kinds to offer.
        catch (Exception)
#pragma warning restore CA1031
        {
            discovered = [];
        }
        return CompletionCandidates.Kinds(discovered);
    }
}

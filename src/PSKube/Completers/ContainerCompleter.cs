using System.Management.Automation;
using PSKube.Client.Completion;

namespace PSKube.Completers;

/// <summary>
/// Completes -Container with the init containers and containers of the pods -Name names (wildcards too), else of the
/// pods -Selector selects, else of every pod in the namespace, as kubectl's completion of -c does.
/// </summary>
public sealed class ContainerCompleter : KubeArgumentCompleter
{
    protected override Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken)
    {
        var names = scope.Names;
        if (!names.Any(WildcardPattern.ContainsWildcardCharacters))
        {
            return ContainerCompletion.NamesAsync(scope.Client, scope.ListNamespace, names, scope.Selector, null, cancellationToken);
        }
        var patterns = names.Select(name => WildcardPattern.Get(name, WildcardOptions.IgnoreCase)).ToList();
        return ContainerCompletion.NamesAsync(scope.Client, scope.ListNamespace, [], scope.Selector, pod => patterns.Any(p => p.IsMatch(pod)), cancellationToken);
    }
}

using PSKube.Client.Completion;

namespace PSKube.Completers;

/// <summary>
/// Completes -Selector (kubectl -l) with the label keys of the objects the command lists (its noun, or -Kind), then
/// after <c>key=</c> or <c>key!=</c> with that key's values; <c>app=web,</c> goes on with the next key.
/// </summary>
public sealed class LabelSelectorCompleter : KubeArgumentCompleter
{
    protected override async Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken)
    {
        var kind = CompletionCandidates.KindOfCommand(scope.CommandName, scope.Kind);
        if (kind is null)
        {
            return [];
        }
        var resource = await scope.Client.Resources.ResolveAsync(kind, cancellationToken);
        var labelSets = await LabelSelectorCompletion.LabelSetsAsync(scope.Client, resource, scope.ListNamespace, cancellationToken);
        return LabelSelectorCompletion.Candidates(labelSets, scope.WordToComplete);
    }
}

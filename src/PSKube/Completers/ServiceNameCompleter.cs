using PSKube.Client.Completion;

namespace PSKube.Completers;

/// <summary>Completes -Service with the services of the namespace already typed, else the context's.</summary>
public sealed class ServiceNameCompleter : KubeArgumentCompleter
{
    protected override async Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken)
    {
        var resource = await scope.Client.Resources.ResolveAsync("Service", cancellationToken);
        return await CompletionCandidates.ObjectNamesAsync(scope.Client, resource, scope.ListNamespace, cancellationToken);
    }
}

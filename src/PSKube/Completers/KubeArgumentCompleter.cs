using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSKube.Client;
using PSKube.Client.Completion;

namespace PSKube.Completers;

/// <summary>
/// The base of PSKube's tab completers: honours -KubeConfig, -Context and -Namespace already typed on the command
/// line, else their $PSDefaultParameterValues entries; gives up quietly (no completions) when the cluster cannot be
/// reached within a few seconds.
/// </summary>
public abstract class KubeArgumentCompleter : IArgumentCompleter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        ArgumentNullException.ThrowIfNull(fakeBoundParameters);
        try
        {
            using var patience = new CancellationTokenSource(Patience);
            var bound = DefaultParameterValues.AppliedTo(commandName, fakeBoundParameters);
            var names = Candidates(new CompletionScope(commandName, bound, wordToComplete), patience.Token).GetAwaiter().GetResult();
            return CompletionCandidates.Matching(names, wordToComplete)
                .Select(name => new CompletionResult(CompletionCandidates.Quote(name), name, CompletionResultType.ParameterValue, name))
                .ToList();
        }
#pragma warning disable CA1031 // Completion must never throw at the user: no candidates is the answer to any failure.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }

    /// <summary>Every candidate; filtering by what is typed and quoting happen in the base.</summary>
    protected abstract Task<IReadOnlyList<string>> Candidates(CompletionScope scope, CancellationToken cancellationToken);
}

/// <summary>What the command line (with $PSDefaultParameterValues) already says about where to look.</summary>
public sealed class CompletionScope(string commandName, IDictionary bound, string? wordToComplete)
{
    /// <summary>The command being completed, e.g. Get-KubePod.</summary>
    public string CommandName => commandName;

    /// <summary>What is typed of the argument being completed.</summary>
    public string? WordToComplete => wordToComplete;

    /// <summary>-Name as typed: no names, one, or a list.</summary>
    public IReadOnlyList<string> Names => bound["Name"] switch
    {
        string text => [text],
        object[] texts => texts.OfType<string>().ToList(),
        _ => [],
    };

    /// <summary>-Selector when typed as text (a label selector).</summary>
    public string? Selector => bound["Selector"] as string;

    /// <summary>-Kind when typed (Get-KubeResource, Remove-KubeResource); of a list (<c>deploy,svc</c>), the first kind.</summary>
    public string? Kind => (bound["Kind"] switch
    {
        string text => text,
        object[] texts => texts.OfType<string>().FirstOrDefault(),
        _ => null,
    })?.Split(',')[0];

    /// <summary>-KubeConfig resolved against PowerShell's current location (not the process's), as the cmdlet resolves it.</summary>
    public string? KubeConfig => bound["KubeConfig"] is string { Length: > 0 } path
        ? ScriptBlock.Create("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[0])").Invoke(path).FirstOrDefault()?.BaseObject as string
        : null;

    public string? Context => bound["Context"] as string;

    public string? Namespace => bound["Namespace"] as string;

    public bool AllNamespaces => bound["AllNamespaces"] is SwitchParameter { IsPresent: true } or true;

    /// <summary>Whether a switch such as Get-KubeTop's -Node is typed.</summary>
    public bool IsSet(string switchParameter) => bound[switchParameter] is SwitchParameter { IsPresent: true } or true;

    public KubeClient Client => KubeSessions.ForCurrentRunspace().GetClient(KubeConfig, Context);

    /// <summary>The namespace to list names in: -Namespace, else the context's; null with -AllNamespaces.</summary>
    public string? ListNamespace => AllNamespaces ? null : string.IsNullOrEmpty(Namespace) ? Client.DefaultNamespace : Namespace;
}

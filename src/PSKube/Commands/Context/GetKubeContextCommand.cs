using System.Management.Automation;
using PSKube.Client.Config;

namespace PSKube.Commands.Context;

/// <summary>Get-KubeContext: the contexts of the kubeconfig (kubectl config get-contexts), the current one marked.</summary>
[Cmdlet(VerbsCommon.Get, "KubeContext")]
[OutputType(typeof(KubeContextSummary))]
public sealed class GetKubeContextCommand : KubeConfigCmdlet
{
    /// <summary>Context names to show; wildcards allowed. All by default.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ContextCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Only the current context.</summary>
    [Parameter]
    public SwitchParameter Current { get; set; }

    protected override void EndProcessing()
    {
        var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var context in KubeContextSummary.From(LoadKubeConfig()))
        {
            if ((Current && !context.IsCurrent) || (patterns is not null && !patterns.Any(p => p.IsMatch(context.Name))))
            {
                continue;
            }
            matched.Add(context.Name);
            WriteObject(context);
        }
        foreach (var name in Name ?? [])
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name) && !matched.Contains(name))
            {
                WriteConfigError(new KubeConfigException($"context \"{name}\" not found; Get-KubeContext lists the contexts there are"), "ContextNotFound", name);
            }
        }
    }
}

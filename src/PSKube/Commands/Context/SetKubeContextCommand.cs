using System.Management.Automation;
using PSKube.Client.Config;

namespace PSKube.Commands.Context;

/// <summary>
/// Set-KubeContext: changes a context's namespace, cluster or user, creating the context when it does not exist
/// (kubectl config set-context [--current] --namespace=...). Every other key of the kubeconfig is kept.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KubeContext", SupportsShouldProcess = true)]
[OutputType(typeof(KubeContextSummary))]
public sealed class SetKubeContextCommand : KubeConfigCmdlet
{
    /// <summary>The context to change; the current one when omitted.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ContextCompleter))]
    public string? Name { get; set; }

    /// <summary>The namespace commands use by default in this context.</summary>
    [Parameter]
    [Alias("n", "ns")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.NamespaceCompleter))]
    public string? Namespace { get; set; }

    /// <summary>The cluster entry the context points at.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Cluster { get; set; }

    /// <summary>The user entry the context authenticates as.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? User { get; set; }

    /// <summary>Output the changed context.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var config = LoadKubeConfig();
        var name = Name ?? config.CurrentContext;
        if (string.IsNullOrEmpty(name))
        {
            WriteConfigError(new KubeConfigException("no context named and no current-context set; pass -Name"), "ContextNotFound", null);
            return;
        }
        var changes = string.Join(", ", new[] { ("namespace", Namespace), ("cluster", Cluster), ("user", User) }
            .Where(c => c.Item2 is not null).Select(c => $"{c.Item1} \"{c.Item2}\""));
        if (!ShouldProcess($"context \"{name}\"", changes.Length > 0 ? $"Set {changes}" : "Create or keep"))
        {
            return;
        }
        try
        {
            KubeConfigEditor.SetContext(config, name, Cluster, User, Namespace);
        }
        catch (KubeConfigLockedException e)
        {
            WriteLockedError(e);
            return;
        }
        catch (KubeConfigException e)
        {
            WriteConfigError(e, "ContextNotSet", name);
            return;
        }
        if (PassThru)
        {
            WriteObject(KubeContextSummary.From(LoadKubeConfig()).First(c => c.Name == name));
        }
    }
}

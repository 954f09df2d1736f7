using System.Management.Automation;
using PSKube.Client.Config;

namespace PSKube.Commands.Context;

/// <summary>Use-KubeContext: makes a context the current one (kubectl config use-context).</summary>
[Cmdlet(VerbsOther.Use, "KubeContext", SupportsShouldProcess = true)]
[OutputType(typeof(KubeContextSummary))]
public sealed class UseKubeContextCommand : KubeConfigCmdlet
{
    /// <summary>The context to make current.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ContextCompleter))]
    public string Name { get; set; } = "";

    /// <summary>Output the context that is now current.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var config = LoadKubeConfig();
        if (!ShouldProcess(config.DefaultFile, $"Set current-context to \"{Name}\""))
        {
            return;
        }
        try
        {
            KubeConfigEditor.UseContext(config, Name);
        }
        catch (KubeConfigLockedException e)
        {
            WriteLockedError(e);
            return;
        }
        catch (KubeConfigException e)
        {
            WriteConfigError(e, "ContextNotFound", Name);
            return;
        }
        if (PassThru)
        {
            WriteObject(KubeContextSummary.From(LoadKubeConfig()).First(c => c.Name == Name));
        }
    }
}

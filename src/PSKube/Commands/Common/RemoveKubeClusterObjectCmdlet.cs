using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Completers;

namespace PSKube.Commands.Common;

/// <summary>
/// What a Remove-Kube&lt;Kind&gt; of a cluster-scoped kind shares (kubectl delete priorityclass NAME...): names typed
/// or from piped objects, -Wait until gone, -Force, and -WhatIf backed by a server dry run; no -Namespace.
/// </summary>
public abstract class RemoveKubeClusterObjectCmdlet<T> : KubeCmdlet
    where T : KubeObject
{
    /// <summary>The objects to delete, by name or kubectl's KIND/NAME; piped strings and objects' Name bind here.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A piped object of this kind; one of another kind is refused (never deleted by its name).</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    /// <summary>Return only once each object is gone, with progress shown.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Remove without asking, unless -Confirm is also given (-WhatIf still only reports).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool Forced => Force;

    protected abstract ResourceDefinition Resource { get; }

    protected override void ProcessRecord()
    {
        foreach (var name in NamesFor(Resource, InputObject, Name))
        {
            RemoveObject<T>(Resource, null, name, DeleteOptions.Default, Wait);
        }
    }
}

using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Completers;

namespace PSKube.Commands.Cluster;

/// <summary>
/// Remove-KubeNamespace: deletes namespaces and everything in them (kubectl delete namespace). Always asks first
/// (ConfirmImpact High), since nothing in a deleted namespace survives, unless -Force, -Confirm:$false or $ConfirmPreference = 'None'.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "KubeNamespace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveKubeNamespaceCommand : KubeCmdlet
{
    private static readonly ResourceDefinition Namespaces = BuiltInResources.Find("namespaces")!;

    /// <summary>The namespaces to delete; piped namespaces bind theirs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A piped object of this kind; one of another kind is refused with an error that says where it pipes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    /// <summary>Return only once each namespace is gone: it terminates until everything in it is deleted.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>Remove without asking, unless -Confirm is also given (-WhatIf still only reports).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override bool Forced => Force;

    protected override void ProcessRecord()
    {
        foreach (var name in NamesFor(Namespaces, InputObject, Name))
        {
            RemoveObject<Namespace>(Namespaces, null, name, DeleteOptions.Default, Wait);
        }
    }
}

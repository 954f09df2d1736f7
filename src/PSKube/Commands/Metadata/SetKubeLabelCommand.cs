using System.Management.Automation;
using PSKube.Client.Metadata;
using PSKube.Client.Models;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Metadata;

/// <summary>Set-KubeLabel: adds, changes (-Overwrite) and removes (<c>KEY-</c>) labels on objects of any kind (kubectl label).</summary>
[Cmdlet(VerbsCommon.Set, "KubeLabel", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(KubeObject))]
public sealed class SetKubeLabelCommand : SetKubeMetadataCmdlet
{
    /// <summary>The changes: <c>KEY=VALUE</c> to set, <c>KEY-</c> to remove, or a hashtable (a $null value removes).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [MetadataChangesTransformation]
    [ValidateNotNullOrEmpty]
    public string[] Label { get; set; } = [];

    protected override MetadataField Field => MetadataField.Labels;

    protected override (string[] Changes, string Parameter) ChangesAsTyped => (Label, nameof(Label));
}

using System.Management.Automation;
using PSKube.Client.Metadata;
using PSKube.Client.Models;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Metadata;

/// <summary>Set-KubeAnnotation: adds, changes (-Overwrite) and removes (<c>KEY-</c>) annotations on objects of any kind (kubectl annotate).</summary>
[Cmdlet(VerbsCommon.Set, "KubeAnnotation", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(KubeObject))]
public sealed class SetKubeAnnotationCommand : SetKubeMetadataCmdlet
{
    /// <summary>The changes: <c>KEY=VALUE</c> to set, <c>KEY-</c> to remove, or a hashtable (a $null value removes).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [MetadataChangesTransformation]
    [ValidateNotNullOrEmpty]
    public string[] Annotation { get; set; } = [];

    protected override MetadataField Field => MetadataField.Annotations;

    protected override (string[] Changes, string Parameter) ChangesAsTyped => (Annotation, nameof(Annotation));
}

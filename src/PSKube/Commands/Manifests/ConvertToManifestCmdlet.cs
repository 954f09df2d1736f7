using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Operations;

namespace PSKube.Commands.Manifests;

/// <summary>
/// What ConvertTo-KubeYaml and ConvertTo-KubeJson share: objects from the pipeline written as one text (kubectl's
/// output for all of them), or, with the cmdlet's -Stream, one text per object as it arrives.
/// </summary>
public abstract class ConvertToManifestCmdlet : PSCmdlet
{
    private readonly List<KubeObject> _objects = [];

    /// <summary>The Kubernetes objects to write, usually from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public KubeObject[] InputObject { get; set; } = [];

    /// <summary>Keep metadata.managedFields, which kubectl hides unless --show-managed-fields.</summary>
    [Parameter]
    public SwitchParameter IncludeManagedFields { get; set; }

    /// <summary>
    /// Write what was last applied to each object instead of the object (kubectl apply view-last-applied): the fields
    /// Set-KubeResource (field manager pskube) applied, else kubectl's last-applied-configuration annotation, else the
    /// fields of another server-side apply manager (kubectl apply --server-side).
    /// </summary>
    [Parameter]
    public SwitchParameter LastApplied { get; set; }

    /// <summary>One text per object, written as each object arrives, instead of one text for all (-Stream).</summary>
    protected abstract bool OnePerObject { get; }

    /// <summary>Whether to write the text for all objects when none came in.</summary>
    protected virtual bool WriteWhenEmpty => false;

    protected abstract string Convert(KubeObject obj);

    protected abstract string Convert(IReadOnlyList<KubeObject> objects);

    protected override void ProcessRecord()
    {
        var objects = LastApplied ? InputObject.Select(ConfigurationLastApplied).OfType<KubeObject>().ToList() : [.. InputObject];
        if (OnePerObject)
        {
            foreach (var obj in objects)
            {
                WriteObject(Convert(obj));
            }
            return;
        }
        _objects.AddRange(objects);
    }

    private KubeObject? ConfigurationLastApplied(KubeObject obj)
    {
        if (LastAppliedConfiguration.ObjectOf(obj, WriteOptions.PSKubeFieldManager) is { } applied)
        {
            return applied;
        }
        var what = $"{obj.Kind?.ToLowerInvariant()}/{obj.Name}";
        var message = $"{what} has no last-applied configuration: it was never applied with Set-KubeResource or kubectl apply.";
        WriteError(new ErrorRecord(new InvalidOperationException(message), "LastAppliedNotFound", ErrorCategory.ObjectNotFound, obj)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Apply the object's manifest with Set-KubeResource first, or leave out -LastApplied." },
        });
        return null;
    }

    protected override void EndProcessing()
    {
        if (!OnePerObject && (_objects.Count > 0 || WriteWhenEmpty))
        {
            WriteObject(Convert(_objects));
        }
    }
}

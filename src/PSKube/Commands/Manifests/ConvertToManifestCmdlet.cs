using System.Management.Automation;
using PSKube.Client.Models;

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

    /// <summary>One text per object, written as each object arrives, instead of one text for all (-Stream).</summary>
    protected abstract bool OnePerObject { get; }

    /// <summary>Whether to write the text for all objects when none came in.</summary>
    protected virtual bool WriteWhenEmpty => false;

    protected abstract string Convert(KubeObject obj);

    protected abstract string Convert(IReadOnlyList<KubeObject> objects);

    protected override void ProcessRecord()
    {
        if (OnePerObject)
        {
            foreach (var obj in InputObject)
            {
                WriteObject(Convert(obj));
            }
            return;
        }
        _objects.AddRange(InputObject);
    }

    protected override void EndProcessing()
    {
        if (!OnePerObject && (_objects.Count > 0 || WriteWhenEmpty))
        {
            WriteObject(Convert(_objects));
        }
    }
}

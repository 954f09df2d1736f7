using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Manifests;

/// <summary>ConvertTo-KubeYaml: objects as a YAML manifest (kubectl get -o yaml), several as one multi-document text.</summary>
[Cmdlet(VerbsData.ConvertTo, "KubeYaml")]
[OutputType(typeof(string))]
public sealed class ConvertToKubeYamlCommand : PSCmdlet
{
    private readonly List<KubeObject> _objects = [];

    /// <summary>The Kubernetes objects to write, usually from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public KubeObject[] InputObject { get; set; } = [];

    protected override void ProcessRecord() => _objects.AddRange(InputObject);

    protected override void EndProcessing()
    {
        if (_objects.Count > 0)
        {
            WriteObject(KubeYaml.ToYaml(_objects));
        }
    }
}

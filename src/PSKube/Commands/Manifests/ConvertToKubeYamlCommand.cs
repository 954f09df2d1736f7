using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Manifests;

/// <summary>ConvertTo-KubeYaml: objects as a YAML manifest (kubectl get -o yaml), several as one multi-document text.</summary>
[Cmdlet(VerbsData.ConvertTo, "KubeYaml")]
[OutputType(typeof(string))]
public sealed class ConvertToKubeYamlCommand : ConvertToManifestCmdlet
{
    /// <summary>One text per object, written as each object arrives, instead of one text of documents.</summary>
    [Parameter]
    public SwitchParameter Stream { get; set; }

    protected override bool OnePerObject => Stream;

    protected override string Convert(KubeObject obj) => KubeYaml.ToYaml(obj, IncludeManagedFields);

    protected override string Convert(IReadOnlyList<KubeObject> objects) => KubeYaml.ToYaml(objects, IncludeManagedFields);
}

using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Manifests;

/// <summary>ConvertFrom-KubeYaml: a YAML manifest (one or many documents) as typed Kubernetes objects.</summary>
[Cmdlet(VerbsData.ConvertFrom, "KubeYaml", DefaultParameterSetName = TextSet)]
[OutputType(typeof(KubeObject))]
public sealed class ConvertFromKubeYamlCommand : ConvertFromManifestCmdlet
{
    /// <summary>The YAML text; lines piped one by one (Get-Content) are joined into one manifest.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TextSet)]
    [AllowEmptyString]
    public string[] Yaml { get; set; } = [];

    protected override string[] Text => Yaml;

    protected override string ErrorId => "InvalidKubeYaml";

    protected override IReadOnlyList<KubeObject> Read(string text) => KubeYaml.ObjectsFromYaml(text);
}

using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Manifests;

/// <summary>ConvertFrom-KubeJson: kubectl's JSON (an object, a List, several objects) as typed Kubernetes objects.</summary>
[Cmdlet(VerbsData.ConvertFrom, "KubeJson", DefaultParameterSetName = TextSet)]
[OutputType(typeof(KubeObject))]
public sealed class ConvertFromKubeJsonCommand : ConvertFromManifestCmdlet
{
    /// <summary>The JSON text; lines piped one by one (Get-Content, kubectl's output) are joined into one text.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TextSet)]
    [AllowEmptyString]
    public string[] Json { get; set; } = [];

    protected override string[] Text => Json;

    protected override string ErrorId => "InvalidKubeJson";

    protected override IReadOnlyList<KubeObject> Read(string text) => KubectlJson.ObjectsFromJson(text);
}

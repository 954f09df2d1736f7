using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Manifests;

/// <summary>ConvertTo-KubeJson: objects as kubectl get -o json writes them, several as a List.</summary>
[Cmdlet(VerbsData.ConvertTo, "KubeJson", DefaultParameterSetName = WholeSet)]
[OutputType(typeof(string))]
public sealed class ConvertToKubeJsonCommand : ConvertToManifestCmdlet
{
    private const string WholeSet = "Whole";
    private const string StreamSet = "Stream";

    /// <summary>On one line, without indentation (as ConvertTo-Json -Compress).</summary>
    [Parameter]
    public SwitchParameter Compress { get; set; }

    /// <summary>A List even for one object or none, as kubectl get KIND -o json prints a listing (as ConvertTo-Json -AsArray).</summary>
    [Parameter(ParameterSetName = WholeSet)]
    public SwitchParameter AsList { get; set; }

    /// <summary>One text per object, written as each object arrives, instead of one text for all.</summary>
    [Parameter(Mandatory = true, ParameterSetName = StreamSet)]
    public SwitchParameter Stream { get; set; }

    protected override bool OnePerObject => Stream;

    protected override bool WriteWhenEmpty => AsList;

    protected override string Convert(KubeObject obj) => KubectlJson.ToJson(obj, IncludeManagedFields, Compress);

    protected override string Convert(IReadOnlyList<KubeObject> objects) => KubectlJson.ToJson(objects, IncludeManagedFields, Compress, AsList);
}

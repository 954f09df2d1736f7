using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Manifests;

/// <summary>ConvertTo-KubeJson: objects as kubectl get -o json writes them, several as a List.</summary>
[Cmdlet(VerbsData.ConvertTo, "KubeJson")]
[OutputType(typeof(string))]
public sealed class ConvertToKubeJsonCommand : ConvertToManifestCmdlet
{
    /// <summary>On one line, without indentation (as ConvertTo-Json -Compress).</summary>
    [Parameter]
    public SwitchParameter Compress { get; set; }

    protected override string Convert(KubeObject obj) => KubectlJson.ToJson(obj, IncludeManagedFields, Compress);

    protected override string Convert(IReadOnlyList<KubeObject> objects) => KubectlJson.ToJson(objects, IncludeManagedFields, Compress);
}

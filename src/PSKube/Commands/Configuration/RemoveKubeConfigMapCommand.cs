using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Configuration;

/// <summary>Remove-KubeConfigMap: deletes config maps (kubectl delete configmaps).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeConfigMap", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeConfigMapCommand : RemoveKubeObjectCmdlet<ConfigMap>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("configmaps")!;
}

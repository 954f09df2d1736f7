using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Configuration;

/// <summary>Get-KubeConfigMap: config maps by name (wildcards), selector or field selector (kubectl get configmaps).</summary>
[Cmdlet(VerbsCommon.Get, "KubeConfigMap")]
[OutputType(typeof(ConfigMap))]
public sealed class GetKubeConfigMapCommand : GetKubeObjectCmdlet<ConfigMap>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("configmaps")!;
}

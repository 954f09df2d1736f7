using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Services;

/// <summary>Get-KubeIngress: ingresses by name (wildcards), selector or field selector (kubectl get ingress).</summary>
[Cmdlet(VerbsCommon.Get, "KubeIngress")]
[OutputType(typeof(Ingress))]
public sealed class GetKubeIngressCommand : GetKubeObjectCmdlet<Ingress>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("ingresses")!;
}

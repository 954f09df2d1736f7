using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Configuration;

/// <summary>Remove-KubeSecret: deletes secrets (kubectl delete secrets).</summary>
[Cmdlet(VerbsCommon.Remove, "KubeSecret", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubeSecretCommand : RemoveKubeObjectCmdlet<Secret>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("secrets")!;
}

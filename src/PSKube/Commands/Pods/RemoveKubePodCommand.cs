using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Pods;

/// <summary>
/// Remove-KubePod: deletes pods (kubectl delete pod), gracefully unless -Force. -Force keeps kubectl's meaning
/// (--force --grace-period=0) and, as in every Remove-*, also skips the questions: whoever forces a delete has decided.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "KubePod", SupportsShouldProcess = true, DefaultParameterSetName = "Name")]
[OutputType(typeof(void))]
public sealed class RemoveKubePodCommand : RemoveKubeObjectCmdlet<Pod>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("pods")!;

    protected override DeleteOptions Options => Force ? new DeleteOptions { GracePeriodSeconds = 0, Force = true } : base.Options;
}

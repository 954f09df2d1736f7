using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Jobs;

/// <summary>Get-KubeCronJob: cron jobs by name (wildcards), selector or field selector (kubectl get cronjobs).</summary>
[Cmdlet(VerbsCommon.Get, "KubeCronJob")]
[OutputType(typeof(CronJob))]
public sealed class GetKubeCronJobCommand : GetKubeObjectCmdlet<CronJob>
{
    protected override ResourceDefinition Resource => BuiltInResources.Find("cronjobs")!;
}

using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Completers;
using PSKube.Validation;
using Job = PSKube.Client.Models.Job;

namespace PSKube.Commands.Jobs;

/// <summary>
/// Start-KubeCronJob: runs a CronJob now, as a Job made from its job template and owned by it
/// (kubectl create job NAME --from=cronjob/CRONJOB). The CronJob is read first, so -WhatIf and -DryRun read too.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "KubeCronJob", SupportsShouldProcess = true)]
[OutputType(typeof(Job))]
public sealed class StartKubeCronJobCommand : NewKubeObjectCmdlet<Job>
{
    /// <summary>The CronJob to run; piped objects bind theirs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateKubeName("cronjobs")]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>The new Job's name; CRONJOB-manual-xxxxx (5 random characters) when omitted.</summary>
    [Parameter]
    [ValidateKubeName("jobs")]
    public string? JobName { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("jobs")!;

    protected override Job? Build()
    {
        CronJob? cronJob = null;
        TryApi("CronJob", Name, () =>
            cronJob = Await(token => Client.GetAsync<CronJob>(BuiltInResources.Find("cronjobs")!, TargetNamespace, Name, token)));
        return cronJob is null ? null : JobGenerator.FromCronJob(cronJob, JobName);
    }
}

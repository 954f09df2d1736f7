using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Completers;
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
    /// <summary>The CronJob to run, by name or kubectl's cronjob/NAME; piped strings and objects' Name bind here.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>A piped CronJob; an object of another kind is refused with an error that says where it pipes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>The new Job's name; CRONJOB-manual-xxxxx (5 random characters) when omitted.</summary>
    [Parameter]
    public string? JobName { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("jobs")!;

    protected override Job? Build()
    {
        var cronJobs = BuiltInResources.Find("cronjobs")!;
        if (JobName is not null && !IsValidName(Resource, JobName))
        {
            return null;
        }
        if (NamesFor(cronJobs, InputObject, [Name]) is not [var name])
        {
            return null;
        }
        CronJob? cronJob = null;
        TryApi("CronJob", name, () =>
            cronJob = Await(token => Client.GetAsync<CronJob>(cronJobs, TargetNamespace, name, token)));
        return cronJob is null ? null : JobGenerator.FromCronJob(cronJob, JobName, ExplicitNamespace);
    }
}

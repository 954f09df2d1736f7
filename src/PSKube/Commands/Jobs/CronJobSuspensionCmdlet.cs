using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Operations;
using PSKube.Completers;

namespace PSKube.Commands.Jobs;

/// <summary>
/// What Suspend-KubeCronJob and Resume-KubeCronJob share: a merge patch of spec.suspend alone, -WhatIf backed by a
/// server dry run of that patch, and -PassThru.
/// </summary>
public abstract class CronJobSuspensionCmdlet : KubeNamespacedCmdlet
{
    /// <summary>The cron jobs to change; piped objects bind theirs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A piped object of this kind; one of another kind is refused with an error that says where it pipes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>Output each cron job after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The value spec.suspend gets.</summary>
    protected abstract bool Suspended { get; }

    protected override void ProcessRecord()
    {
        var @namespace = TargetNamespace;
        var action = Suspended ? "Suspend" : "Resume";
        foreach (var name in NamesFor(BuiltInResources.Find("cronjobs")!, InputObject, Name))
        {
            if (!ShouldChange(Describe("cronjob", name, @namespace), action, () => TryApi("CronJob", name, () =>
                    Await(token => Client.SetCronJobSuspendedAsync(@namespace, name, Suspended, new WriteOptions { DryRun = true }, token)))))
            {
                continue;
            }
            TryApi("CronJob", name, () =>
            {
                var cronJob = Await(token => Client.SetCronJobSuspendedAsync(@namespace, name, Suspended, null, token));
                if (PassThru)
                {
                    WriteObject(cronJob);
                }
            });
        }
    }
}

using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using Job = PSKube.Client.Models.Job;
using PSKube.Client.Waiting;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Jobs;

/// <summary>
/// Wait-KubeJob: waits until a job completes or fails (kubectl wait --for=condition=complete), showing its counts;
/// a failed job is an error naming the reason. Outputs the finished job.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "KubeJob")]
[OutputType(typeof(Job))]
public sealed class WaitKubeJobCommand : KubeNamespacedCmdlet
{
    /// <summary>The jobs to wait for; piped objects bind theirs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A piped object of this kind; one of another kind is refused with an error that says where it pipes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>How long to wait for each job (a TimeSpan, seconds, or text such as 90s or 5m); no limit when omitted.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan? Timeout { get; set; }

    protected override void ProcessRecord()
    {
        var @namespace = TargetNamespace;
        var limit = WaitErrors.Limit(Timeout);
        foreach (var name in NamesFor(BuiltInResources.Find("jobs")!, InputObject, Name))
        {
            TryApi("Job", name, () =>
            {
                Await(token => Client.GetAsync<Job>(BuiltInResources.Find("jobs")!, @namespace, name, token));
                var result = AwaitWithProgress($"Waiting for job {name}", "Waiting for the job to finish...",
                    (progress, token) => Client.WaitForJobAsync(@namespace, name, limit, progress, token));
                if (WaitErrors.Of(result, "Job", Describe("job", name, @namespace) + " to finish", limit, name) is { } error)
                {
                    WriteError(error);
                    return;
                }
                var completion = JobCompletion.Of(result.Object!);
                if (completion.Failed)
                {
                    WriteError(WaitErrors.Failed("JobFailed", completion.Message, result.Object!));
                    return;
                }
                WriteObject(result.Object);
            });
        }
    }
}

using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Resources;
using PSKube.Client.Waiting;
using PSKube.Commands.Common;
using PSKube.Validation;
using Job = PSKube.Client.Models.Job;

namespace PSKube.Commands.Jobs;

/// <summary>
/// New-KubeJob: a Job from an image (kubectl create job NAME --image I -- COMMAND), plus the completions,
/// parallelism, retries and deadline kubectl create cannot set; -Wait until it completes or fails.
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeJob", SupportsShouldProcess = true)]
[OutputType(typeof(Job))]
public sealed class NewKubeJobCommand : NewKubeObjectCmdlet<Job>
{
    /// <summary>The Job's name, also its container's.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The container image.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Image { get; set; } = "";

    /// <summary>What follows <c>--</c>: the container's command.</summary>
    [Parameter(ValueFromRemainingArguments = true)]
    public string[]? Command { get; set; }

    /// <summary>How many pods must succeed; 1 when omitted.</summary>
    [Parameter]
    public int? Completions { get; set; }

    /// <summary>How many pods run at once; 1 when omitted.</summary>
    [Parameter]
    public int? Parallelism { get; set; }

    /// <summary>How many failed pods are retried before the Job fails; the server's 6 when omitted.</summary>
    [Parameter]
    public int? BackoffLimit { get; set; }

    /// <summary>How long the Job may run before it is stopped and failed: seconds, text such as 10m, or a TimeSpan.</summary>
    [Parameter]
    [Alias("ActiveDeadlineSeconds")]
    [DurationTransformation]
    public TimeSpan? ActiveDeadline { get; set; }

    /// <summary>Return once the Job completes or fails, with its progress shown; the Job is output as it is then.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits at most; no limit when omitted.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan? Timeout { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("jobs")!;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (Timeout is not null && !Wait)
        {
            ThrowInvalidArgument(new ArgumentException("-Timeout only applies with -Wait; add -Wait or drop -Timeout."), "TimeoutWithoutWait", Timeout);
        }
    }

    protected override Job Build() => JobGenerator.Generate(new JobOptions
    {
        Name = Name,
        Image = Image,
        Namespace = ExplicitNamespace,
        Command = Command,
        Completions = Completions,
        Parallelism = Parallelism,
        BackoffLimit = BackoffLimit,
        // The API takes whole seconds; a part of a second rounds up rather than to a deadline of nothing.
        ActiveDeadlineSeconds = ActiveDeadline is { } deadline ? (long)Math.Ceiling(deadline.TotalSeconds) : null,
        ParameterNames = ParameterNames((nameof(JobOptions.ActiveDeadlineSeconds), nameof(ActiveDeadline))),
    });

    protected override Job Created(Job created)
    {
        if (!Wait)
        {
            return created;
        }
        var name = created.Name ?? Name;
        var target = Describe(Resource.Singular, name, created.Namespace);
        var limit = WaitErrors.Limit(Timeout);
        var result = AwaitWithProgress($"Running {target}", "Waiting for the job to finish...",
            (progress, token) => Client.WaitForJobAsync(created.Namespace, name, limit, progress, token));
        if (WaitErrors.Of(result, Resource.Kind, $"{target} to finish", limit, created) is { } error)
        {
            WriteError(error);
        }
        else if (JobCompletion.Of(result.Object!) is { Failed: true } completion)
        {
            WriteError(WaitErrors.Failed("JobFailed", completion.Message, result.Object!));
        }
        return result.Object ?? created;
    }
}

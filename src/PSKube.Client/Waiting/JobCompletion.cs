using PSKube.Client.Models;

namespace PSKube.Client.Waiting;

/// <summary>
/// Whether a Job has finished, from its conditions as kubectl wait --for=condition reads them: a Complete or Failed
/// condition with status True ends it. A failure names the condition's reason and message.
/// </summary>
/// <param name="Finished">The job completed or failed.</param>
/// <param name="Failed">The job failed; <paramref name="Message"/> names the job, the reason and the message.</param>
/// <param name="Message">Where the job stands, for a progress bar, or why it failed.</param>
public sealed record JobCompletion(bool Finished, bool Failed, string Message)
{
    public static JobCompletion Of(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var name = job.Name ?? "";
        var conditions = job.JobStatus?.Conditions ?? [];
        if (conditions.Find(c => c.Type == "Failed" && c.Status == "True") is { } failed)
        {
            var detail = string.IsNullOrEmpty(failed.Message) ? "" : $": {failed.Message}";
            return new JobCompletion(true, true, $"job \"{name}\" failed ({failed.Reason ?? "no reason given"}){detail}");
        }
        if (conditions.Exists(c => c.Type == "Complete" && c.Status == "True"))
        {
            return new JobCompletion(true, false, $"job \"{name}\" completed");
        }
        var status = job.JobStatus;
        var completions = job.Spec?.Completions ?? 1;
        return new JobCompletion(false, false,
            $"Waiting for job \"{name}\" to complete: {status?.Succeeded ?? 0} of {completions} succeeded, {status?.Active ?? 0} active, {status?.Failed ?? 0} failed...");
    }
}

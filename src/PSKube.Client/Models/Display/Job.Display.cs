using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get jobs shows, as plain properties.
public sealed partial class Job
{
    /// <summary>The STATUS column: Complete, Failed, Running, Suspended, Terminating or FailureTarget.</summary>
    [JsonIgnore]
    public string Status => JobPrinter.Status(this);

    /// <summary>The COMPLETIONS column: succeeded pods over required completions (<c>3/5</c>).</summary>
    [JsonIgnore]
    public string Completions => JobPrinter.Completions(this);

    /// <summary>The DURATION column: how long the job ran, or has been running.</summary>
    [JsonIgnore]
    public string Duration => JobPrinter.Duration(JobStatus, DateTimeOffset.UtcNow);
}

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

    /// <summary>The DURATION column: how long the job ran, or has been running; null before it starts.</summary>
    [JsonIgnore]
    public KubeDuration? Duration => JobPrinter.DurationSpan(JobStatus, Now);

    /// <summary>When the job completed (every required pod succeeded); null until then, and for a failed job.</summary>
    [JsonIgnore]
    public DateTimeOffset? CompletionTime => JobStatus?.CompletionTime;

    /// <summary>The CONTAINERS column: the pod template's container names, joined by commas.</summary>
    [JsonIgnore]
    public string Containers => PrintCells.Containers(Spec?.Template).Names;

    /// <summary>The IMAGES column: the pod template's container images, joined by commas.</summary>
    [JsonIgnore]
    public string Images => PrintCells.Containers(Spec?.Template).Images;

    /// <summary>The SELECTOR column: the pod selector as a label-selector string, <c>&lt;none&gt;</c> when empty.</summary>
    [JsonIgnore]
    public string Selector => LabelFormatting.Selector(Spec?.Selector);
}

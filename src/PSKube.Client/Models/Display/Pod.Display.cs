using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get pods shows, as plain properties: Where-Object and Sort-Object work on what the table shows.
public sealed partial class Pod
{
    /// <summary>The STATUS column: Running, Pending, CrashLoopBackOff, Completed, Init:0/1, Terminating...</summary>
    [JsonIgnore]
    public string Status => PodPrinting.Status(this);

    /// <summary>Whether the pod's Ready condition is True, so <c>Where-Object -not Ready</c> finds pods that cannot serve.</summary>
    [JsonIgnore]
    public bool Ready => Waiting.PodConditions.IsReady(this);

    /// <summary>The READY column: ready containers over containers (<c>1/2</c>).</summary>
    [JsonIgnore]
    public string ReadyContainers => PodPrinting.Ready(this);

    /// <summary>Container restarts, summed (the number of the RESTARTS column).</summary>
    [JsonIgnore]
    public int Restarts => PodPrinting.Summarize(this).RestartCount;

    /// <summary>The RESTARTS column as kubectl prints it: <c>5 (3m ago)</c>.</summary>
    [JsonIgnore]
    public string RestartsText => PodPrinting.Restarts(this, Now);

    /// <summary>The pod's IP address.</summary>
    [JsonIgnore]
    public string? IP => string.IsNullOrEmpty(PodStatus?.PodIP) ? PodStatus?.PodIPs?.FirstOrDefault()?.Ip : PodStatus.PodIP;

    /// <summary>The node the pod runs on.</summary>
    [JsonIgnore]
    public string? Node => Spec?.NodeName;

    /// <summary>The node the scheduler nominated while preempting other pods for this one (the NOMINATED NODE column).</summary>
    [JsonIgnore]
    public string? NominatedNode => PodStatus?.NominatedNodeName;

    /// <summary>The READINESS GATES column: gates whose condition is true over all gates (<c>1/2</c>), <c>&lt;none&gt;</c> without gates.</summary>
    [JsonIgnore]
    public string ReadinessGates => PodPrinter.ReadinessGates(this);
}

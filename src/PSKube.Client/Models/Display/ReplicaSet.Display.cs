using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get replicasets -o wide shows, as plain properties; the server-side Table prints these.
public sealed partial class ReplicaSet
{
    /// <summary>The DESIRED column: pods the ReplicaSet should run (the server defaults a missing count to 1).</summary>
    [JsonIgnore]
    public int Desired => PrintCells.DesiredReplicas(Spec?.Replicas);

    /// <summary>The CURRENT column: pods the ReplicaSet runs now.</summary>
    [JsonIgnore]
    public int Current => Status?.Replicas ?? 0;

    /// <summary>The READY column: pods that are ready.</summary>
    [JsonIgnore]
    public int ReadyReplicas => Status?.ReadyReplicas ?? 0;

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

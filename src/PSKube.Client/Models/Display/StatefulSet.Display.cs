using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get statefulsets -o wide shows, as plain properties; the server-side Table prints these.
public sealed partial class StatefulSet
{
    /// <summary>The READY column: ready pods over desired pods (<c>2/3</c>).</summary>
    [JsonIgnore]
    public string Ready => PrintCells.ReadyOverDesired(Status?.ReadyReplicas, Spec?.Replicas);

    /// <summary>The CONTAINERS column: the pod template's container names, joined by commas.</summary>
    [JsonIgnore]
    public string Containers => PrintCells.Containers(Spec?.Template).Names;

    /// <summary>The IMAGES column: the pod template's container images, joined by commas.</summary>
    [JsonIgnore]
    public string Images => PrintCells.Containers(Spec?.Template).Images;
}

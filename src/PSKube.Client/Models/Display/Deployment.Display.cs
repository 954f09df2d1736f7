using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get deployments -o wide shows, as plain properties; the server-side Table prints these.
public sealed partial class Deployment
{
    /// <summary>The READY column: ready pods over desired pods (<c>2/3</c>).</summary>
    [JsonIgnore]
    public string Ready => PrintCells.ReadyOverDesired(Status?.ReadyReplicas, Spec?.Replicas);

    /// <summary>The UP-TO-DATE column: pods running the latest pod template.</summary>
    [JsonIgnore]
    public int UpToDate => Status?.UpdatedReplicas ?? 0;

    /// <summary>The AVAILABLE column: pods ready for at least minReadySeconds.</summary>
    [JsonIgnore]
    public int Available => Status?.AvailableReplicas ?? 0;

    /// <summary>The CONTAINERS column: the pod template's container names, joined by commas.</summary>
    [JsonIgnore]
    public string Containers => PrintCells.Containers(Spec?.Template).Names;

    /// <summary>The IMAGES column: the pod template's container images, joined by commas.</summary>
    [JsonIgnore]
    public string Images => PrintCells.Containers(Spec?.Template).Images;

    /// <summary>The SELECTOR column: the pod selector as a label-selector string (<c>app=web</c>).</summary>
    [JsonIgnore]
    public string Selector => DeploymentPrinter.Selector(Spec?.Selector);
}

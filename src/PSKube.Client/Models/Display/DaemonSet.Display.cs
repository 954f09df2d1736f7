using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get daemonsets -o wide shows, as plain properties; the server-side Table prints these.
public sealed partial class DaemonSet
{
    /// <summary>The DESIRED column: nodes that should run the daemon pod.</summary>
    [JsonIgnore]
    public int Desired => Status?.DesiredNumberScheduled ?? 0;

    /// <summary>The CURRENT column: nodes running at least one daemon pod.</summary>
    [JsonIgnore]
    public int Current => Status?.CurrentNumberScheduled ?? 0;

    /// <summary>The READY column: nodes whose daemon pod is ready.</summary>
    [JsonIgnore]
    public int ReadyCount => Status?.NumberReady ?? 0;

    /// <summary>The UP-TO-DATE column: nodes running the latest pod template.</summary>
    [JsonIgnore]
    public int UpToDate => Status?.UpdatedNumberScheduled ?? 0;

    /// <summary>The AVAILABLE column: nodes whose daemon pod is available.</summary>
    [JsonIgnore]
    public int Available => Status?.NumberAvailable ?? 0;

    /// <summary>The NODE SELECTOR column: the node labels the pod template requires, <c>&lt;none&gt;</c> when none.</summary>
    [JsonIgnore]
    public string NodeSelector => LabelFormatting.Labels(Spec?.Template?.Spec?.NodeSelector);

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

using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get events -o wide shows, as plain properties. Source and Count are wire fields here,
// so kubectl's SOURCE and COUNT columns are Reporter and Occurrences.
public sealed partial class Event
{
    /// <summary>The LAST SEEN column: how long ago the event last happened, by the server's clock; null when unknown.</summary>
    [JsonIgnore]
    public KubeDuration? LastSeen => KubeDuration.Since(EventPrinter.LastSeenTime(this), Now);

    /// <summary>The FIRST SEEN column: how long ago the event first happened, by the server's clock; null when unknown.</summary>
    [JsonIgnore]
    public KubeDuration? FirstSeen => KubeDuration.Since(EventPrinter.FirstSeenTime(this), Now);

    /// <summary>The OBJECT column: the object the event is about, as <c>pod/kuard</c>.</summary>
    [JsonIgnore]
    public string Object => EventPrinter.Target(InvolvedObject);

    /// <summary>The SUBOBJECT column: the part of the object, such as <c>spec.containers{kuard}</c>.</summary>
    [JsonIgnore]
    public string SubObject => InvolvedObject?.FieldPath ?? string.Empty;

    /// <summary>kubectl's SOURCE column: the component, and host, that reported the event.</summary>
    [JsonIgnore]
    public string Reporter => EventPrinter.Source(this);

    /// <summary>kubectl's COUNT column: how many times the event happened (a series' count, at least 1).</summary>
    [JsonIgnore]
    public int Occurrences => EventPrinter.Occurrences(this);
}

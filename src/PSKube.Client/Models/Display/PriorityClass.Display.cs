using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

// What kubectl get priorityclass shows, as plain properties (VALUE and PREEMPTIONPOLICY are the model's own).
public sealed partial class PriorityClass
{
    /// <summary>The GLOBAL-DEFAULT column: whether pods that name no class get this one's priority.</summary>
    [JsonIgnore]
    public bool IsGlobalDefault => GlobalDefault ?? false;
}

using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get poddisruptionbudgets shows, as plain properties.
public sealed partial class PodDisruptionBudget
{
    /// <summary>The MIN AVAILABLE column: how many selected pods must stay up (a number or a percentage), <c>N/A</c> when the budget counts unavailable pods.</summary>
    [JsonIgnore]
    public string MinAvailable => PodDisruptionBudgetPrinter.Count(Spec?.MinAvailable);

    /// <summary>The MAX UNAVAILABLE column: how many selected pods may be down (a number or a percentage), <c>N/A</c> when the budget counts available pods.</summary>
    [JsonIgnore]
    public string MaxUnavailable => PodDisruptionBudgetPrinter.Count(Spec?.MaxUnavailable);

    /// <summary>The ALLOWED DISRUPTIONS column: how many pods may be evicted now without breaking the budget.</summary>
    [JsonIgnore]
    public int AllowedDisruptions => Status?.DisruptionsAllowed ?? 0;
}

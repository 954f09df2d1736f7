using System.Globalization;

namespace PSKube.Client.Printing;

/// <summary>The pod printer's results, computed in one pass over the container statuses.</summary>
internal sealed record PodSummary(string Ready, string Status, int RestartCount, DateTimeOffset? LastRestart)
{
    public string RestartsText(DateTimeOffset now) =>
        RestartCount != 0 && !HumanDuration.IsMissing(LastRestart)
            ? string.Create(CultureInfo.InvariantCulture, $"{RestartCount} ({HumanDuration.Age(LastRestart, now)} ago)")
            : RestartCount.ToString(CultureInfo.InvariantCulture);
}

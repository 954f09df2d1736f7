using System.Globalization;

namespace PSKube.FakeCluster.Workloads.Kubelet;

/// <summary>Durations as Go's time.Duration prints them in kubelet messages: "412ms", "1.946s", "10s", "5m0s".</summary>
public static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }
        var seconds = (duration.TotalSeconds % 60).ToString("0.#########", CultureInfo.InvariantCulture) + "s";
        var minutes = (long)duration.TotalMinutes;
        if (minutes == 0)
        {
            return seconds;
        }
        var hours = minutes / 60;
        return hours == 0
            ? $"{minutes}m{seconds}"
            : $"{hours}h{minutes % 60}m{seconds}";
    }
}

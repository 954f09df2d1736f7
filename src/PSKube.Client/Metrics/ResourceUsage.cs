using System.Globalization;

namespace PSKube.Client.Metrics;

/// <summary>
/// A node's CPU and memory use, as kubectl top nodes shows it: CPU in millicores and memory in bytes (typed, so they
/// sort and add up), with the share of the node's allocatable resources.
/// </summary>
public sealed record NodeUsage(string Name, long CpuMillicores, long MemoryBytes, int? CpuPercent, int? MemoryPercent, DateTimeOffset Timestamp, TimeSpan Window)
{
    /// <summary>CPU(cores) as kubectl prints it: "250m".</summary>
    public string Cpu => ResourceUsageText.Millicores(CpuMillicores);

    /// <summary>MEMORY(bytes) as kubectl prints it: "512Mi".</summary>
    public string Memory => ResourceUsageText.Mebibytes(MemoryBytes);

    public string CpuPercentText => ResourceUsageText.Percent(CpuPercent);

    public string MemoryPercentText => ResourceUsageText.Percent(MemoryPercent);
}

/// <summary>A pod's CPU and memory use (the sum of its containers'), as kubectl top pods shows it.</summary>
public sealed record PodUsage(string Namespace, string Name, long CpuMillicores, long MemoryBytes, IReadOnlyList<ContainerUsage> Containers, DateTimeOffset Timestamp, TimeSpan Window)
{
    public string Cpu => ResourceUsageText.Millicores(CpuMillicores);

    public string Memory => ResourceUsageText.Mebibytes(MemoryBytes);
}

/// <summary>One container's CPU and memory use, as kubectl top pods --containers shows it.</summary>
public sealed record ContainerUsage(string Namespace, string Pod, string Name, long CpuMillicores, long MemoryBytes)
{
    public string Cpu => ResourceUsageText.Millicores(CpuMillicores);

    public string Memory => ResourceUsageText.Mebibytes(MemoryBytes);
}

/// <summary>How kubectl top writes usage: whole millicores, whole mebibytes (rounded down) and whole percents.</summary>
internal static class ResourceUsageText
{
    public static string Millicores(long millicores) => millicores.ToString(CultureInfo.InvariantCulture) + "m";

    public static string Mebibytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + "Mi";

    public static string Percent(int? percent) => percent is { } value ? value.ToString(CultureInfo.InvariantCulture) + "%" : "<unknown>";
}

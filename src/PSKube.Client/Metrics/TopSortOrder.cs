namespace PSKube.Client.Metrics;

/// <summary>kubectl top --sort-by: the heaviest users of a resource first.</summary>
public enum TopSortOrder
{
    /// <summary>By namespace and name, as kubectl top without --sort-by.</summary>
    Name,

    /// <summary>CPU use, highest first.</summary>
    Cpu,

    /// <summary>Memory use, highest first.</summary>
    Memory,
}

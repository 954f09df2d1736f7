namespace PSKube.Client.FileCopy;

/// <summary>One copy between a container and the local disk: where from, where to, and how much.</summary>
public sealed class PodFileCopyResult
{
    public required string Namespace { get; init; }

    public required string Pod { get; init; }

    /// <summary>The container named; null for the pod's default one.</summary>
    public string? Container { get; init; }

    /// <summary>What was copied: a path in the container, or a full local path.</summary>
    public required string Source { get; init; }

    /// <summary>Where it was written: the full local path, or the path in the container (inside a folder named as the destination).</summary>
    public required string Destination { get; init; }

    public int Files { get; init; }

    public int Folders { get; init; }

    /// <summary>The bytes of the files' contents.</summary>
    public long Bytes { get; init; }

    /// <summary>Members refused, skipped or not written (pod to local only; the container's tar reports its own).</summary>
    public IReadOnlyList<ArchiveEntryProblem> Problems { get; init; } = [];
}

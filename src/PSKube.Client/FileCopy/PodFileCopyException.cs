namespace PSKube.Client.FileCopy;

/// <summary>A copy to or from a container that could not be done, or not all of it; <see cref="Failure"/> says what went wrong.</summary>
public sealed class PodFileCopyException : Exception
{
    public PodFileCopyException(PodFileCopyFailure failure, string message, PodFileCopyResult? partial = null)
        : base(message)
    {
        Failure = failure;
        Partial = partial;
    }

    public PodFileCopyException()
        : this(PodFileCopyFailure.TarFailed, "The copy failed.")
    {
    }

    public PodFileCopyException(string message)
        : this(PodFileCopyFailure.TarFailed, message)
    {
    }

    public PodFileCopyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = PodFileCopyFailure.TarFailed;
    }

    public PodFileCopyFailure Failure { get; }

    /// <summary>What was copied before the failure (its refused entries included), when anything was.</summary>
    public PodFileCopyResult? Partial { get; }
}

public enum PodFileCopyFailure
{
    /// <summary>The path does not exist in the container (tar: ...: No such file or directory).</summary>
    RemotePathNotFound,

    /// <summary>The container has no tar (distroless images), which copying needs, as for kubectl cp.</summary>
    TarNotFound,

    /// <summary>The local file or folder to copy does not exist.</summary>
    LocalPathNotFound,

    /// <summary>What came back is not a tar archive (or it broke off).</summary>
    CorruptArchive,

    /// <summary>tar failed in the container for another reason, or the connection ended early.</summary>
    TarFailed,
}

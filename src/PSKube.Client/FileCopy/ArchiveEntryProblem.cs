namespace PSKube.Client.FileCopy;

/// <summary>An archive member that was not written as it came, and why.</summary>
public sealed record ArchiveEntryProblem(string Name, ArchiveEntryOutcome Outcome, string Message);

public enum ArchiveEntryOutcome
{
    /// <summary>It would land outside the destination (an absolute name, "..", a link out): not written, a security error.</summary>
    Refused,

    /// <summary>Safe but not something PSKube writes (a link within the destination, a device): a warning.</summary>
    Skipped,

    /// <summary>Writing it failed on the local disk (a file where a folder is, no permission).</summary>
    Failed,
}

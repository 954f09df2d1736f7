using PSKube.Client.Models;

namespace PSKube.Client.Operations;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}

/// <summary>
/// One change seen by a watch: the object as it is now (for Deleted, as it was last), or for Error the Status the
/// server sent. <see cref="ResourceVersion"/> is where a resumed watch continues from.
/// </summary>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, Status? Error, string? ResourceVersion)
    where T : KubeObject;

using System.Text.Json.Nodes;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Storage;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,
    Bookmark,
}

/// <summary>A change to one stored object. <see cref="Previous"/> is the object before a modification, for selector transitions.</summary>
public sealed record WatchEvent(long ResourceVersion, WatchEventType Type, ResourceDefinition Resource, JsonObject Object, JsonObject? Previous = null)
{
    public string TypeName => Type switch
    {
        WatchEventType.Added => "ADDED",
        WatchEventType.Modified => "MODIFIED",
        WatchEventType.Deleted => "DELETED",
        _ => "BOOKMARK",
    };
}

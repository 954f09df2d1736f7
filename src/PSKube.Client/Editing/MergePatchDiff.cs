using System.Text.Json.Nodes;

namespace PSKube.Client.Editing;

/// <summary>
/// The JSON merge patch (RFC 7386) that turns one object into another: changed and added fields with their new
/// values, removed fields as null, lists whole. Applied to the object it was computed from, it gives the other.
/// </summary>
public static class MergePatchDiff
{
    /// <summary>The patch from <paramref name="original"/> to <paramref name="edited"/>; an empty object when they are equal.</summary>
    public static JsonObject Between(JsonObject original, JsonObject edited)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(edited);
        var patch = new JsonObject();
        foreach (var (key, before) in original)
        {
            if (!edited.ContainsKey(key))
            {
                patch[key] = null;
            }
            else if (Changed(before, edited[key]) is { } change)
            {
                patch[key] = change.Value;
            }
        }
        foreach (var (key, after) in edited)
        {
            if (!original.ContainsKey(key))
            {
                patch[key] = after?.DeepClone();
            }
        }
        return patch;
    }

    // What the patch holds for a field present on both sides; null when it did not change. A null value in the
    // edited object cannot be said in a merge patch (null removes), so it is sent as a removal, as kubectl does.
    private static Box? Changed(JsonNode? before, JsonNode? after)
    {
        if (before is JsonObject beforeObject && after is JsonObject afterObject)
        {
            var nested = Between(beforeObject, afterObject);
            return nested.Count == 0 ? null : new Box(nested);
        }
        return JsonNode.DeepEquals(before, after) ? null : new Box(after?.DeepClone());
    }

    private sealed record Box(JsonNode? Value);
}

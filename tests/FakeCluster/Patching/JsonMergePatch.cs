using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>JSON merge patch (RFC 7386), as sent with <c>application/merge-patch+json</c>.</summary>
public static class JsonMergePatch
{
    /// <summary>Returns the patched document; <paramref name="target"/> is left untouched.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result.TryGetPropertyValue(name, out var current);
                result[name] = Apply(current, value);
            }
        }

        return result;
    }
}

using System.Text.Json.Nodes;

namespace PSKube.Client.Apply;

/// <summary>
/// The fieldsV1 sets of managedFields: a tree whose keys name fields (<c>f:replicas</c>), list items by key
/// (<c>k:{"name":"web"}</c>), by value (<c>v:"x"</c>) or by index (<c>i:0</c>), and <c>.</c> for the node itself.
/// </summary>
public static class FieldSets
{
    /// <summary>Every path in either set: the trees merged key by key (neither argument is changed).</summary>
    public static JsonObject Union(JsonObject? first, JsonObject? second)
    {
        var result = (JsonObject?)first?.DeepClone() ?? [];
        if (second is null)
        {
            return result;
        }
        foreach (var (key, value) in second)
        {
            result[key] = result[key] is JsonObject mine && value is JsonObject theirs
                ? Union(mine, theirs)
                : value?.DeepClone() ?? new JsonObject();
        }
        return result;
    }
}

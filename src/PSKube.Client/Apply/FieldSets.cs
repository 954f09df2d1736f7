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

    /// <summary>
    /// The parts of <paramref name="value"/> that the set names, as a tree of the set's keys with the values at its
    /// leaves: two objects hold the same values in these fields when their projections are equal.
    /// </summary>
    public static JsonNode? Project(JsonNode? value, JsonObject? fields)
    {
        if (value is null || fields is null || fields.Count == 0)
        {
            // A leaf of the set owns the whole value.
            return value?.DeepClone();
        }
        var projection = new JsonObject();
        foreach (var (key, inner) in fields)
        {
            if (key == ".")
            {
                projection["."] = true;
                continue;
            }
            projection[key] = Project(Child(value, key), inner as JsonObject);
        }
        return projection;
    }

    private static JsonNode? Child(JsonNode value, string key) => (key[..2], value) switch
    {
        ("f:", JsonObject obj) => obj[key[2..]],
        ("k:", JsonArray list) when JsonNode.Parse(key[2..]) is JsonObject wanted =>
            list.FirstOrDefault(item => item is JsonObject candidate && wanted.All(field => JsonNode.DeepEquals(candidate[field.Key], field.Value))),
        ("v:", JsonArray list) => list.FirstOrDefault(item => JsonNode.DeepEquals(item, JsonNode.Parse(key[2..]))),
        ("i:", JsonArray list) when int.TryParse(key[2..], System.Globalization.CultureInfo.InvariantCulture, out var index) && index < list.Count => list[index],
        _ => null,
    };
}

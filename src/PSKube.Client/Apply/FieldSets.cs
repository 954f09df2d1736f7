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

    /// <summary>
    /// Whether a configuration sets the path: its fields are followed, and list items by the key fields the item
    /// itself has (a configuration leaves out the ones the server defaults, such as a port's protocol).
    /// </summary>
    public static bool SetsPath(JsonNode? configuration, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var node = configuration;
        foreach (var key in path)
        {
            node = node is null ? null : Child(node, key, keysMayBeDefaulted: true);
        }
        return node is not null;
    }

    /// <summary>The field or list item of <paramref name="value"/> that one key of a set names, or null.</summary>
    internal static JsonNode? Child(JsonNode value, string key, bool keysMayBeDefaulted = false) => (key[..2], value) switch
    {
        ("f:", JsonObject obj) => obj[key[2..]],
        ("k:", JsonArray list) when JsonNode.Parse(key[2..]) is JsonObject wanted =>
            list.FirstOrDefault(item => item is JsonObject candidate && wanted.All(field =>
                JsonNode.DeepEquals(candidate[field.Key], field.Value) || (keysMayBeDefaulted && !candidate.ContainsKey(field.Key)))),
        ("v:", JsonArray list) => list.FirstOrDefault(item => JsonNode.DeepEquals(item, JsonNode.Parse(key[2..]))),
        ("i:", JsonArray list) when int.TryParse(key[2..], System.Globalization.CultureInfo.InvariantCulture, out var index) && index < list.Count => list[index],
        _ => null,
    };

    /// <summary>The paths (lists of keys) the set holds: its leaves and the nodes marked with <c>.</c>.</summary>
    public static IEnumerable<IReadOnlyList<string>> Members(JsonObject? set, IReadOnlyList<string>? prefix = null)
    {
        prefix ??= [];
        foreach (var (key, inner) in set ?? [])
        {
            if (key == ".")
            {
                yield return prefix;
                continue;
            }
            IReadOnlyList<string> path = [.. prefix, key];
            if (inner is not JsonObject { Count: > 0 } children)
            {
                yield return path;
                continue;
            }
            foreach (var member in Members(children, path))
            {
                yield return member;
            }
        }
    }

    /// <summary>Whether the set holds the path or anything under it.</summary>
    public static bool Touches(JsonObject? set, IReadOnlyList<string> path)
    {
        JsonNode? node = set;
        foreach (var key in path)
        {
            node = (node as JsonObject)?[key];
            if (node is null)
            {
                return false;
            }
        }
        return node is not null;
    }

    /// <summary>Removes the value at the path (a field, or a list item by key, value or index); nothing when absent.</summary>
    public static void Remove(JsonNode value, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Count == 0)
        {
            return;
        }
        JsonNode? parent = value;
        foreach (var key in path.Take(path.Count - 1))
        {
            parent = parent is null ? null : Child(parent, key);
        }
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj when last.StartsWith("f:", StringComparison.Ordinal):
                obj.Remove(last[2..]);
                break;
            case JsonArray list when Child(list, last) is { } item:
                list.Remove(item);
                break;
        }
    }
}

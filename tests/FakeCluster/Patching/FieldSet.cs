using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// A set of field paths, stored as a tree like the server's FieldsV1: a node is a <em>member</em> when
/// its own path is in the set, and has children for longer paths. Empty nodes are never kept.
/// </summary>
public sealed class FieldSet
{
    private readonly SortedDictionary<FieldPathElement, FieldSet> children = [];

    /// <summary>True when the path leading to this node is itself in the set.</summary>
    public bool IsMember { get; private set; }

    public bool IsEmpty => !IsMember && children.Count == 0;

    /// <summary>Adds <paramref name="path"/> (a non-empty path) to the set.</summary>
    public void Insert(IReadOnlyList<FieldPathElement> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node.children.TryGetValue(element, out var child))
            {
                child = new FieldSet();
                node.children.Add(element, child);
            }

            node = child;
        }

        node.IsMember = true;
    }

    /// <summary>The node for <paramref name="element"/> under this one, if any path goes through it.</summary>
    public FieldSet? Child(FieldPathElement element) => children.GetValueOrDefault(element);

    /// <summary>True when <paramref name="path"/> is a member.</summary>
    public bool Has(IReadOnlyList<FieldPathElement> path) => Find(path) is { IsMember: true };

    /// <summary>True when <paramref name="path"/> or a path below it is a member, or a path above it is a
    /// member owned as a whole (a leaf, such as an atomic map): whoever owns any of these has a say over the field.
    /// A list item with tracked children does not cover its other children.</summary>
    public bool Touches(IReadOnlyList<FieldPathElement> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node.children.TryGetValue(element, out var child))
            {
                return false;
            }

            if (child.IsMember && child.children.Count == 0)
            {
                return true;
            }

            node = child;
        }

        return !node.IsEmpty;
    }

    public FieldSet Union(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember || other.IsMember };
        foreach (var (element, child) in children)
        {
            result.children[element] = other.children.TryGetValue(element, out var otherChild) ? child.Union(otherChild) : child.Clone();
        }

        foreach (var (element, otherChild) in other.children)
        {
            if (!children.ContainsKey(element))
            {
                result.children[element] = otherChild.Clone();
            }
        }

        return result;
    }

    /// <summary>Members of this set that are not members of <paramref name="other"/>.</summary>
    public FieldSet Difference(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember && !other.IsMember };
        foreach (var (element, child) in children)
        {
            var remaining = other.children.TryGetValue(element, out var otherChild) ? child.Difference(otherChild) : child.Clone();
            if (!remaining.IsEmpty)
            {
                result.children[element] = remaining;
            }
        }

        return result;
    }

    public FieldSet Intersection(FieldSet other)
    {
        var result = new FieldSet { IsMember = IsMember && other.IsMember };
        foreach (var (element, child) in children)
        {
            if (other.children.TryGetValue(element, out var otherChild))
            {
                var common = child.Intersection(otherChild);
                if (!common.IsEmpty)
                {
                    result.children[element] = common;
                }
            }
        }

        return result;
    }

    /// <summary>A copy without the field <paramref name="element"/> and everything below it.</summary>
    public FieldSet WithoutSubtree(FieldPathElement element)
    {
        var result = Clone();
        result.children.Remove(element);
        return result;
    }

    /// <summary>A copy that keeps only the field <paramref name="element"/> and what is below it.</summary>
    public FieldSet OnlySubtree(FieldPathElement element)
    {
        var result = new FieldSet();
        if (children.TryGetValue(element, out var child))
        {
            result.children[element] = child.Clone();
        }

        return result;
    }

    /// <summary>Member paths in the server's order: this level's members first, then each child's.</summary>
    public IEnumerable<IReadOnlyList<FieldPathElement>> Paths() => Paths([]);

    public JsonObject ToFieldsV1()
    {
        var json = new JsonObject();
        foreach (var (element, child) in children)
        {
            json[element.Encoded] = child.ToFieldsV1Member();
        }

        return json;
    }

    /// <summary>Reads a FieldsV1 object; keys it does not understand are skipped.</summary>
    public static FieldSet FromFieldsV1(JsonObject fieldsV1)
    {
        var set = new FieldSet();
        foreach (var (key, value) in fieldsV1)
        {
            if (FieldPathElement.Decode(key) is not { } element)
            {
                continue;
            }

            var child = value is JsonObject nested ? FromFieldsV1Member(nested) : new FieldSet { IsMember = true };
            if (!child.IsEmpty)
            {
                set.children[element] = child;
            }
        }

        return set;
    }

    /// <summary>A path in the notation of conflict messages, e.g. <c>.spec.template.spec.containers[name="nginx"].image</c>.</summary>
    public static string Format(IEnumerable<FieldPathElement> path) => string.Concat(path.Select(e => e.ToString()));

    public override string ToString() => ToFieldsV1().ToJsonString();

    private FieldSet Clone() => Union(new FieldSet());

    private FieldSet? Find(IReadOnlyList<FieldPathElement> path)
    {
        var node = this;
        foreach (var element in path)
        {
            if (!node.children.TryGetValue(element, out node))
            {
                return null;
            }
        }

        return node;
    }

    private IEnumerable<IReadOnlyList<FieldPathElement>> Paths(List<FieldPathElement> prefix)
    {
        foreach (var (element, child) in children)
        {
            if (child.IsMember)
            {
                yield return [.. prefix, element];
            }
        }

        foreach (var (element, child) in children)
        {
            foreach (var path in child.Paths([.. prefix, element]))
            {
                yield return path;
            }
        }
    }

    // A member with children is written with "." for itself, as the server does; a member without children is {}.
    private JsonObject ToFieldsV1Member()
    {
        var json = new JsonObject();
        if (IsMember && children.Count > 0)
        {
            json["."] = new JsonObject();
        }

        foreach (var (element, child) in children)
        {
            json[element.Encoded] = child.ToFieldsV1Member();
        }

        return json;
    }

    private static FieldSet FromFieldsV1Member(JsonObject json)
    {
        var node = FromFieldsV1(json);
        node.IsMember = json.Count == 0 || json.ContainsKey(".");
        return node;
    }
}

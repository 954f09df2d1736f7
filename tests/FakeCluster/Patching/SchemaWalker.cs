using System.Globalization;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// Walks objects of one kind the way server-side apply sees them: objects merge field by field unless
/// atomic (<see cref="AtomicFields"/>), lists are atomic unless <see cref="ListMergeKeys"/> makes them
/// map or set lists, and everything else is a leaf.
/// </summary>
internal sealed class SchemaWalker(string? kind)
{
    /// <summary>The fields an applied configuration sets: leaves, atomic values and list items.</summary>
    public FieldSet ToFieldSet(JsonObject applied)
    {
        var set = new FieldSet();
        CollectFields(applied, [], [], set);
        return set;
    }

    /// <summary>Compares two versions of an object (null: no object yet).</summary>
    public FieldComparison Compare(JsonObject? before, JsonObject after)
    {
        var comparison = new FieldComparison(new FieldSet(), new FieldSet(), new FieldSet());
        CompareObjects(before, after, [], [], comparison);
        return comparison;
    }

    /// <summary>Merges an applied configuration into the live object (a new object is returned).</summary>
    public JsonObject Merge(JsonObject? live, JsonObject applied) => MergeObject(live, applied, []);

    /// <summary>Removes the members of <paramref name="toRemove"/> from <paramref name="target"/>, in place.</summary>
    public void RemoveFields(JsonObject target, FieldSet toRemove) => RemoveFromObject(target, toRemove, []);

    private void CollectFields(JsonNode? node, List<string> names, List<FieldPathElement> path, FieldSet set)
    {
        if (node is JsonObject obj && !AtomicFields.IsAtomic(names))
        {
            foreach (var (name, value) in obj)
            {
                CollectFields(value, [.. names, name], [.. path, FieldPathElement.Field(name)], set);
            }

            return;
        }

        if (node is JsonArray list && AssociativeRule(names) is { } rule)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var item = list[i];
                List<FieldPathElement> itemPath = [.. path, ItemElement(rule, item, i, path, strict: true)];
                if (item is JsonObject && !rule.ItemsAtomic)
                {
                    CollectFields(item, names, itemPath, set);
                }

                set.Insert(itemPath);
            }

            return;
        }

        if (path.Count > 0)
        {
            set.Insert(path);
        }
    }

    private void CompareObjects(JsonObject? lhs, JsonObject? rhs, List<string> names, List<FieldPathElement> path, FieldComparison comparison)
    {
        var fieldNames = (lhs?.Select(p => p.Key) ?? []).Concat(rhs?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal);
        foreach (var name in fieldNames)
        {
            JsonNode? left = null, right = null;
            var inLeft = lhs is not null && lhs.TryGetPropertyValue(name, out left);
            var inRight = rhs is not null && rhs.TryGetPropertyValue(name, out right);
            CompareValues(inLeft, left, inRight, right, [.. names, name], [.. path, FieldPathElement.Field(name)], comparison);
        }
    }

    private void CompareValues(bool inLeft, JsonNode? left, bool inRight, JsonNode? right, List<string> names, List<FieldPathElement> path, FieldComparison comparison)
    {
        // A null stands for an empty value of the other side's type (a nil slice or map in the server's objects).
        if (IsContainerPair<JsonObject>(left, right) && !AtomicFields.IsAtomic(names))
        {
            CompareObjects(left as JsonObject, right as JsonObject, names, path, comparison);
        }
        else if (IsContainerPair<JsonArray>(left, right) && AssociativeRule(names) is { } rule)
        {
            CompareLists(left as JsonArray, right as JsonArray, rule, path, names, comparison);
        }
        else
        {
            CompareLeaves(inLeft, left, inRight, right, path, comparison);
            return;
        }

        if (!inLeft && inRight)
        {
            comparison.Added.Insert(path);
        }
        else if (inLeft && !inRight)
        {
            comparison.Removed.Insert(path);
        }
    }

    private void CompareLists(JsonArray? lhs, JsonArray? rhs, ListMergeRule rule, List<FieldPathElement> path, List<string> names, FieldComparison comparison)
    {
        var left = IndexItems(lhs, rule, path);
        var right = IndexItems(rhs, rule, path);
        foreach (var element in left.Keys.Concat(right.Keys).Distinct())
        {
            var inLeft = left.TryGetValue(element, out var leftItem);
            var inRight = right.TryGetValue(element, out var rightItem);
            List<FieldPathElement> itemPath = [.. path, element];
            if (!rule.ItemsAtomic && IsContainerPair<JsonObject>(leftItem, rightItem))
            {
                CompareObjects(leftItem as JsonObject, rightItem as JsonObject, names, itemPath, comparison);
                if (!inLeft)
                {
                    comparison.Added.Insert(itemPath);
                }
                else if (!inRight)
                {
                    comparison.Removed.Insert(itemPath);
                }
            }
            else
            {
                CompareLeaves(inLeft, leftItem, inRight, rightItem, itemPath, comparison);
            }
        }
    }

    private static void CompareLeaves(bool inLeft, JsonNode? left, bool inRight, JsonNode? right, List<FieldPathElement> path, FieldComparison comparison)
    {
        if (path.Count == 0)
        {
            return;
        }

        if (!inLeft && inRight)
        {
            comparison.Added.Insert(path);
        }
        else if (inLeft && !inRight)
        {
            comparison.Removed.Insert(path);
        }
        else if (inLeft && !JsonNode.DeepEquals(left, right))
        {
            comparison.Modified.Insert(path);
        }
    }

    private JsonObject MergeObject(JsonObject? live, JsonObject applied, List<string> names)
    {
        var result = live is null ? [] : (JsonObject)live.DeepClone();
        foreach (var (name, value) in applied)
        {
            if (value is null)
            {
                // An explicit null in an applied configuration leaves the field unset.
                result.Remove(name);
                continue;
            }

            result.TryGetPropertyValue(name, out var current);
            result[name] = MergeValue(current, value, [.. names, name]);
        }

        return result;
    }

    private JsonNode MergeValue(JsonNode? live, JsonNode applied, List<string> names)
    {
        if (applied is JsonObject appliedObject && !AtomicFields.IsAtomic(names))
        {
            return MergeObject(live as JsonObject, appliedObject, names);
        }

        if (applied is JsonArray appliedList && live is JsonArray liveList && AssociativeRule(names) is { } rule)
        {
            return MergeLists(liveList, appliedList, rule, names);
        }

        return applied.DeepClone();
    }

    /// <summary>Merges list items by key. Live items keep their place; applied items come in the applied
    /// order, new ones placed before the next item both lists share, as structured-merge-diff orders them.</summary>
    private JsonArray MergeLists(JsonArray live, JsonArray applied, ListMergeRule rule, List<string> names)
    {
        var liveItems = live.Select((item, i) => (Element: ItemElement(rule, item, i, [], strict: false), Item: item)).ToList();
        var appliedItems = applied.Select((item, i) => (Element: ItemElement(rule, item, i, [], strict: false), Item: item)).ToList();
        var liveByElement = liveItems.GroupBy(x => x.Element).ToDictionary(g => g.Key, g => g.First().Item);
        var appliedElements = appliedItems.Select(x => x.Element).ToHashSet();
        var shared = new Queue<FieldPathElement>(appliedItems.Select(x => x.Element).Where(liveByElement.ContainsKey));
        var nextShared = shared.Count > 0 ? shared.Dequeue() : null;
        var emitted = new HashSet<FieldPathElement>();
        var result = new JsonArray();

        JsonNode MergeItem(FieldPathElement element, JsonNode? appliedItem)
        {
            emitted.Add(element);
            liveByElement.TryGetValue(element, out var liveItem);
            return appliedItem is JsonObject obj && !rule.ItemsAtomic ? MergeObject(liveItem as JsonObject, obj, names) : appliedItem?.DeepClone()!;
        }

        FieldPathElement? Advance(FieldPathElement element) =>
            element.Equals(nextShared) ? (shared.Count > 0 ? shared.Dequeue() : null) : nextShared;

        int l = 0, a = 0;
        while (l < liveItems.Count || a < appliedItems.Count)
        {
            if (l < liveItems.Count && a < appliedItems.Count)
            {
                var liveElement = liveItems[l].Element;
                if (liveElement.Equals(appliedItems[a].Element))
                {
                    result.Add(MergeItem(liveElement, appliedItems[a].Item));
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                    l++;
                    a++;
                    continue;
                }

                if (appliedElements.Contains(liveElement) && nextShared is not null && !nextShared.Equals(liveElement))
                {
                    // Shared with the applied list, but the applied order places it later.
                    l++;
                    continue;
                }
            }

            if (l < liveItems.Count)
            {
                var liveElement = liveItems[l].Element;
                if (!appliedElements.Contains(liveElement))
                {
                    result.Add(liveItems[l].Item?.DeepClone());
                    l++;
                    continue;
                }

                if (emitted.Contains(liveElement))
                {
                    l++;
                    continue;
                }
            }

            if (a < appliedItems.Count)
            {
                var element = appliedItems[a].Element;
                if (!emitted.Contains(element))
                {
                    result.Add(MergeItem(element, appliedItems[a].Item));
                }

                nextShared = Advance(element);
                a++;
            }
        }

        return result;
    }

    private void RemoveFromObject(JsonObject target, FieldSet toRemove, List<string> names)
    {
        foreach (var name in target.Select(p => p.Key).ToList())
        {
            if (toRemove.Child(FieldPathElement.Field(name)) is not { } node)
            {
                continue;
            }

            if (node.IsMember)
            {
                target.Remove(name);
                continue;
            }

            // Containers emptied by the removal go too, as Go's omitempty drops them.
            List<string> childNames = [.. names, name];
            switch (target[name])
            {
                case JsonObject { Count: > 0 } obj when !AtomicFields.IsAtomic(childNames):
                    RemoveFromObject(obj, node, childNames);
                    if (obj.Count == 0)
                    {
                        target.Remove(name);
                    }

                    break;
                case JsonArray { Count: > 0 } list when AssociativeRule(childNames) is { } rule:
                    RemoveFromList(list, node, rule, childNames);
                    if (list.Count == 0)
                    {
                        target.Remove(name);
                    }

                    break;
            }
        }
    }

    private void RemoveFromList(JsonArray list, FieldSet toRemove, ListMergeRule rule, List<string> names)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (toRemove.Child(ItemElement(rule, list[i], i, [], strict: false)) is not { } node)
            {
                continue;
            }

            if (node.IsMember)
            {
                list.RemoveAt(i);
            }
            else if (list[i] is JsonObject item && !rule.ItemsAtomic)
            {
                RemoveFromObject(item, node, names);
            }
        }
    }

    private Dictionary<FieldPathElement, JsonNode?> IndexItems(JsonArray? list, ListMergeRule rule, List<FieldPathElement> path)
    {
        var items = new Dictionary<FieldPathElement, JsonNode?>();
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            items.TryAdd(ItemElement(rule, list![i], i, path, strict: false), list[i]);
        }

        return items;
    }

    private ListMergeRule? AssociativeRule(List<string> names) =>
        ListMergeKeys.Find(kind, names) is { ApplyType: not ApplyListType.Atomic } rule ? rule : null;

    /// <summary>The path step naming a list item. In an applied configuration (<paramref name="strict"/>) a
    /// map item without a key field the server cannot default is an error; in stored objects it falls back to the index.</summary>
    private static FieldPathElement ItemElement(ListMergeRule rule, JsonNode? item, int index, List<FieldPathElement> path, bool strict)
    {
        if (rule.ApplyType == ApplyListType.Set)
        {
            return FieldPathElement.Value(item);
        }

        if (item is JsonObject obj)
        {
            var keys = new List<KeyValuePair<string, JsonNode?>>();
            foreach (var key in rule.ApplyKeys)
            {
                var value = FieldPathElement.KeyValue(obj, key, rule.ApplyKeyDefaults);
                if (value is null)
                {
                    if (strict)
                    {
                        throw PatchException.Internal(string.Create(CultureInfo.InvariantCulture,
                            $"{FieldSet.Format(path)}: element {index}: associative list with keys has an element that omits key field \"{key}\" (and doesn't have default value)"));
                    }

                    return FieldPathElement.Index(index);
                }

                keys.Add(KeyValuePair.Create(key, (JsonNode?)value.DeepClone()));
            }

            return FieldPathElement.Key(keys);
        }

        return FieldPathElement.Index(index);
    }

    private static bool IsContainerPair<T>(JsonNode? left, JsonNode? right)
        where T : JsonNode =>
        (left is T || right is T) && (left is null or T) && (right is null or T);
}

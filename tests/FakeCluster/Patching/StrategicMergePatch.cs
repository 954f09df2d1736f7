using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) for the built-in kinds:
/// lists listed in <see cref="ListMergeKeys"/> merge by key (or as sets of scalars), other lists are
/// replaced, maps merge recursively, and the directives <c>$patch</c>, <c>$retainKeys</c>,
/// <c>$deleteFromPrimitiveList/&lt;field&gt;</c> and <c>$setElementOrder/&lt;field&gt;</c> are honoured.
/// </summary>
public static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
    private const string SetElementOrderPrefix = "$setElementOrder/";

    // The mergepatch package's sentinel errors, with the status the API server maps them to.
    private const string BadRetainKeys = "invalid patch format of retainKeys";
    private const string BadPrimitiveList = "invalid patch format of primitive list";
    private const string BadSetElementOrder = "invalid patch format of setElementOrder list";
    private const string RetainKeysMismatch = "patch content doesn't match retainKeys list";
    private const string ListOfLists = "lists of lists are not supported";

    /// <summary>Returns the patched object; <paramref name="target"/> is left untouched.</summary>
    public static JsonObject Apply(JsonNode target, JsonNode patch, string kind)
    {
        if (patch is not JsonObject patchObject)
        {
            throw PatchException.BadRequest($"json: cannot unmarshal {Describe(patch)} into Go value of type map[string]interface {{}}");
        }

        var original = target as JsonObject ?? throw PatchException.BadRequest("invalid JSON document");
        var merger = new Merger(kind);
        return merger.MergeMap((JsonObject)original.DeepClone(), patchObject, []) ?? [];
    }

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };

    private sealed class Merger(string kind)
    {
        /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/> (modified in place);
        /// null means the map is deleted by <c>$patch: delete</c>.</summary>
        public JsonObject? MergeMap(JsonObject original, JsonObject patch, List<string> path)
        {
            switch (ReadDirective(patch))
            {
                case null or "merge":
                    break;
                case "replace":
                    return MergeMap([], WithoutDirective(patch), path);
                case "delete":
                    return null;
                case var unknown:
                    throw PatchException.Internal($"unknown patch type: {unknown} in map: {GoValueFormat.Format(patch)}");
            }

            ApplyRetainKeys(original, patch);
            var orders = new List<(string Field, JsonArray Order)>();
            foreach (var (name, value) in patch)
            {
                if (name.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
                {
                    DeleteFromPrimitiveList(original, name[DeleteFromPrimitiveListPrefix.Length..], value);
                }
                else if (name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
                {
                    orders.Add((name[SetElementOrderPrefix.Length..], value as JsonArray ?? throw PatchException.BadRequest(BadSetElementOrder)));
                }
            }

            foreach (var (name, value) in patch)
            {
                if (name is PatchDirective or RetainKeysDirective ||
                    name.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal) ||
                    name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                MergeField(original, name, value, path);
            }

            foreach (var (field, order) in orders)
            {
                if (original[field] is JsonArray list)
                {
                    original[field] = ApplyElementOrder(list, order, ListMergeKeys.Find(kind, [.. path, field])?.StrategicMergeKey);
                }
            }

            return original;
        }

        private void MergeField(JsonObject original, string name, JsonNode? value, List<string> path)
        {
            if (value is null)
            {
                original.Remove(name);
                return;
            }

            List<string> childPath = [.. path, name];
            original.TryGetPropertyValue(name, out var current);
            switch (value)
            {
                case JsonObject patchMap:
                    var merged = MergeMap(current as JsonObject ?? [], patchMap, childPath);
                    if (merged is null)
                    {
                        original.Remove(name);
                    }
                    else if (!ReferenceEquals(merged, current))
                    {
                        original[name] = merged;
                    }

                    break;
                case JsonArray patchList:
                    original[name] = MergeList(current as JsonArray, patchList, childPath);
                    break;
                default:
                    original[name] = value.DeepClone();
                    break;
            }
        }

        private JsonArray MergeList(JsonArray? original, JsonArray patch, List<string> path)
        {
            var rule = ListMergeKeys.Find(kind, path);
            if (rule is not { StrategicMerge: true })
            {
                return (JsonArray)patch.DeepClone();
            }

            if (patch.Any(item => item is JsonArray))
            {
                throw PatchException.Invalid(ListOfLists);
            }

            var replace = patch.OfType<JsonObject>().Any(item => ReadDirective(item) == "replace");
            var items = patch.Where(item => item is not JsonObject obj || ReadDirective(obj) != "replace").ToList();
            var result = replace || original is null ? [] : (JsonArray)original.DeepClone();

            if (rule.StrategicMergeKey is not { } mergeKey)
            {
                return MergeScalars(result, items);
            }

            foreach (var item in items)
            {
                if (item is not JsonObject patchItem)
                {
                    result.Add(item?.DeepClone());
                    continue;
                }

                if (!patchItem.TryGetPropertyValue(mergeKey, out var keyValue))
                {
                    throw PatchException.Internal($"map: {GoValueFormat.Format(patchItem)} does not contain declared merge key: {mergeKey}");
                }

                var index = IndexOfKey(result, mergeKey, keyValue);
                if (ReadDirective(patchItem) == "delete")
                {
                    RemoveAllWithKey(result, mergeKey, keyValue);
                    continue;
                }

                if (index < 0)
                {
                    if (MergeMap([], patchItem, path) is { } added)
                    {
                        result.Add(added);
                    }

                    continue;
                }

                var existing = (JsonObject)result[index]!;
                result.RemoveAt(index);
                if (MergeMap(existing, patchItem, path) is { } merged)
                {
                    result.Insert(index, merged);
                }
            }

            return result;
        }

        /// <summary>Concatenates and removes duplicates, keeping the order the server's algorithm produces:
        /// each later duplicate is overwritten by the current last element.</summary>
        private static JsonArray MergeScalars(JsonArray original, List<JsonNode?> patch)
        {
            var all = original.Select(item => item?.DeepClone()).Concat(patch.Select(item => item?.DeepClone())).ToList();
            var last = all.Count - 1;
            for (var i = 0; i < last; i++)
            {
                for (var j = i + 1; j <= last; j++)
                {
                    if (JsonNode.DeepEquals(all[i], all[j]))
                    {
                        all[j] = all[last];
                        all.RemoveAt(last);
                        last--;
                        j--;
                    }
                }
            }

            return [.. all];
        }

        private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
        {
            if (!patch.TryGetPropertyValue(RetainKeysDirective, out var retainNode))
            {
                return;
            }

            if (retainNode is not JsonArray retainList || retainList.Any(k => k is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            {
                throw PatchException.BadRequest(BadRetainKeys);
            }

            var retain = retainList.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, value) in patch)
            {
                if (value is not null && !name.StartsWith('$') && !retain.Contains(name))
                {
                    throw PatchException.Invalid(RetainKeysMismatch);
                }
            }

            foreach (var name in original.Select(p => p.Key).Where(name => !retain.Contains(name)).ToList())
            {
                original.Remove(name);
            }
        }

        private static void DeleteFromPrimitiveList(JsonObject original, string field, JsonNode? values)
        {
            if (values is not JsonArray toDelete)
            {
                throw PatchException.BadRequest(BadPrimitiveList);
            }

            if (original[field] is not JsonArray list)
            {
                return;
            }

            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (toDelete.Any(value => JsonNode.DeepEquals(value, list[i])))
                {
                    list.RemoveAt(i);
                }
            }
        }

        /// <summary>Puts the items named by <c>$setElementOrder</c> in that order; items it does not name
        /// (kept by the server from an earlier write) follow in their current order.</summary>
        private static JsonArray ApplyElementOrder(JsonArray list, JsonArray order, string? mergeKey)
        {
            var remaining = list.Select(item => item?.DeepClone()).ToList();
            var ordered = new List<JsonNode?>();
            foreach (var wanted in order)
            {
                var key = mergeKey is null ? wanted : (wanted as JsonObject)?[mergeKey];
                var index = remaining.FindIndex(item => JsonNode.DeepEquals(mergeKey is null ? item : (item as JsonObject)?[mergeKey], key));
                if (index >= 0)
                {
                    ordered.Add(remaining[index]);
                    remaining.RemoveAt(index);
                }
            }

            return [.. ordered.Concat(remaining)];
        }

        private static int IndexOfKey(JsonArray list, string mergeKey, JsonNode? keyValue)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject item && item.TryGetPropertyValue(mergeKey, out var candidate) && JsonNode.DeepEquals(candidate, keyValue))
                {
                    return i;
                }
            }

            return -1;
        }

        private static void RemoveAllWithKey(JsonArray list, string mergeKey, JsonNode? keyValue)
        {
            for (var index = IndexOfKey(list, mergeKey, keyValue); index >= 0; index = IndexOfKey(list, mergeKey, keyValue))
            {
                list.RemoveAt(index);
            }
        }

        private static string? ReadDirective(JsonObject map) =>
            map.TryGetPropertyValue(PatchDirective, out var node) ? node?.ToString() : null;

        private static JsonObject WithoutDirective(JsonObject map)
        {
            var copy = (JsonObject)map.DeepClone();
            copy.Remove(PatchDirective);
            return copy;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// JSON patch (RFC 6902), as sent with <c>application/json-patch+json</c>. A body that is not a list of
/// operations is a 400 BadRequest; an operation that cannot be applied is a 422 Invalid with the
/// server's generic message (the API server does not pass the library's error text on).
/// </summary>
public static class JsonPatch
{
    /// <summary>Returns the patched document; <paramref name="target"/> is left untouched.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patchDocument)
    {
        var operations = Decode(patchDocument);
        var document = target?.DeepClone();
        foreach (var operation in operations)
        {
            document = ApplyOperation(document, operation);
        }

        return document;
    }

    private static List<JsonObject> Decode(JsonNode? patchDocument)
    {
        switch (patchDocument)
        {
            case null:
                return [];
            case JsonArray array:
                var operations = new List<JsonObject>();
                foreach (var item in array)
                {
                    if (item is not JsonObject operation)
                    {
                        if (item is null)
                        {
                            continue;
                        }

                        throw PatchException.BadRequest($"json: cannot unmarshal {GoJsonKind(item)} into Go value of type jsonpatch.Operation");
                    }

                    operations.Add(operation);
                }

                return operations;
            default:
                throw PatchException.BadRequest($"json: cannot unmarshal {GoJsonKind(patchDocument)} into Go value of type jsonpatch.Patch");
        }
    }

    private static string GoJsonKind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };

    private static JsonNode? ApplyOperation(JsonNode? document, JsonObject operation)
    {
        var op = ReadString(operation, "op") ?? "unknown";
        switch (op)
        {
            case "add":
                return Add(document, RequirePointer(operation, "path", op), ValueOf(operation));
            case "remove":
                return Remove(document, RequirePointer(operation, "path", op), op, out _);
            case "replace":
            {
                var path = RequirePointer(operation, "path", op);
                if (path.IsRoot)
                {
                    return ValueOf(operation);
                }

                var (parent, token) = ResolveParent(document, path, op);
                switch (parent)
                {
                    case JsonObject obj when obj.ContainsKey(token):
                        obj[token] = ValueOf(operation);
                        break;
                    case JsonArray array when JsonPointer.TryParseIndex(token, array.Count, allowEnd: false, out var index):
                        array[index] = ValueOf(operation);
                        break;
                    default:
                        throw PatchException.Invalid($"replace operation does not apply: doc is missing key: {path}: missing value");
                }

                return document;
            }

            case "move":
            {
                var from = RequirePointer(operation, "from", op);
                var path = RequirePointer(operation, "path", op);
                if (from.IsProperPrefixOf(path))
                {
                    throw PatchException.Invalid($"move operation does not apply: \"from\" {from} is a parent of \"path\" {path}");
                }

                document = Remove(document, from, op, out var moved);
                return Add(document, path, moved);
            }

            case "copy":
            {
                var from = RequirePointer(operation, "from", op);
                var path = RequirePointer(operation, "path", op);
                var found = TryGet(document, from, out var value)
                    ? value?.DeepClone()
                    : throw PatchException.Invalid($"copy operation does not apply: doc is missing from path: {from}: missing value");
                return Add(document, path, found);
            }

            case "test":
            {
                var path = RequirePointer(operation, "path", op);
                var expected = ValueOf(operation);
                var exists = TryGet(document, path, out var actual);
                // A missing location only matches a test for null, as in the server's patch library.
                var passed = exists ? JsonNode.DeepEquals(actual, expected) : expected is null;
                return passed ? document : throw PatchException.Invalid($"testing value {path} failed: test failed");
            }

            default:
                throw PatchException.Invalid($"Unexpected kind: {op}");
        }
    }

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }

        var (parent, token) = ResolveParent(document, path, "add");
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                break;
            case JsonArray array when token == "-":
                array.Add(value);
                break;
            case JsonArray array when JsonPointer.TryParseIndex(token, array.Count, allowEnd: true, out var index):
                array.Insert(index, value);
                break;
            default:
                throw PatchException.Invalid($"add operation does not apply: doc is missing path: \"{path}\": missing value");
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, JsonPointer path, string op, out JsonNode? removed)
    {
        if (path.IsRoot)
        {
            throw PatchException.Invalid($"{op} operation does not apply: cannot remove the whole document");
        }

        var (parent, token) = ResolveParent(document, path, op);
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(token, out removed):
                obj.Remove(token);
                break;
            case JsonArray array when JsonPointer.TryParseIndex(token, array.Count, allowEnd: false, out var index):
                removed = array[index];
                array.RemoveAt(index);
                break;
            default:
                throw PatchException.Invalid($"{op} operation does not apply: doc is missing path: \"{path}\": missing value");
        }

        return document;
    }

    private static (JsonNode Parent, string Token) ResolveParent(JsonNode? document, JsonPointer path, string op)
    {
        JsonNode? current = document;
        for (var i = 0; i < path.Tokens.Count - 1; i++)
        {
            if (!TryStep(current, path.Tokens[i], out current) || current is null)
            {
                throw PatchException.Invalid($"{op} operation does not apply: doc is missing path: \"{path}\": missing value");
            }
        }

        return current is JsonObject or JsonArray
            ? (current, path.Tokens[^1])
            : throw PatchException.Invalid($"{op} operation does not apply: doc is missing path: \"{path}\": missing value");
    }

    private static bool TryGet(JsonNode? document, JsonPointer path, out JsonNode? value)
    {
        value = document;
        foreach (var token in path.Tokens)
        {
            if (!TryStep(value, token, out value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryStep(JsonNode? node, string token, out JsonNode? child)
    {
        switch (node)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(token, out child);
            case JsonArray array when JsonPointer.TryParseIndex(token, array.Count, allowEnd: false, out var index):
                child = array[index];
                return true;
            default:
                child = null;
                return false;
        }
    }

    private static JsonPointer RequirePointer(JsonObject operation, string member, string op) =>
        ReadString(operation, member) is { } text
            ? JsonPointer.Parse(text)
            : throw PatchException.Invalid($"{op} operation missing {member} string");

    private static string? ReadString(JsonObject operation, string member) =>
        operation.TryGetPropertyValue(member, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonNode? ValueOf(JsonObject operation) =>
        operation.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : null;
}

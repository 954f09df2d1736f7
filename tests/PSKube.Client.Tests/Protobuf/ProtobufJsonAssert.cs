using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Protobuf;

/// <summary>Compares JSON semantically (property order ignored) and shows both sides sorted when they differ.</summary>
internal static class ProtobufJsonAssert
{
    public static void Equal(string expectedJson, JsonNode? actual) =>
        Assert.Equal(Canonical(JsonNode.Parse(expectedJson)), Canonical(actual));

    private static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(property => property.Key, StringComparer.Ordinal)
            .Select(property => KeyValuePair.Create(property.Key, Sorted(property.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Patching;

/// <summary>Assertions on JSON documents for the patch tests.</summary>
internal static class PatchJsonAssert
{
    /// <summary>Serializes like the API server: quotes inside strings stay \" rather than \u0022.</summary>
    public static JsonSerializerOptions ServerJson { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Object(string json) => (JsonObject)JsonNode.Parse(json)!;

    /// <summary>Same content; member order ignored.</summary>
    public static void Equivalent(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"Expected {expectedNode?.ToJsonString()}\nActual   {actual?.ToJsonString()}");
    }

    /// <summary>Same text once whitespace is removed: member order matters.</summary>
    public static void Exact(string expected, JsonNode? actual) =>
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(ServerJson), actual?.ToJsonString(ServerJson));
}

using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Tests.Kubectl;

namespace PSKube.Client.Tests.Generators;

/// <summary>Compares a generated object with what <c>kubectl ... --dry-run=client -o json</c> printed, as JSON trees.</summary>
internal static class GeneratorJson
{
    public static JsonNode Ours<T>(T obj) => Normalize(JsonNode.Parse(KubeJson.Serialize(obj))!);

    public static JsonNode FromKubectl(KubectlResult result) => Normalize(JsonNode.Parse(result.Succeeded().Stdout)!);

    public static void AssertSame(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"kubectl:\n{expected.ToJsonString()}\nours:\n{actual.ToJsonString()}");

    public static void AssertSameAsKubectl<T>(KubectlResult kubectl, T ours) => AssertSame(FromKubectl(kubectl), Ours(ours));

    // kubectl prints creationTimestamp: null, which our models leave out; nothing else differs by nature.
    private static JsonNode Normalize(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue("creationTimestamp", out var timestamp) && timestamp is null)
                {
                    obj.Remove("creationTimestamp");
                }

                foreach (var child in obj.Select(pair => pair.Value).OfType<JsonNode>().ToList())
                {
                    Normalize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    Normalize(child);
                }

                break;
        }

        return node;
    }
}

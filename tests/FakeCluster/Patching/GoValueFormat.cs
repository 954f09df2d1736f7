using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>Formats decoded JSON the way Go's <c>%v</c> prints it, for error messages that quote a value.</summary>
internal static class GoValueFormat
{
    public static string Format(JsonNode? node) => node switch
    {
        null => "<nil>",
        JsonObject obj => "map[" + string.Join(' ', obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Format(p.Value)}")) + "]",
        JsonArray array => "[" + string.Join(' ', array.Select(Format)) + "]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}

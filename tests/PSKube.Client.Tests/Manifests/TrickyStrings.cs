using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Manifests;

/// <summary>The table of strings YAML readers would take for something else (tests/Data/yaml-tricky-strings.json).</summary>
internal static class TrickyStrings
{
    public static IReadOnlyList<string> All { get; } =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", "yaml-tricky-strings.json")))!["strings"]!
            .AsArray().Select(node => (string)node!).ToList();

    public static TheoryData<string> Each()
    {
        var data = new TheoryData<string>();
        foreach (var text in All)
        {
            data.Add(text);
        }
        return data;
    }
}

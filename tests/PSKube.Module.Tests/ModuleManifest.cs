using System.Text.RegularExpressions;

namespace PSKube.Module.Tests;

/// <summary>
/// Reads the keys of PSKube.psd1 (single-quoted strings and @(...) lists of quoted strings), enough to check the
/// manifest without PowerShell. The Pester suite checks it with Test-ModuleManifest where pwsh exists.
/// </summary>
internal sealed partial class ModuleManifest
{
    private ModuleManifest(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        Values = values;
        Lists = lists;
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; }

    public static ModuleManifest Read(string path)
    {
        var text = File.ReadAllText(path);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Assignment().Matches(text))
        {
            var key = match.Groups["key"].Value;
            if (match.Groups["string"].Success)
            {
                values[key] = match.Groups["string"].Value.Replace("''", "'", StringComparison.Ordinal);
            }
            else
            {
                lists[key] = Quoted().Matches(match.Groups["list"].Value).Select(m => m.Groups[1].Value).ToList();
            }
        }
        return new ModuleManifest(values, lists);
    }

    [GeneratedRegex(@"^\s*(?<key>\w+)\s*=\s*(?:'(?<string>(?:[^']|'')*)'|@\((?<list>[^)]*)\))", RegexOptions.Multiline)]
    private static partial Regex Assignment();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}

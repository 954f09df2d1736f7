using System.Text.RegularExpressions;

namespace PSKube.HelpGenerator;

/// <summary>Markdown prose turned into the plain paragraphs that console help shows.</summary>
public static partial class MarkdownText
{
    /// <summary>Paragraphs split at blank lines, lines of one paragraph joined by spaces; fenced code is skipped.</summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        var inFence = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                Flush();
            }
            else if (!inFence && string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
            else if (!inFence)
            {
                current.Add(line.Trim());
            }
        }
        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(Plain(string.Join(' ', current)));
                current.Clear();
            }
        }
    }

    /// <summary>A link [text](target) reads as its text: console help cannot follow it.</summary>
    public static string Plain(string text) => Link().Replace(text, "$1");

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();
}

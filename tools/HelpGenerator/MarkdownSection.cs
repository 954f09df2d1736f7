namespace PSKube.HelpGenerator;

/// <summary>A heading of a markdown page and the lines under it up to the next heading of any level.</summary>
public sealed record MarkdownSection(int Level, string Title, IReadOnlyList<string> Lines)
{
    /// <summary>Splits a page at its ATX headings; a '#' inside a fenced code block is code, not a heading.</summary>
    public static IReadOnlyList<MarkdownSection> Split(string markdown)
    {
        var sections = new List<MarkdownSection>();
        var level = 0;
        var title = "";
        var lines = new List<string>();
        var inFence = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            var hashes = inFence ? 0 : line.TakeWhile(c => c == '#').Count();
            if (hashes > 0 && line.Length > hashes && line[hashes] == ' ')
            {
                sections.Add(new MarkdownSection(level, title, lines));
                (level, title, lines) = (hashes, line[(hashes + 1)..].Trim(), []);
            }
            else
            {
                lines.Add(line);
            }
        }
        sections.Add(new MarkdownSection(level, title, lines));
        return sections;
    }

    /// <summary>The fenced code blocks of the section: their info string (such as "yaml") and their lines.</summary>
    public IEnumerable<(string Info, IReadOnlyList<string> Lines)> CodeBlocks()
    {
        List<string>? block = null;
        var info = "";
        foreach (var line in Lines)
        {
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                block?.Add(line);
            }
            else if (block is null)
            {
                (info, block) = (line[3..].Trim(), []);
            }
            else
            {
                yield return (info, block);
                block = null;
            }
        }
    }

    /// <summary>The prose of the section as paragraphs: code blocks left out, wrapped lines joined.</summary>
    public IReadOnlyList<string> Paragraphs() => MarkdownText.Paragraphs(Lines);

    /// <summary>The prose after the section's last code block (an example's remarks).</summary>
    public IReadOnlyList<string> ParagraphsAfterCode()
    {
        var lastFence = Lines.Select((line, index) => (line, index)).LastOrDefault(p => p.line.StartsWith("```", StringComparison.Ordinal)).index;
        return MarkdownText.Paragraphs(Lines.Skip(lastFence + 1));
    }
}

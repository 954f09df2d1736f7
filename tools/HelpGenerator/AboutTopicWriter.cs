namespace PSKube.HelpGenerator;

/// <summary>
/// Turns an about_ topic's markdown into the plain text Get-Help about_X prints: a TOPIC heading with the name,
/// then each ## heading on its own line and its text indented by four spaces (indented code blocks by eight).
/// </summary>
public static class AboutTopicWriter
{
    public static string Write(string markdown)
    {
        var sections = MarkdownSection.Split(markdown);
        var topic = sections.FirstOrDefault(s => s.Level == 1)?.Title ?? throw new InvalidDataException("the topic has no '# about_Name' title");
        var lines = new List<string> { "TOPIC", "    " + topic };
        foreach (var section in sections.Where(s => s.Level == 2))
        {
            lines.Add("");
            lines.Add(section.Title.ToUpperInvariant());
            var body = section.Lines.SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse();
            lines.AddRange(body.Select(line => line.Length == 0 ? "" : "    " + MarkdownText.Plain(line)));
        }
        return string.Join('\n', lines) + "\n";
    }
}

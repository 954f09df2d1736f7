using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace PSKube.HelpGenerator;

/// <summary>
/// Reads a cmdlet's PlatyPS markdown page: # Name, then ## SYNOPSIS, SYNTAX (### set headings), DESCRIPTION,
/// EXAMPLES (### Example N: title), PARAMETERS (### -Name with a yaml block), INPUTS, OUTPUTS, NOTES, RELATED LINKS.
/// A page that strays from that structure is an error naming what is wrong, so the build stops on it.
/// </summary>
public static partial class CommandPageReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static CommandHelp Read(string markdown)
    {
        var sections = MarkdownSection.Split(markdown);
        var name = sections.FirstOrDefault(s => s.Level == 1)?.Title ?? throw new InvalidDataException("the page has no '# Verb-Noun' title");
        var parts = sections.Where(s => s.Level == 2).Select(s => s.Title).ToList();
        IReadOnlyList<MarkdownSection> Under(string part) =>
            [.. sections.SkipWhile(s => s.Level != 2 || s.Title != part).Skip(1).TakeWhile(s => s.Level > 2)];
        MarkdownSection Part(string part) =>
            sections.FirstOrDefault(s => s.Level == 2 && s.Title == part) ?? throw new InvalidDataException($"{name}: the page has no '## {part}' section");

        var synopsis = string.Join(' ', Part("SYNOPSIS").Paragraphs());
        if (synopsis.Length == 0)
        {
            throw new InvalidDataException($"{name}: the SYNOPSIS is empty");
        }
        var examples = Under("EXAMPLES").Select(s => ReadExample(name, s)).ToList();
        var parameters = Under("PARAMETERS").Where(s => s.Title.StartsWith('-')).Select(s => ReadParameter(name, s)).ToList();
        return new CommandHelp(
            name,
            synopsis,
            Part("DESCRIPTION").Paragraphs(),
            [.. Under("SYNTAX").Select(s => s.Title.Replace("(Default)", "", StringComparison.Ordinal).Trim())],
            examples,
            parameters,
            ReadTypes(name, "INPUTS", Under("INPUTS")),
            ReadTypes(name, "OUTPUTS", Under("OUTPUTS")),
            parts.Contains("NOTES") ? Part("NOTES").Paragraphs() : [],
            parts.Contains("RELATED LINKS") ? ReadLinks(Part("RELATED LINKS")) : []);
    }

    private static ExampleHelp ReadExample(string command, MarkdownSection section)
    {
        var heading = ExampleHeading().Match(section.Title);
        if (!heading.Success)
        {
            throw new InvalidDataException($"{command}: '### {section.Title}' is not an '### Example N: title' heading");
        }
        var code = section.CodeBlocks().FirstOrDefault(b => b.Info == "powershell").Lines
            ?? throw new InvalidDataException($"{command}: {section.Title} has no ```powershell block");
        return new ExampleHelp(
            int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture),
            heading.Groups[2].Value.Trim(),
            string.Join('\n', code),
            section.ParagraphsAfterCode());
    }

    private static ParameterHelp ReadParameter(string command, MarkdownSection section)
    {
        var name = section.Title[1..];
        var yaml = section.CodeBlocks().FirstOrDefault(b => b.Info == "yaml").Lines
            ?? throw new InvalidDataException($"{command}: -{name} has no ```yaml block");
        var fields = Yaml.Deserialize<Dictionary<string, string?>>(string.Join('\n', yaml));
        string Field(string key) =>
            fields.TryGetValue(key, out var value) ? value ?? "" : throw new InvalidDataException($"{command}: the yaml block of -{name} has no '{key}:'");
        static string[] List(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        var position = Field("Position");
        return new ParameterHelp(
            name,
            section.Paragraphs(),
            Field("Type"),
            List(Field("Parameter Sets")),
            List(Field("Aliases")),
            Flag(command, name, "Required", Field("Required")),
            position == "Named" ? null
                : int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
                : throw new InvalidDataException($"{command}: -{name} has Position '{position}': write a number or Named"),
            Field("Default value"),
            Field("Accept pipeline input"),
            Flag(command, name, "Accept wildcard characters", Field("Accept wildcard characters")));
    }

    private static bool Flag(string command, string parameter, string key, string value) =>
        bool.TryParse(value, out var flag) ? flag : throw new InvalidDataException($"{command}: -{parameter} has '{key}: {value}': write True or False");

    private static List<TypeHelp> ReadTypes(string command, string part, IReadOnlyList<MarkdownSection> types) =>
        types.Count > 0
            ? [.. types.Select(t => new TypeHelp(t.Title, t.Paragraphs()))]
            : throw new InvalidDataException($"{command}: '## {part}' has no '### TypeName' heading (write ### None when there is none)");

    private static List<RelatedLink> ReadLinks(MarkdownSection part) =>
        [.. part.Lines.Select(line => LinkLine().Match(line)).Where(m => m.Success)
            .Select(m => new RelatedLink(m.Groups[1].Value, m.Groups[2].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? m.Groups[2].Value : ""))];

    [GeneratedRegex(@"^Example (\d+): (.+)$")]
    private static partial Regex ExampleHeading();

    [GeneratedRegex(@"^\[([^\]]+)\]\(([^)]*)\)\s*$")]
    private static partial Regex LinkLine();
}

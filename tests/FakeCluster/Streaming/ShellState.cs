using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PSKube.FakeCluster.Streaming;

/// <summary>The variables and last exit status of one shell, and the $-expansion of words.</summary>
public sealed partial class ShellState
{
    public ShellState(ContainerFacts facts)
    {
        foreach (var (name, value) in facts.Environment)
        {
            Variables[name] = value;
        }
    }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public int LastStatus { get; set; }

    /// <summary>The words with $NAME, ${NAME} and $? expanded; a word that was unquoted and expands to nothing is dropped.</summary>
    public List<string> Expand(IEnumerable<ShellScript.ShellWord> words)
    {
        var result = new List<string>();
        foreach (var word in words)
        {
            var text = new StringBuilder();
            foreach (var part in word.Parts)
            {
                text.Append(part.Expands ? Substitute(part.Text) : part.Text);
            }
            if (text.Length > 0 || word.Quoted)
            {
                result.Add(text.ToString());
            }
        }
        return result;
    }

    /// <summary>NAME=value when the word is a variable assignment.</summary>
    public static (string Name, string Value)? Assignment(string word)
    {
        var match = AssignmentPattern().Match(word);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    private string Substitute(string text) =>
        VariablePattern().Replace(text, match =>
        {
            var name = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            return name switch
            {
                "?" => LastStatus.ToString(CultureInfo.InvariantCulture),
                "0" => "sh",
                _ => Variables.GetValueOrDefault(name, ""),
            };
        });

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*|\?)\}|\$([A-Za-z_][A-Za-z0-9_]*|\?|0)")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", RegexOptions.Singleline)]
    private static partial Regex AssignmentPattern();
}

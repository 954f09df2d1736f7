using System.Text;

namespace PSKube.Client.Editing;

/// <summary>
/// The text of the file kubectl edit opens: a comment header that says how editing works and, after a refused
/// change, why it was refused; comment lines are ignored when the file is read back.
/// </summary>
public static class EditFile
{
    private const string Header =
        "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
        "# and an empty file will abort the edit. If an error occurs while saving this file will be\n" +
        "# reopened with the relevant failures.\n" +
        "#\n";

    /// <summary>The file's text: the header, each reason as a commented block, then the YAML.</summary>
    public static string Compose(IEnumerable<EditReason> reasons, string yaml)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var text = new StringBuilder(Header);
        foreach (var reason in reasons)
        {
            text.Append("# ").Append(reason.Head).Append(":\n");
            foreach (var detail in reason.Details)
            {
                // A detail may span lines (the API server's pod diff): each stays a comment.
                var lines = detail.Split('\n');
                text.Append("# * ").Append(lines[0]).Append('\n');
                foreach (var line in lines.Skip(1))
                {
                    text.Append("# ").Append(line).Append('\n');
                }
            }
            text.Append("#\n");
        }
        return text.Append(yaml).ToString();
    }

    /// <summary>The text without its comment lines (those whose first non-blank character is '#'), as kubectl compares files.</summary>
    public static string WithoutComments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines.Where(line => !line.TrimStart().StartsWith('#')));
    }

    /// <summary>Whether the text holds anything but blank lines.</summary>
    public static bool HasContent(string text) => !string.IsNullOrWhiteSpace(text);
}

/// <summary>Why the last change was refused, written at the top of the reopened file.</summary>
/// <param name="Head">What was refused, e.g. <c>pods "web" was not valid</c>.</param>
/// <param name="Details">One line per cause, e.g. <c>spec: Forbidden: ...</c>.</param>
public sealed record EditReason(string Head, IReadOnlyList<string> Details);

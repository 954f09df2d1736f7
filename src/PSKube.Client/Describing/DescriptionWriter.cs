using System.Globalization;
using System.Text;

namespace PSKube.Client.Describing;

/// <summary>
/// Writes kubectl describe's text: lines indented two spaces per level, fields separated by tabs, aligned into
/// columns at the end (<see cref="TabAlignment"/>).
/// </summary>
internal sealed class DescriptionWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>Writes <paramref name="text"/> (tabs separate columns; it ends its own line) at an indentation level.</summary>
    public void Write(int level, string text)
    {
        _text.Append(' ', level * 2).Append(text);
    }

    /// <summary>Writes a whole line at an indentation level.</summary>
    public void Line(int level, string text) => Write(level, text + "\n");

    /// <summary>A <c>Title:\tvalue</c> line.</summary>
    public void Field(int level, string title, string? value) => Line(level, title + ":\t" + value);

    /// <summary>A <c>Title:\tvalue</c> line with a number.</summary>
    public void Field(int level, string title, long? value) => Field(level, title, value?.ToString(CultureInfo.InvariantCulture) ?? "0");

    /// <summary>
    /// Sorted key=value lines under a title, the first beside it and the rest aligned below; <c>&lt;none&gt;</c> when
    /// empty. <paramref name="indent"/> goes before the title and each later line.
    /// </summary>
    public void Labels(string title, IReadOnlyDictionary<string, string>? labels, string indent = "")
    {
        Write(0, $"{indent}{title}:\t");
        if (labels is null || labels.Count == 0)
        {
            Write(0, DescribeText.None + "\n");
            return;
        }
        var first = true;
        foreach (var (key, value) in labels.OrderBy(label => label.Key, StringComparer.Ordinal))
        {
            Write(0, (first ? "" : indent + "\t") + $"{key}={value}\n");
            first = false;
        }
    }

    /// <summary>A title with lines beside it and aligned below it; <c>&lt;none&gt;</c> when there are none.</summary>
    public void Multiline(string title, IReadOnlyList<string> lines, string indent = "")
    {
        Write(0, $"{indent}{title}:\t");
        if (lines.Count == 0)
        {
            Write(0, DescribeText.None + "\n");
            return;
        }
        for (var index = 0; index < lines.Count; index++)
        {
            Write(0, (index == 0 ? "" : indent + "\t") + lines[index] + "\n");
        }
    }

    /// <summary>
    /// Annotations as kubectl prints them: sorted, kubectl's last-applied configuration left out, long or multi-line
    /// values on their own lines below the key, shortened.
    /// </summary>
    public void Annotations(string title, IReadOnlyDictionary<string, string>? annotations)
    {
        const int maxLength = 140;
        Write(0, title + ":\t");
        var keys = (annotations ?? new Dictionary<string, string>()).Keys
            .Where(key => key != DescribeText.LastAppliedAnnotation).Order(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            Write(0, DescribeText.None + "\n");
            return;
        }
        for (var index = 0; index < keys.Count; index++)
        {
            if (index > 0)
            {
                Write(0, "\t");
            }
            var key = keys[index];
            var value = annotations![key];
            value = value.EndsWith('\n') ? value[..^1] : value;
            if (value.Length + key.Length + 2 > maxLength || value.Contains('\n', StringComparison.Ordinal))
            {
                Write(0, key + ":\n");
                foreach (var part in value.Split('\n'))
                {
                    Write(0, "\t  " + (part.Length > maxLength - 2 ? part[..(maxLength - 2)] + "..." : part) + "\n");
                }
            }
            else
            {
                Write(0, $"{key}: {value}\n");
            }
        }
    }

    /// <summary>The aligned text.</summary>
    public override string ToString() => TabAlignment.Align(_text.ToString());
}

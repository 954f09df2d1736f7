using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Label maps and label selectors as apimachinery prints them (<c>a=b,c in (x,y),!d</c>).</summary>
internal static class LabelFormatting
{
    /// <summary>Sorted <c>key=value</c> pairs joined by commas; <c>&lt;none&gt;</c> when empty.</summary>
    public static string Labels(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return PrintCells.None;
        }

        return string.Join(',', labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => $"{label.Key}={label.Value}"));
    }

    /// <summary>The selector text most printers show: <c>&lt;none&gt;</c> when it selects by nothing, <c>&lt;error&gt;</c> when invalid.</summary>
    public static string Selector(LabelSelector? selector)
    {
        if (!TryFormatSelector(selector, out var text))
        {
            return "<error>";
        }

        return text.Length == 0 ? PrintCells.None : text;
    }

    /// <summary>
    /// The selector as a label-selector string; empty for a missing or empty selector.
    /// Requirements are ordered by key and set values sorted, as apimachinery does.
    /// </summary>
    public static bool TryFormatSelector(LabelSelector? selector, out string text)
    {
        text = string.Empty;
        if (selector is null)
        {
            return true;
        }

        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.MatchLabels ?? [])
        {
            requirements.Add((key, $"{key}={value}"));
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            if (FormatRequirement(expression) is not { } requirement)
            {
                return false;
            }

            requirements.Add((expression.Key ?? string.Empty, requirement));
        }

        text = string.Join(',', requirements.OrderBy(requirement => requirement.Key, StringComparer.Ordinal).Select(requirement => requirement.Text));
        return true;
    }

    private static string? FormatRequirement(LabelSelectorRequirement expression)
    {
        var key = expression.Key ?? string.Empty;
        var values = expression.Values ?? [];
        var sortedValues = string.Join(',', values.Order(StringComparer.Ordinal));
        return expression.Operator switch
        {
            "In" when values.Count > 0 => $"{key} in ({sortedValues})",
            "NotIn" when values.Count > 0 => $"{key} notin ({sortedValues})",
            "Exists" when values.Count == 0 => key,
            "DoesNotExist" when values.Count == 0 => $"!{key}",
            _ => null,
        };
    }
}

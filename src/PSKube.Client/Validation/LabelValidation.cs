using System.Collections;
using System.Globalization;

namespace PSKube.Client.Validation;

/// <summary>Labels given as a dictionary (a PowerShell hashtable such as <c>@{ app = 'web' }</c>): checked, then as the API takes them.</summary>
public static class LabelValidation
{
    /// <summary>What is wrong with each key and value, as the API server would say it; empty when all are valid.</summary>
    public static IReadOnlyList<string> Validate(IDictionary labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var errors = new List<string>();
        foreach (var (key, value) in ToLabels(labels))
        {
            errors.AddRange(NameValidation.ValidateLabelKey(key).Select(e => $"label key \"{key}\": {e}"));
            errors.AddRange(NameValidation.ValidateLabelValue(value).Select(e => $"value \"{value}\" of label {key}: {e}"));
        }
        return errors;
    }

    /// <summary>The labels as text: keys and values written invariantly (numbers as 3, not 3,0), a null value as empty.</summary>
    public static Dictionary<string, string> ToLabels(IDictionary labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in labels)
        {
            result[Text(entry.Key)] = Text(entry.Value);
        }
        return result;
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}

using System.Globalization;
using System.Text;

namespace PSKube.Client.Validation;

/// <summary>
/// Renders validation failures the way the Kubernetes API server (Go) spells them, so messages
/// produced here are byte-for-byte what a user would see from a real cluster.
/// </summary>
internal static class ApiErrorText
{
    /// <summary>The path Go prints for a field error that has no path at all.</summary>
    public const string NilPath = "<nil>";

    /// <summary>A field.Invalid error with a string value: <c>path: Invalid value: "value": detail</c>.</summary>
    public static string Invalid(string? path, string value, string detail) =>
        $"{path ?? NilPath}: Invalid value: {Quote(value)}: {detail}";

    /// <summary>A field.Invalid error whose value is a list, which Go renders as JSON.</summary>
    public static string Invalid(string? path, IReadOnlyList<string> values, string detail) =>
        $"{path ?? NilPath}: Invalid value: {JsonArray(values)}: {detail}";

    /// <summary>
    /// Joins errors like utilerrors.Aggregate: one error stands alone, several become
    /// <c>[a, b]</c> with duplicates removed.
    /// </summary>
    public static string Aggregate(IReadOnlyList<string> errors)
    {
        var distinct = errors.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
    }

    /// <summary>Go's <c>%q</c>: a double-quoted string with Go escapes; printable Unicode stays as is.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    AppendRune(builder, rune);
                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    private static void AppendRune(StringBuilder builder, Rune rune)
    {
        if (!Rune.IsControl(rune))
        {
            builder.Append(rune.ToString());
        }
        else if (rune.Value < 0x80)
        {
            builder.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
        }
    }

    // Go's json.Marshal prints an empty (nil) string slice as null.
    private static string JsonArray(IReadOnlyList<string> values) =>
        values.Count == 0 ? "null" : "[" + string.Join(",", values.Select(Quote)) + "]";
}

using System.Text.RegularExpressions;

namespace PSKube.Client.Manifests;

/// <summary>
/// Which strings must be quoted in YAML so that every reader takes them back as the same string. kubectl reads
/// manifests with go-yaml, which follows YAML 1.1 (yes/no/on/off/y/n are booleans, 0755 is octal, 1_000 a number,
/// 2001-12-14 a timestamp); other tools follow YAML 1.2. A string either of them would read as anything but itself
/// is quoted, which also covers what `kubectl get -o yaml` quotes (1:20, the old base-60 numbers).
/// </summary>
internal static partial class YamlStringQuoting
{
    // Compared without case: YAML 1.1 only knows three spellings of each, but quoting "yEs" costs nothing and
    // protects against laxer readers. "<<" is the merge key and "=" the YAML 1.1 value key.
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "<<", "=",
    };

    public static bool NeedsQuotes(string text) =>
        text.Length == 0
        || Words.Contains(text)
        || text[0] is ' ' or '\t'
        || text[^1] is ' ' or '\t'
        || SpecialFloat().IsMatch(text)
        // go-yaml drops every '_' before reading a number ("1_0" is 10).
        || Number().IsMatch(text.Replace("_", "", StringComparison.Ordinal))
        || Sexagesimal().IsMatch(text)
        || Timestamp().IsMatch(text);

    /// <summary>
    /// Characters that only a double-quoted scalar can carry as they are: control characters (tab and line feed
    /// aside), carriage returns and the characters some readers take for line breaks (NEL, LS, PS) or strip (BOM).
    /// </summary>
    public static bool NeedsEscapes(string text) =>
        text.Any(c => (c < ' ' && c is not '\n' and not '\t') || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or '\ufeff');

    [GeneratedRegex(@"^[-+]?\.(inf|nan)\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpecialFloat();

    // Integers in any base Go's strconv reads (0b, 0o, 0x, a leading 0 for octal) and floats as go-yaml reads them.
    [GeneratedRegex(@"^[-+]?(0b[01]+|0o[0-7]+|0x[0-9a-f]+|(\.[0-9]+|[0-9]+(\.[0-9]*)?)(e[-+]?[0-9]+)?)\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sexagesimal();

    // A date, alone or followed by a time: go-yaml turns it into a time and kubectl writes it back reformatted.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \t]|\z)", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}

using System.Globalization;

namespace PSKube.FakeCluster.Patching;

/// <summary>A JSON Pointer (RFC 6901) split into its unescaped reference tokens.</summary>
internal sealed class JsonPointer
{
    private JsonPointer(string text, IReadOnlyList<string> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    public IReadOnlyList<string> Tokens { get; }

    public bool IsRoot => Tokens.Count == 0;

    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer(text, []);
        }

        if (text[0] != '/')
        {
            throw PatchException.Invalid($"JSON pointer must be empty or start with a \"/\": \"{text}\"");
        }

        // ~1 is unescaped before ~0 so that "~01" stays the literal "~1".
        var tokens = text[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        return new JsonPointer(text, tokens);
    }

    /// <summary>True when <paramref name="other"/> points inside this location.</summary>
    public bool IsProperPrefixOf(JsonPointer other) =>
        other.Tokens.Count > Tokens.Count && Tokens.Select((t, i) => t == other.Tokens[i]).All(same => same);

    /// <summary>Parses an array index the way the API server's JSON patch library does (negative counts from the end).</summary>
    public static bool TryParseIndex(string token, int count, bool allowEnd, out int index)
    {
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }

        if (index < 0)
        {
            index += count;
        }

        return index >= 0 && (allowEnd ? index <= count : index < count);
    }

    public override string ToString() => Text;
}

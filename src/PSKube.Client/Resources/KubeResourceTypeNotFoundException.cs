namespace PSKube.Client.Resources;

/// <summary>No resource type on the server matches what was typed; the message names the closest types, as a hint for a typo.</summary>
public sealed class KubeResourceTypeNotFoundException : Exception
{
    public KubeResourceTypeNotFoundException(string text, IReadOnlyList<ResourceDefinition> known)
        : this(text, CloseMatches(text, known), known)
    {
    }

    private KubeResourceTypeNotFoundException(string text, IReadOnlyList<string> suggestions, IReadOnlyList<ResourceDefinition> known)
        : base(Describe(text, suggestions, known))
    {
        ResourceType = text;
        Suggestions = suggestions;
    }

    public string ResourceType { get; }

    /// <summary>The plurals of the types whose names are within a typo of what was typed, or start with it.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    private static string Describe(string text, IReadOnlyList<string> suggestions, IReadOnlyList<ResourceDefinition> known) =>
        suggestions.Count > 0
            ? $"the server doesn't have a resource type \"{text}\". Did you mean {string.Join(" or ", suggestions)}?"
            : $"the server doesn't have a resource type \"{text}\". Known types include: {string.Join(", ", known.Select(r => r.Plural).Distinct().Order().Take(20))}.";

    private static List<string> CloseMatches(string text, IReadOnlyList<ResourceDefinition> known)
    {
        var typed = text.Split('.')[0].ToLowerInvariant();
        // One edit in a short word, two in a longer one: enough for a typo, too few to suggest unrelated types.
        var tolerance = typed.Length <= 4 ? 1 : 2;
        return known
            .Where(r => new[] { r.Plural, r.Singular, r.Kind }.Concat(r.ShortNames)
                .Select(n => n.ToLowerInvariant())
                .Any(n => n.Length > 0 && ((typed.Length >= 3 && n.StartsWith(typed, StringComparison.Ordinal)) || EditDistance(typed, n) <= tolerance)))
            .Select(r => r.Plural)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(5)
            .ToList();
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours (pdos -> pods) cost one.
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}

using PSKube.Client.Models;
using PSKube.Client.Resources;

namespace PSKube.Client.Completion;

/// <summary>
/// What tab completion offers for a label selector (kubectl -l) as it is being typed: label keys, then after
/// <c>key=</c>, <c>key==</c> or <c>key!=</c> the values that key has; after a comma (<c>app=web,</c>) the next key,
/// among the objects the terms before it still select.
/// </summary>
public static class LabelSelectorCompletion
{
    private static readonly string[] Operators = ["!=", "==", "="];

    /// <summary>
    /// The whole selectors to offer for <paramref name="typed"/> (quotes the user opened ignored), given the labels of
    /// the objects the selector is for. Set-based terms (<c>in (a,b)</c>) are not completed.
    /// </summary>
    public static IReadOnlyList<string> Candidates(IEnumerable<IReadOnlyDictionary<string, string>?> labelSets, string? typed)
    {
        ArgumentNullException.ThrowIfNull(labelSets);
        var text = (typed ?? string.Empty).Trim('\'', '"');
        if (text.Count(c => c == '(') != text.Count(c => c == ')'))
        {
            return [];
        }
        var termStart = text.LastIndexOf(',') + 1;
        while (termStart < text.Length && char.IsWhiteSpace(text[termStart]))
        {
            termStart++;
        }
        var finished = text[..termStart];
        var term = text[termStart..];
        var (selected, usedKeys) = SelectedBy(finished, labelSets);

        foreach (var op in Operators)
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = term[..at];
                return selected.Select(labels => labels.TryGetValue(key, out var value) ? value : null)
                    .OfType<string>()
                    .Select(value => finished + key + op + value)
                    .ToList();
            }
        }
        var negation = term.StartsWith('!') ? "!" : string.Empty;
        return selected.SelectMany(labels => labels.Keys)
            .Where(key => !usedKeys.Contains(key))
            .Select(key => finished + negation + key)
            .ToList();
    }

    /// <summary>The labels of the objects of one resource type in a namespace (every namespace when null).</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string>?>> LabelSetsAsync(KubeClient client, ResourceDefinition resource, string? @namespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resource);
        var labelSets = new List<IReadOnlyDictionary<string, string>?>();
        await foreach (var item in client.ListAsync<GenericKubeObject>(resource, resource.Namespaced ? @namespace : null, null, cancellationToken))
        {
            labelSets.Add(item.Metadata?.Labels);
        }
        return labelSets;
    }

    /// <summary>
    /// The label sets the finished terms (<c>app=web,</c>) still select and the keys they name; every set when those
    /// terms do not parse yet.
    /// </summary>
    private static (List<IReadOnlyDictionary<string, string>> Selected, HashSet<string> UsedKeys) SelectedBy(string finished, IEnumerable<IReadOnlyDictionary<string, string>?> labelSets)
    {
        var all = labelSets.OfType<IReadOnlyDictionary<string, string>>().ToList();
        var terms = finished.TrimEnd().TrimEnd(',');
        if (terms.Length == 0)
        {
            return (all, []);
        }
        try
        {
            var selector = Selectors.LabelSelector.Parse(terms);
            return (all.Where(selector.Matches).ToList(), selector.Requirements.Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
        }
        catch (Selectors.LabelSelectorException)
        {
            return (all, []);
        }
    }
}

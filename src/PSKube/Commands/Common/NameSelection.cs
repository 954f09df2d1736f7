using System.Management.Automation;
using PSKube.Client.Models;
using KubeLabelSelector = PSKube.Client.Selectors.LabelSelector;

namespace PSKube.Commands.Common;

/// <summary>
/// -Name as the Get-* cmdlets read it: names without wildcards are read one by one (a missing one is an error for
/// that name); wildcard patterns, no names, or names across every namespace filter one list instead.
/// </summary>
internal sealed class NameSelection
{
    private readonly bool _everything;
    private readonly Func<KubeObject, bool>? _filter;

    /// <param name="names">Names and wildcard patterns; null for every object.</param>
    /// <param name="filter">What the objects must also satisfy (owned by a piped CronJob...); null for nothing more.</param>
    public NameSelection(IReadOnlyList<string>? names, Func<KubeObject, bool>? filter = null)
    {
        _everything = names is null;
        _filter = filter;
        Names = names;
        Exact = names?.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)).ToList() ?? [];
        Patterns = names?.Where(WildcardPattern.ContainsWildcardCharacters).Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList() ?? [];
    }

    /// <summary>The names and patterns as given; null for every object.</summary>
    public IReadOnlyList<string>? Names { get; }

    public IReadOnlyList<string> Exact { get; }

    public IReadOnlyList<WildcardPattern> Patterns { get; }

    /// <summary>True when one list (then <see cref="Selects"/>) answers, rather than a read per name.</summary>
    public bool NeedsList(string? @namespace) => _everything || Patterns.Count > 0 || @namespace is null;

    /// <summary>Whether a listed object is one the names ask for (every object when no names were given).</summary>
    public bool Selects(KubeObject obj) => Selects(obj.Name ?? "") && (_filter?.Invoke(obj) ?? true);

    /// <summary>Whether a name is one the names ask for.</summary>
    public bool Selects(string name) =>
        _everything || Exact.Contains(name, StringComparer.Ordinal) || Patterns.Any(p => p.IsMatch(name));

    /// <summary>An object read by name still honours -Selector (kubectl refuses the mix; a filter is more useful in a pipeline).</summary>
    public static bool MatchesLabels(KubeObject obj, string? labelSelector) =>
        labelSelector is null || KubeLabelSelector.Parse(labelSelector).Matches(obj.Metadata?.Labels ?? []);
}

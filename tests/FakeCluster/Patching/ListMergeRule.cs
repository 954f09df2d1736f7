namespace PSKube.FakeCluster.Patching;

/// <summary>
/// How one list in the built-in types merges, for strategic merge patch (patchStrategy/patchMergeKey)
/// and for server-side apply (listType/listMapKeys). The two differ: container ports merge by
/// containerPort in a strategic patch but are keyed by containerPort and protocol in apply.
/// </summary>
/// <param name="Location">Field names from the object's root, dot separated, matched against the end of a list's path.</param>
/// <param name="Kind">Restricts the rule to one kind; null for every kind.</param>
/// <param name="StrategicMerge">True when patchStrategy includes merge; otherwise a strategic patch replaces the list.</param>
/// <param name="StrategicMergeKey">patchMergeKey; null for a merged list of scalars (merged as a set).</param>
/// <param name="RetainKeys">True when patchStrategy includes retainKeys.</param>
/// <param name="ApplyType">listType for server-side apply.</param>
/// <param name="ApplyKeys">listMapKeys for a map list.</param>
/// <param name="ApplyKeyDefaults">Values the server defaults for key fields a client may leave out.</param>
/// <param name="ItemsAtomic">True when each item is an atomic struct (owned as a whole).</param>
public sealed record ListMergeRule(
    string Location,
    string? Kind,
    bool StrategicMerge,
    string? StrategicMergeKey,
    bool RetainKeys,
    ApplyListType ApplyType,
    IReadOnlyList<string> ApplyKeys,
    IReadOnlyDictionary<string, string> ApplyKeyDefaults,
    bool ItemsAtomic = false)
{
    private readonly string[] segments = Location.Split('.');

    /// <summary>Number of path segments in <see cref="Location"/>; longer locations are more specific.</summary>
    public int Depth => segments.Length;

    /// <summary>True when this rule describes the list found at <paramref name="fieldPath"/> in an object of <paramref name="kind"/>.</summary>
    public bool Matches(string? kind, IReadOnlyList<string> fieldPath)
    {
        if (Kind is not null && Kind != kind)
        {
            return false;
        }

        if (segments.Length > fieldPath.Count)
        {
            return false;
        }

        var offset = fieldPath.Count - segments.Length;
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] != fieldPath[offset + i])
            {
                return false;
            }
        }

        return true;
    }
}

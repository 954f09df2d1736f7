using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Metadata;

/// <summary>Which of an object's key/value maps a change is for: metadata.labels or metadata.annotations.</summary>
public enum MetadataField
{
    Labels,
    Annotations,
}

/// <summary>
/// kubectl label / annotate's changes as typed: <c>KEY=VALUE</c> sets a key, <c>KEY-</c> removes one. Checked as
/// kubectl checks them before any request (a label value's format, a key both set and removed).
/// </summary>
public sealed class MetadataChanges
{
    private MetadataChanges(MetadataField field, IReadOnlyDictionary<string, string> set, IReadOnlyList<string> remove)
    {
        Field = field;
        Set = set;
        Remove = remove;
    }

    public MetadataField Field { get; }

    /// <summary>The keys to set, with their values, in the order typed.</summary>
    public IReadOnlyDictionary<string, string> Set { get; }

    /// <summary>The keys to remove.</summary>
    public IReadOnlyList<string> Remove { get; }

    /// <summary>"label" or "annotation", for messages.</summary>
    public string Noun => Field == MetadataField.Labels ? "label" : "annotation";

    /// <exception cref="KubeInputException">A change is neither KEY=VALUE nor KEY-, a key or label value is invalid, or a key is both set and removed.</exception>
    public static MetadataChanges Parse(MetadataField field, IEnumerable<string> changes, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var noun = field == MetadataField.Labels ? "label" : "annotation";
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var remove = new List<string>();
        foreach (var change in changes)
        {
            var equals = change.IndexOf('=', StringComparison.Ordinal);
            string key;
            if (equals > 0)
            {
                key = change[..equals];
                var value = change[(equals + 1)..];
                if (field == MetadataField.Labels && NameValidation.ValidateLabelValue(value) is { Count: > 0 } valueErrors)
                {
                    throw new KubeInputException($"invalid label value: \"{change}\": {string.Join("; ", valueErrors)}", parameterName);
                }
                set[key] = value;
            }
            else if (change.Length > 1 && change[^1] == '-' && equals < 0)
            {
                key = change[..^1];
                remove.Add(key);
            }
            else
            {
                throw new KubeInputException($"\"{change}\" is not a {noun} change: write KEY=VALUE to set a {noun}, or KEY- to remove one.", parameterName);
            }
            if (NameValidation.ValidateLabelKey(key) is { Count: > 0 } keyErrors)
            {
                throw new KubeInputException($"invalid {noun} key \"{key}\": {string.Join("; ", keyErrors)}", parameterName);
            }
        }
        if (remove.FirstOrDefault(set.ContainsKey) is { } both)
        {
            throw new KubeInputException($"can not both modify and remove the {noun} \"{both}\" in the same command.", parameterName);
        }
        if (set.Count == 0 && remove.Count == 0)
        {
            throw new KubeInputException($"Give at least one {noun} change: KEY=VALUE or KEY-.", parameterName);
        }
        return new MetadataChanges(field, set, remove);
    }

    /// <summary>
    /// What the changes do to <paramref name="current"/>: the merge patch of what differs (null when nothing does),
    /// and the keys asked to be removed that it does not have (kubectl: <c>label "x" not found.</c>).
    /// </summary>
    /// <exception cref="MetadataOverwriteException">A key has another value and <paramref name="overwrite"/> is false.</exception>
    public MetadataPlan Plan(KubeObject current, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(current);
        var existing = (Field == MetadataField.Labels ? current.Metadata?.Labels : current.Metadata?.Annotations) ?? [];
        // Setting a key to the value it has is no change, so only a different value needs -Overwrite (as kubectl).
        var conflicts = Set.Where(pair => existing.TryGetValue(pair.Key, out var value) && value != pair.Value).ToList();
        if (conflicts.Count > 0 && !overwrite)
        {
            throw new MetadataOverwriteException(Noun, conflicts.Select(pair => (pair.Key, existing[pair.Key])).ToList());
        }
        var changes = new JsonObject();
        foreach (var (key, value) in Set.Where(pair => !existing.TryGetValue(pair.Key, out var now) || now != pair.Value))
        {
            changes[key] = value;
        }
        foreach (var key in Remove.Where(existing.ContainsKey))
        {
            changes[key] = null;
        }
        var missing = Remove.Where(key => !existing.ContainsKey(key)).ToList();
        var patch = changes.Count == 0
            ? null
            : new JsonObject { ["metadata"] = new JsonObject { [Field == MetadataField.Labels ? "labels" : "annotations"] = changes } };
        var onlyRemoves = changes.All(pair => pair.Value is null);
        var outcome = patch is null ? $"not {Noun}ed" : onlyRemoves ? $"un{Noun}ed" : $"{Noun}ed";
        return new MetadataPlan(patch, missing, outcome.Replace("annotationed", "annotated", StringComparison.Ordinal));
    }
}

/// <summary>
/// What a change does to one object: the merge patch (null: nothing changes), the keys to remove it lacks, and
/// kubectl's word for the outcome (<c>labeled</c>, <c>unlabeled</c>, <c>not labeled</c>, <c>annotated</c>...).
/// </summary>
public sealed record MetadataPlan(JsonObject? Patch, IReadOnlyList<string> Missing, string Outcome);

/// <summary>A key already has another value and overwriting was not allowed.</summary>
public sealed class MetadataOverwriteException(string noun, IReadOnlyList<(string Key, string Value)> conflicts)
    : InvalidOperationException(
        string.Join("; ", conflicts.Select(c => $"{noun} '{c.Key}' already has a value ({Shortened(c.Value)})")) +
        "; add -Overwrite to change it.")
{
    public IReadOnlyList<(string Key, string Value)> Conflicts { get; } = conflicts;

    // An annotation may hold a whole manifest (last-applied-configuration): show its start.
    private static string Shortened(string value) => value.Length <= 60 ? value : value[..57] + "...";
}

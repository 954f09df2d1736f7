namespace PSKube.FakeCluster.Patching;

/// <summary>
/// Objects that server-side apply owns and replaces as a whole (<c>x-kubernetes-map-type: atomic</c>
/// or <c>+structType=atomic</c>): label selectors, a Service's selector, nodeSelector and the
/// reference types. Keyed like <see cref="ListMergeKeys"/>: field names matched against the end of a path.
/// </summary>
public static class AtomicFields
{
    private static readonly string[][] Locations =
    [
        ["selector"],
        ["nodeSelector"],
        ["labelSelector"],
        ["namespaceSelector"],
        ["valueFrom", "configMapKeyRef"],
        ["valueFrom", "secretKeyRef"],
        ["valueFrom", "fieldRef"],
        ["valueFrom", "resourceFieldRef"],
        ["valueFrom", "fileKeyRef"],
        ["nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"],
        ["involvedObject"],
        ["dataSource"],
        ["dataSourceRef"],
    ];

    /// <summary>True when the object at <paramref name="fieldPath"/> is atomic.</summary>
    public static bool IsAtomic(IReadOnlyList<string> fieldPath) =>
        Locations.Any(location => EndsWith(fieldPath, location));

    private static bool EndsWith(IReadOnlyList<string> path, string[] suffix)
    {
        if (suffix.Length > path.Count)
        {
            return false;
        }

        var offset = path.Count - suffix.Length;
        return suffix.Select((segment, i) => segment == path[offset + i]).All(same => same);
    }
}

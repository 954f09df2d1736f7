namespace PSKube.FakeCluster.Patching;

/// <summary>What changed between two versions of an object, as field sets.</summary>
/// <param name="Added">Paths present only in the newer version (new maps and list items included).</param>
/// <param name="Modified">Leaf or atomic fields present in both with different values.</param>
/// <param name="Removed">Paths present only in the older version.</param>
public sealed record FieldComparison(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    /// <summary>Fields the newer version sets: what an updater takes ownership of.</summary>
    public FieldSet Changed => Added.Union(Modified);
}

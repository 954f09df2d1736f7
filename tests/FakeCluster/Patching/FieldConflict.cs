namespace PSKube.FakeCluster.Patching;

/// <summary>A field an apply would change that another manager owns.</summary>
public sealed record FieldConflict(ManagedFieldsEntry Owner, IReadOnlyList<FieldPathElement> Path)
{
    /// <summary>The field in the server's notation, e.g. <c>.spec.replicas</c>.</summary>
    public string Field => FieldSet.Format(Path);

    /// <summary>The cause message, e.g. <c>conflict with "kubectl-client-side-apply" using apps/v1</c>.</summary>
    public string Message => "conflict with " + Owner.Describe();
}

namespace PSKube.FakeCluster.Patching;

/// <summary>How server-side apply treats a list (<c>x-kubernetes-list-type</c>).</summary>
public enum ApplyListType
{
    /// <summary>Replaced as a whole and owned as one field.</summary>
    Atomic,

    /// <summary>Items are objects identified by their key fields.</summary>
    Map,

    /// <summary>Items are scalars identified by their value.</summary>
    Set,
}

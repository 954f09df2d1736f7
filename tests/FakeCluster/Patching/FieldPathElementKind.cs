namespace PSKube.FakeCluster.Patching;

/// <summary>The four kinds of steps in a managed-fields path, in the order the server sorts them.</summary>
public enum FieldPathElementKind
{
    /// <summary>A field of an object: <c>f:name</c>.</summary>
    Field,

    /// <summary>An item of a map list, by its key fields: <c>k:{"name":"nginx"}</c>.</summary>
    Key,

    /// <summary>An item of a set, by its value: <c>v:"example.com/finalizer"</c>.</summary>
    Value,

    /// <summary>An item by position: <c>i:0</c>.</summary>
    Index,
}

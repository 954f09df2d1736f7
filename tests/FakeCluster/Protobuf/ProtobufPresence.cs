namespace PSKube.FakeCluster.Protobuf;

/// <summary>Whether a zero value survives into JSON, mirroring the Go field's type.</summary>
internal enum ProtobufPresence
{
    /// <summary>A plain Go field with <c>omitempty</c>: "", false, 0 and empty objects, lists and maps are left out.</summary>
    OmitEmpty,

    /// <summary>A Go pointer field (<c>*T</c>): kept whenever it is on the wire, even when zero, false or empty.</summary>
    Pointer,

    /// <summary>A plain Go field without <c>omitempty</c>: rendered whenever it is on the wire, zero values included.</summary>
    Always,
}

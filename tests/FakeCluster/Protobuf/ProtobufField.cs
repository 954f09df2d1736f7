namespace PSKube.FakeCluster.Protobuf;

/// <summary>One row of a message table: the protobuf field number and how to turn its value into JSON.</summary>
/// <param name="Number">The field number from the generated.proto file.</param>
/// <param name="JsonName">The JSON property name (unused for inline messages).</param>
/// <param name="Kind">How the value is decoded.</param>
/// <param name="Presence">Whether a zero value is kept.</param>
/// <param name="Repeated">A list: every occurrence is appended to a JSON array.</param>
/// <param name="MessageType">The table name of a nested message.</param>
/// <param name="MapValueKind">The value kind of a map.</param>
internal sealed record ProtobufField(
    int Number,
    string JsonName,
    ProtobufFieldKind Kind,
    ProtobufPresence Presence = ProtobufPresence.OmitEmpty,
    bool Repeated = false,
    string? MessageType = null,
    ProtobufFieldKind MapValueKind = ProtobufFieldKind.String)
{
    /// <summary>The wire type Go's encoder uses for a single value of this field.</summary>
    public ProtobufWireType WireType => Kind is ProtobufFieldKind.Int32 or ProtobufFieldKind.Int64 or ProtobufFieldKind.Bool
        ? ProtobufWireType.Varint
        : ProtobufWireType.LengthDelimited;
}

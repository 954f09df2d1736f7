namespace PSKube.FakeCluster.Protobuf;

/// <summary>The low three bits of a protobuf field tag: how the value that follows is laid out.</summary>
internal enum ProtobufWireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}

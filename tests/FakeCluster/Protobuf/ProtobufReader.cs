using System.Buffers.Binary;

namespace PSKube.FakeCluster.Protobuf;

/// <summary>
/// Reads protobuf wire format from a span, one field at a time. Every read checks the remaining length,
/// so truncated or corrupt input ends in a <see cref="KubeProtobufException"/>, never in an out-of-range read.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private const int MaxVarintBytes = 10;
    private const int MaxFieldNumber = (1 << 29) - 1;

    private ReadOnlySpan<byte> _remaining = data;

    public readonly bool IsAtEnd => _remaining.IsEmpty;

    /// <summary>Reads the next field's tag; false at the end of the data.</summary>
    public bool TryReadTag(out int fieldNumber, out ProtobufWireType wireType)
    {
        if (_remaining.IsEmpty)
        {
            fieldNumber = 0;
            wireType = default;
            return false;
        }

        var tag = ReadVarint();
        var number = tag >> 3;
        if (number is 0 or > MaxFieldNumber)
        {
            throw new KubeProtobufException($"Invalid protobuf field number {number}.");
        }

        var type = (int)(tag & 7);
        if (type is 6 or 7)
        {
            throw new KubeProtobufException($"Invalid protobuf wire type {type} for field {number}.");
        }

        fieldNumber = (int)number;
        wireType = (ProtobufWireType)type;
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var index = 0; index < MaxVarintBytes; index++)
        {
            if (index >= _remaining.Length)
            {
                throw Truncated("a varint");
            }

            var current = _remaining[index];
            // The tenth byte can only carry the 64th bit.
            if (index == MaxVarintBytes - 1 && current > 1)
            {
                throw new KubeProtobufException("Invalid protobuf varint: it does not fit in 64 bits.");
            }

            value |= (ulong)(current & 0x7F) << (7 * index);
            if (current < 0x80)
            {
                _remaining = _remaining[(index + 1)..];
                return value;
            }
        }

        throw new KubeProtobufException("Invalid protobuf varint: it is longer than 10 bytes.");
    }

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(sizeof(ulong), "a 64-bit value"));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint), "a 32-bit value"));

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)_remaining.Length)
        {
            throw new KubeProtobufException(
                $"Truncated protobuf data: a length-delimited field declares {length} bytes but only {_remaining.Length} remain.");
        }

        return Take((int)length, "a length-delimited field");
    }

    /// <summary>Reads past the value of a field the schema does not know.</summary>
    public void SkipField(ProtobufWireType wireType)
    {
        switch (wireType)
        {
            case ProtobufWireType.Varint:
                ReadVarint();
                break;
            case ProtobufWireType.Fixed64:
                ReadFixed64();
                break;
            case ProtobufWireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case ProtobufWireType.Fixed32:
                ReadFixed32();
                break;
            default:
                // Kubernetes messages are proto2 without groups; a group here means the data is not what we think.
                throw new KubeProtobufException($"Unsupported protobuf wire type {wireType}: groups are not used by Kubernetes.");
        }
    }

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > _remaining.Length)
        {
            throw Truncated(what);
        }

        var taken = _remaining[..count];
        _remaining = _remaining[count..];
        return taken;
    }

    private readonly KubeProtobufException Truncated(string what) =>
        new($"Truncated protobuf data: the input ends inside {what} ({_remaining.Length} bytes left).");
}

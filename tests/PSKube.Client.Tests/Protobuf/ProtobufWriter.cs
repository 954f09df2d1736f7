using System.Text;

namespace PSKube.Client.Tests.Protobuf;

/// <summary>A minimal protobuf encoder for building test bodies (test helper only).</summary>
internal sealed class ProtobufWriter
{
    private readonly List<byte> _bytes = [];

    /// <summary>Wraps an object message in the <c>k8s\0</c> + runtime.Unknown envelope kubectl sends.</summary>
    public static byte[] Envelope(string apiVersion, string kind, ProtobufWriter body) =>
        [.. "k8s\0"u8.ToArray(), .. new ProtobufWriter()
            .Message(1, typeMeta => typeMeta.String(1, apiVersion).String(2, kind))
            .Bytes(2, body.ToArray())
            .String(3, string.Empty)
            .String(4, string.Empty)
            .ToArray()];

    public ProtobufWriter Varint(int field, ulong value) => Tag(field, 0).RawVarint(value);

    public ProtobufWriter Varint(int field, long value) => Varint(field, unchecked((ulong)value));

    public ProtobufWriter Bool(int field, bool value) => Varint(field, value ? 1UL : 0UL);

    public ProtobufWriter Fixed64(int field, ulong value) => Tag(field, 1).Raw(BitConverter.GetBytes(value));

    public ProtobufWriter Fixed32(int field, uint value) => Tag(field, 5).Raw(BitConverter.GetBytes(value));

    public ProtobufWriter Bytes(int field, byte[] value) => Tag(field, 2).RawVarint((ulong)value.Length).Raw(value);

    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtobufWriter Message(int field, Action<ProtobufWriter> build)
    {
        var message = new ProtobufWriter();
        build(message);
        return Bytes(field, message.ToArray());
    }

    /// <summary>One map&lt;string, string&gt; entry.</summary>
    public ProtobufWriter MapEntry(int field, string key, string value) =>
        Message(field, entry => entry.String(1, key).String(2, value));

    /// <summary>One map&lt;string, Quantity&gt; entry.</summary>
    public ProtobufWriter QuantityEntry(int field, string key, string quantity) =>
        Message(field, entry => entry.String(1, key).Message(2, value => value.String(1, quantity)));

    public ProtobufWriter Tag(int field, int wireType) => RawVarint(((ulong)field << 3) | (uint)wireType);

    public ProtobufWriter RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
        return this;
    }

    public ProtobufWriter Raw(byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}

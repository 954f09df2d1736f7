using PSKube.FakeCluster.Protobuf;

namespace PSKube.Client.Tests.Protobuf;

/// <summary>The wire reader: each wire type, skipping, and refusing bad input instead of reading past the end.</summary>
public class ProtobufReaderTests
{
    [Theory]
    [InlineData("00", 0UL)]
    [InlineData("01", 1UL)]
    [InlineData("7f", 127UL)]
    [InlineData("ac02", 300UL)]
    [InlineData("ffffffff0f", 4_294_967_295UL)]
    [InlineData("ffffffffffffffffff01", ulong.MaxValue)]
    public void VarintDecodes(string hex, ulong expected)
    {
        var reader = new ProtobufReader(Convert.FromHexString(hex));

        Assert.Equal(expected, reader.ReadVarint());
        Assert.True(reader.IsAtEnd);
    }

    [Theory]
    [InlineData("80")]
    [InlineData("ffffffffffffffffff02")]
    [InlineData("ffffffffffffffffffff01")]
    public void MalformedVarintIsRejected(string hex)
    {
        var exception = Assert.Throws<KubeProtobufException>(() => new ProtobufReader(Convert.FromHexString(hex)).ReadVarint());

        Assert.Contains("varint", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TagsAndEveryWireTypeRead()
    {
        var data = new ProtobufWriter()
            .Varint(1, 150UL)
            .Fixed64(2, 0x0102030405060708UL)
            .String(3, "hi")
            .Fixed32(15, 0xDEADBEEFU)
            .ToArray();
        var reader = new ProtobufReader(data);

        Assert.True(reader.TryReadTag(out var number, out var wireType));
        Assert.Equal((1, ProtobufWireType.Varint), (number, wireType));
        Assert.Equal(150UL, reader.ReadVarint());
        Assert.True(reader.TryReadTag(out number, out wireType));
        Assert.Equal((2, ProtobufWireType.Fixed64), (number, wireType));
        Assert.Equal(0x0102030405060708UL, reader.ReadFixed64());
        Assert.True(reader.TryReadTag(out number, out wireType));
        Assert.Equal((3, ProtobufWireType.LengthDelimited), (number, wireType));
        Assert.Equal("hi"u8.ToArray(), reader.ReadLengthDelimited().ToArray());
        Assert.True(reader.TryReadTag(out number, out wireType));
        Assert.Equal((15, ProtobufWireType.Fixed32), (number, wireType));
        Assert.Equal(0xDEADBEEFU, reader.ReadFixed32());
        Assert.False(reader.TryReadTag(out _, out _));
    }

    [Fact]
    public void SkipFieldPassesOverEveryWireType()
    {
        var data = new ProtobufWriter()
            .Varint(1, ulong.MaxValue)
            .Fixed64(2, 1UL)
            .String(3, "skipped")
            .Fixed32(4, 1U)
            .Varint(5, 9UL)
            .ToArray();
        var reader = new ProtobufReader(data);

        for (var skipped = 0; skipped < 4; skipped++)
        {
            Assert.True(reader.TryReadTag(out _, out var wireType));
            reader.SkipField(wireType);
        }

        Assert.True(reader.TryReadTag(out var number, out _));
        Assert.Equal(5, number);
        Assert.Equal(9UL, reader.ReadVarint());
    }

    [Theory]
    [InlineData("0d0102")]
    [InlineData("09010203040506")]
    [InlineData("0a05616263")]
    public void SkippingPastTheEndIsRejected(string hex)
    {
        var exception = Assert.Throws<KubeProtobufException>(() =>
        {
            var reader = new ProtobufReader(Convert.FromHexString(hex));
            reader.TryReadTag(out _, out var wireType);
            reader.SkipField(wireType);
        });

        Assert.StartsWith("Truncated protobuf data", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("0e")]
    [InlineData("0f")]
    public void InvalidTagIsRejected(string hex)
    {
        Assert.Throws<KubeProtobufException>(() => new ProtobufReader(Convert.FromHexString(hex)).TryReadTag(out _, out _));
    }
}

using PSKube.FakeCluster.Streaming.Spdy;

namespace PSKube.Client.Tests.Streaming;

/// <summary>The fake's SPDY header blocks: the dictionary is SPDY's, and blocks written here read back in order over one stream.</summary>
public sealed class SpdyHeaderCodecTests
{
    [Fact]
    public void Dictionary_HasSpdysChecksumAndLength()
    {
        Assert.Equal(1423, SpdyHeaderDictionary.Bytes.Length);
        Assert.Equal(SpdyHeaderDictionary.Adler32, SpdyHeaderDictionary.ComputeAdler32(SpdyHeaderDictionary.Bytes));
    }

    [Fact]
    public void Blocks_RoundTripOneAfterAnotherOnTheSameStream()
    {
        using var encoder = new SpdyHeaderEncoder();
        using var decoder = new SpdyHeaderDecoder();
        var first = new List<KeyValuePair<string, string>> { new("streamtype", "error"), new("port", "8080"), new("requestid", "0") };
        var second = new List<KeyValuePair<string, string>> { new("streamtype", "data"), new("port", "8080"), new("requestid", "0") };
        Assert.Equal(first, decoder.Decode(encoder.Encode(first)));
        Assert.Equal(second, decoder.Decode(encoder.Encode(second)));
        Assert.Empty(decoder.Decode(encoder.Encode([])));
    }
}

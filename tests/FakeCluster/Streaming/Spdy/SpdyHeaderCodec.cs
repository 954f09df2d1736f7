using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PSKube.FakeCluster.Streaming.Spdy;

/// <summary>
/// Writes SPDY/3 header blocks: the name/value pairs (each count and length a big-endian uint32) compressed as one
/// zlib stream for the whole connection, each block ending on a sync flush so the peer can decode it at once.
/// ZLibStream does all of it but the dictionary, which .NET cannot preset; a zlib stream that names no dictionary
/// is still valid zlib, and Go's reader (kubectl's) accepts it, so this side simply does without.
/// </summary>
public sealed class SpdyHeaderEncoder : IDisposable
{
    private readonly MemoryStream _output = new();
    private readonly ZLibStream _zlib;

    public SpdyHeaderEncoder() => _zlib = new ZLibStream(_output, CompressionLevel.Optimal, leaveOpen: true);

    public byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var block = new List<byte>();
        AppendUInt32(block, (uint)headers.Count);
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name.ToLowerInvariant());
            var valueBytes = Encoding.UTF8.GetBytes(value);
            AppendUInt32(block, (uint)nameBytes.Length);
            block.AddRange(nameBytes);
            AppendUInt32(block, (uint)valueBytes.Length);
            block.AddRange(valueBytes);
        }
        _zlib.Write([.. block]);
        _zlib.Flush();
        var compressed = _output.ToArray();
        _output.SetLength(0);
        return compressed;
    }

    private static void AppendUInt32(List<byte> bytes, uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        bytes.AddRange(buffer.ToArray());
    }

    public void Dispose()
    {
        _zlib.Dispose();
        _output.Dispose();
    }
}

/// <summary>
/// Reads SPDY/3 header blocks: one zlib stream per connection direction, fed one frame's block at a time. Written by
/// hand around DeflateStream because neither ZLibStream nor DeflateStream takes a preset dictionary and Go's framer
/// compresses with SPDY's: the two-byte zlib header and the dictionary id are parsed here, and the inflater is primed
/// by feeding it the dictionary as a stored (uncompressed) deflate block first, whose output is then skipped, so
/// back-references into the dictionary resolve against the window as they would with inflateSetDictionary.
/// </summary>
public sealed class SpdyHeaderDecoder : IDisposable
{
    private readonly FeedStream _input = new();
    private DeflateStream? _inflater;

    public List<KeyValuePair<string, string>> Decode(ReadOnlySpan<byte> compressed)
    {
        if (_inflater is null)
        {
            compressed = Start(compressed);
        }
        _input.Append(compressed);
        var count = ReadUInt32();
        var headers = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < count; i++)
        {
            var name = Encoding.UTF8.GetString(ReadExactly(ReadUInt32()));
            var value = Encoding.UTF8.GetString(ReadExactly(ReadUInt32()));
            headers.Add(new(name, value));
        }
        return headers;
    }

    /// <summary>Reads the zlib header of the first block, primes the inflater, and returns the deflate data after the header.</summary>
    private ReadOnlySpan<byte> Start(ReadOnlySpan<byte> compressed)
    {
        if (compressed.Length < 2 || (compressed[0] & 0x0f) != 8 || ((compressed[0] << 8) | compressed[1]) % 31 != 0)
        {
            throw new InvalidDataException("The SPDY header block does not start a zlib stream.");
        }
        var presetDictionary = (compressed[1] & 0x20) != 0;
        var dictionary = SpdyHeaderDictionary.Bytes;
        if (presetDictionary)
        {
            if (compressed.Length < 6 || BinaryPrimitives.ReadUInt32BigEndian(compressed[2..]) != SpdyHeaderDictionary.Adler32)
            {
                throw new InvalidDataException("The SPDY header block was compressed with a dictionary other than SPDY's.");
            }
            // A stored block: BFINAL=0 and BTYPE=00 in the first bits, padding to the byte, LEN, ~LEN, the bytes.
            var stored = new byte[5 + dictionary.Length];
            BinaryPrimitives.WriteUInt16LittleEndian(stored.AsSpan(1), (ushort)dictionary.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(stored.AsSpan(3), (ushort)~dictionary.Length);
            dictionary.CopyTo(stored, 5);
            _input.Append(stored);
        }
        _inflater = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
        if (presetDictionary)
        {
            _inflater.ReadExactly(new byte[dictionary.Length]);
        }
        return compressed[(presetDictionary ? 6 : 2)..];
    }

    private uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(ReadExactly(4));

    private byte[] ReadExactly(uint count)
    {
        if (count > 1 << 20)
        {
            throw new InvalidDataException("A SPDY header is larger than this server accepts.");
        }
        var bytes = new byte[count];
        _inflater!.ReadExactly(bytes);
        return bytes;
    }

    public void Dispose()
    {
        _inflater?.Dispose();
        _input.Dispose();
    }

    /// <summary>The compressed bytes received so far and not yet inflated; reads what is there and never waits.</summary>
    private sealed class FeedStream : Stream
    {
        private readonly Queue<byte> _bytes = new();

        public void Append(ReadOnlySpan<byte> data)
        {
            foreach (var value in data)
            {
                _bytes.Enqueue(value);
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = 0;
            while (read < count && _bytes.TryDequeue(out var value))
            {
                buffer[offset + read++] = value;
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

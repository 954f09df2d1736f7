using System.Text;

namespace PSKube.Client.Transport;

/// <summary>
/// Lets a request carry one header several times, as Go clients send Impersonate-Group and Impersonate-Extra-KEY
/// and as the API server reads them (one value per line, commas not split). HttpClient joins the values of one
/// name into a single "a, b" line, so the second and later values travel under a stand-in name
/// (<see cref="NameFor"/>) and this stream, placed over the connection after TLS, renames them back in each
/// HTTP/1.1 request head it writes. Bodies are never touched: only a write that starts with a request line is
/// read, and only up to the blank line that ends its head. HTTP/2 compresses the head (HPACK) and joins the values
/// into one field, so a connection whose requests repeat a header asks for HTTP/1.1 (<see cref="KubeConnection"/>).
/// </summary>
internal sealed class RepeatedHeaderStream(Stream inner) : Stream
{
    private const string StandIn = "PSKube-Repeat-";
    private static readonly byte[] LineStandIn = Encoding.ASCII.GetBytes("\r\n" + StandIn);
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>The name the <paramref name="occurrence"/>-th value (0 for the first) of header <paramref name="name"/> is added under.</summary>
    public static string NameFor(string name, int occurrence) => occurrence == 0 ? name : $"{StandIn}{occurrence}-{name}";

    /// <summary>The head with every stand-in name renamed back, or null when <paramref name="buffer"/> holds none.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> buffer)
    {
        var headLength = buffer.IndexOf(HeadEnd);
        if (headLength < 0 || !StartsWithRequestLine(buffer) || buffer[..headLength].IndexOf(LineStandIn) < 0)
        {
            return null;
        }
        var head = buffer[..headLength];
        var output = new List<byte>(buffer.Length);
        var position = 0;
        int found;
        while ((found = head[position..].IndexOf(LineStandIn)) >= 0)
        {
            var start = position + found;
            output.AddRange(head[position..(start + 2)]);
            // "<digits>-" then the real name follow; anything else is not ours and stays as it is.
            var afterStandIn = start + LineStandIn.Length;
            var end = afterStandIn;
            while (end < head.Length && char.IsAsciiDigit((char)head[end]))
            {
                end++;
            }
            position = end > afterStandIn && end < head.Length && head[end] == (byte)'-' ? end + 1 : start + 2;
        }
        output.AddRange(buffer[position..]);
        return [.. output];
    }

    // A request line starts with a method: upper-case letters and a space.
    private static bool StartsWithRequestLine(ReadOnlySpan<byte> buffer)
    {
        var space = buffer.IndexOf((byte)' ');
        if (space <= 0)
        {
            return false;
        }
        foreach (var b in buffer[..space])
        {
            if (b is < (byte)'A' or > (byte)'Z')
            {
                return false;
            }
        }
        return true;
    }

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(Rewrite(buffer) ?? buffer);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Rewrite(buffer.Span) is { } rewritten ? inner.WriteAsync(rewritten, cancellationToken) : inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override bool CanRead => inner.CanRead;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}

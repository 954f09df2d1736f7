using System.Text;
using PSKube.Client.RemoteCommands;

namespace PSKube.Client.FileCopy;

/// <summary>
/// A remote command's stdout as a read-only stream, frame by frame as it arrives (so an archive is unpacked while it
/// comes, never held whole), with its stderr kept aside as text for the error message.
/// </summary>
internal sealed class RemoteOutputStream(RemoteCommandSession session, IProgress<FileCopyProgress>? progress, CancellationToken cancellationToken) : Stream
{
    // tar's stderr is a line or two; a flood is cut, not kept.
    private const int MaxStderr = 16 * 1024;

    private readonly IAsyncEnumerator<RemoteOutput> _frames = session.ReadOutputAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    private readonly MemoryStream _stderr = new();
    private ReadOnlyMemory<byte> _current;
    private long _read;

    /// <summary>What the command wrote to stderr so far.</summary>
    public string Stderr => Encoding.UTF8.GetString(_stderr.GetBuffer(), 0, (int)_stderr.Length);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default)
    {
        while (_current.IsEmpty)
        {
            if (!await _frames.MoveNextAsync())
            {
                return 0;
            }
            var frame = _frames.Current;
            if (frame.Stream == RemoteStream.Stderr)
            {
                _stderr.Write(frame.Data.Span[..Math.Min(frame.Data.Length, (int)Math.Max(0, MaxStderr - _stderr.Length))]);
                continue;
            }
            _current = frame.Data;
        }
        var count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        _read += count;
        progress?.Report(new FileCopyProgress(_read, null));
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) => ReadAsync(buffer.AsMemory(offset, count), token).AsTask();

    // TarReader reads asynchronously here; a synchronous read waits the same way.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <summary>Reads what is left (a tar pads its archive; stderr may follow) until the command's output ends.</summary>
    public async Task DrainAsync()
    {
        var sink = new byte[16 * 1024];
        while (await ReadAsync(sink) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await _frames.DisposeAsync();
        await _stderr.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _frames.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _stderr.Dispose();
        }
        base.Dispose(disposing);
    }
}

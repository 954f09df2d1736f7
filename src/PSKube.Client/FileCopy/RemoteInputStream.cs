using PSKube.Client.RemoteCommands;

namespace PSKube.Client.FileCopy;

/// <summary>A remote command's stdin as a write-only stream: each write goes out at once as stdin frames, nothing is gathered.</summary>
internal sealed class RemoteInputStream(RemoteCommandSession session, IProgress<FileCopyProgress>? progress, long totalBytes, CancellationToken cancellationToken) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken token = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
        await session.WriteInputAsync(buffer, linked.Token);
        _written += buffer.Length;
        progress?.Report(new FileCopyProgress(_written, totalBytes));
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken token) => WriteAsync(buffer.AsMemory(offset, count), token).AsTask();

    // TarWriter writes asynchronously here; a synchronous write waits the same way.
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken token) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

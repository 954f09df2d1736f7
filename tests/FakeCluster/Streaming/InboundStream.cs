using System.Threading.Channels;

namespace PSKube.FakeCluster.Streaming;

/// <summary>The bytes a client sends on one channel, in order, until it closes the channel or the connection.</summary>
public sealed class InboundStream
{
    private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleWriter = true });

    internal void Deliver(byte[] data) => _chunks.Writer.TryWrite(data);

    internal void Complete() => _chunks.Writer.TryComplete();

    /// <summary>The next chunk the client sent, or null once the channel is closed.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (await _chunks.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_chunks.Reader.TryRead(out var chunk))
            {
                return chunk;
            }
        }
        return null;
    }
}

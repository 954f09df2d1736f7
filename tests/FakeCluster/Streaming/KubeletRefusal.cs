namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// The kubelet turned a streaming request down before streaming: it answers with this HTTP code and the message as
/// plain text. The API server passes that answer through for v4 requests and reports it on the error channel for v5.
/// </summary>
public sealed class KubeletRefusal(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

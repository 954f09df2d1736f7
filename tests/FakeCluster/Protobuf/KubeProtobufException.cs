namespace PSKube.FakeCluster.Protobuf;

/// <summary>A Kubernetes protobuf request body that cannot be decoded: malformed, truncated or of an unsupported kind.</summary>
public sealed class KubeProtobufException : Exception
{
    public KubeProtobufException()
    {
    }

    public KubeProtobufException(string message)
        : base(message)
    {
    }

    public KubeProtobufException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

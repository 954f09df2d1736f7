using PSKube.FakeCluster.Protobuf;

namespace PSKube.Client.Tests.Protobuf;

/// <summary>Bodies the decoder must refuse, each with a message that names the problem.</summary>
public class ProtobufErrorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("6b3873")]
    [InlineData("6b387301")]
    [InlineData("7b226b696e64223a22506f64227d")]
    public void BodyWithoutTheMagicBytesIsRejected(string bodyHex)
    {
        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(Convert.FromHexString(bodyHex)));

        Assert.Contains("magic", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedKindIsRejectedNamingTheSupportedKinds()
    {
        var body = ProtobufWriter.Envelope("v1", "LimitRange", new ProtobufWriter().Message(1, metadata => metadata.String(1, "web")));

        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(body));

        Assert.Contains("'LimitRange' in 'v1'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("v1 Service", exception.Message, StringComparison.Ordinal);
        Assert.Contains("apps/v1 Deployment", exception.Message, StringComparison.Ordinal);
        Assert.Contains("batch/v1 CronJob", exception.Message, StringComparison.Ordinal);
        Assert.Contains("batch/v1 Job", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownKindInAnotherVersionIsRejected()
    {
        var body = ProtobufWriter.Envelope("batch/v1beta1", "CronJob", new ProtobufWriter().Message(1, metadata => metadata.String(1, "x")));

        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(body));

        Assert.Contains("'CronJob' in 'batch/v1beta1'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedObjectIsRejected()
    {
        var body = ProtobufWriter.Envelope("apps/v1", "Deployment", new ProtobufWriter().Message(1, metadata => metadata.String(1, "web")));
        // Declare one byte more in the object's metadata than the object holds.
        var corrupt = new ProtobufWriter()
            .Raw("k8s\0"u8.ToArray())
            .Message(1, typeMeta => typeMeta.String(1, "apps/v1").String(2, "Deployment"))
            .Message(2, deployment => deployment.Tag(1, 2).RawVarint(6).Raw("web"u8.ToArray()))
            .ToArray();

        Assert.NotNull(KubeProtobuf.DecodeObject(body));
        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(corrupt));
        Assert.StartsWith("Truncated protobuf data", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvelopeWithoutTypeMetaIsRejected()
    {
        var body = new ProtobufWriter().Raw("k8s\0"u8.ToArray()).Bytes(2, [0x0A, 0x00]).ToArray();

        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(body));

        Assert.Contains("no apiVersion and kind", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodedContentIsRejected()
    {
        var body = new ProtobufWriter()
            .Raw("k8s\0"u8.ToArray())
            .Message(1, typeMeta => typeMeta.String(1, "apps/v1").String(2, "Deployment"))
            .Bytes(2, [0x0A, 0x00])
            .String(3, "gzip")
            .ToArray();

        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(body));

        Assert.Contains("'gzip'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownFieldWithTheWrongWireTypeIsRejected()
    {
        var body = ProtobufWriter.Envelope("apps/v1", "Deployment", new ProtobufWriter()
            .Message(2, spec => spec.String(1, "three")));

        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(body));

        Assert.Contains("DeploymentSpec (replicas)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntOrStringWithAnUnknownTypeIsRejected()
    {
        var body = ProtobufWriter.Envelope("apps/v1", "Deployment", new ProtobufWriter()
            .Message(2, spec => spec.Message(4, strategy => strategy.Message(2, rollingUpdate => rollingUpdate
                .Message(1, value => value.Varint(1, 2L))))));

        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(body));

        Assert.Contains("IntOrString", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupWireTypeIsRejected()
    {
        var body = ProtobufWriter.Envelope("apps/v1", "Deployment", new ProtobufWriter()
            .Message(2, spec => spec.Tag(50, 3).Tag(50, 4)));

        var exception = Assert.Throws<KubeProtobufException>(() => KubeProtobuf.DecodeObject(body));

        Assert.Contains("groups", exception.Message, StringComparison.Ordinal);
    }
}

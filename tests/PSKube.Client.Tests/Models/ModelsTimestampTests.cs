using System.Text.Json;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Models;

public class ModelsTimestampTests
{
    // 12:00:00.1234567 at +02:00, i.e. 10:00:00.1234567 UTC.
    private static readonly DateTimeOffset SampleTime =
        new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    [Fact]
    public void TimeIsWrittenInUtcWithWholeSeconds()
    {
        var metadata = new ObjectMeta { CreationTimestamp = SampleTime };

        Assert.Equal("""{"creationTimestamp":"2024-05-01T10:00:00Z"}""", KubeJson.Serialize(metadata));
    }

    [Fact]
    public void MicroTimeIsWrittenInUtcWithSixFractionalDigits()
    {
        var kubeEvent = new Event { EventTime = SampleTime };

        Assert.Equal("""{"eventTime":"2024-05-01T10:00:00.123456Z"}""", KubeJson.Serialize(kubeEvent));
    }

    [Theory]
    [InlineData("2024-05-01T10:00:00Z", 0)]
    [InlineData("2024-05-01T12:00:00+02:00", 0)]
    [InlineData("2024-05-01T10:00:00.123456Z", 1_234_560)]
    [InlineData("2024-05-01T10:00:00.123456789Z", 1_234_567)]
    [InlineData("2024-05-01t10:00:00z", 0)]
    public void ReadsRfc3339Spellings(string text, long ticksAfterTen)
    {
        var metadata = KubeJson.Deserialize<ObjectMeta>($$"""{"creationTimestamp":"{{text}}"}""")!;

        var expected = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(ticksAfterTen);
        Assert.Equal(expected, metadata.CreationTimestamp);
    }

    [Fact]
    public void MicroTimeRoundTripsExactly()
    {
        const string json = """{"eventTime":"2024-05-01T10:00:00.000001Z"}""";

        Assert.Equal(json, KubeJson.Serialize(KubeJson.Deserialize<Event>(json)));
    }

    [Fact]
    public void NullReadsAsMissing()
    {
        var condition = KubeJson.Deserialize<PodCondition>("""{"type":"Ready","lastProbeTime":null}""")!;

        Assert.Null(condition.LastProbeTime);
        Assert.Equal("""{"type":"Ready"}""", KubeJson.Serialize(condition));
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("1714557600")]
    public void RejectsOtherValues(string value) =>
        Assert.Throws<JsonException>(() => KubeJson.Deserialize<ObjectMeta>($$"""{"creationTimestamp":{{value}}}"""));
}

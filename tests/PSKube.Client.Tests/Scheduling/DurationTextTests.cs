using PSKube.Client.Scheduling;

namespace PSKube.Client.Tests.Scheduling;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30", 30)]
    [InlineData("2.5", 2.5)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("00:01:30", 90)]
    [InlineData(" 0 ", 0)]
    public void Scheduling_DurationsAsUsersTypeThem(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.Parse(text));

    [Theory]
    [InlineData("soon", "is not a duration: write seconds (30)")]
    [InlineData("-5s", "is negative")]
    [InlineData("-3", "is negative")]
    public void Scheduling_BadDurationsSayWhatToWrite(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => DurationText.Parse(text)).Message, StringComparison.Ordinal);
}

using PSKube.Client.Models;

namespace PSKube.Client.Tests.Models;

/// <summary>KubeDuration: kubectl's text on display, a span when parsed, compared and sorted.</summary>
public class ModelsDurationTests
{
    [Theory]
    [InlineData("10m", 600)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("3d4h", 273600)]
    [InlineData("1y10d", 32400000)]
    [InlineData("90s", 90)]
    [InlineData("1.5h", 5400)]
    [InlineData("0", 0)]
    [InlineData("-5s", -5)]
    [InlineData(" 45s ", 45)]
    [InlineData("01:30:00", 5400)]
    [InlineData("2.00:00:00", 172800)]
    public void Parse_ReadsKubectlAndTimeSpanText(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), KubeDuration.Parse(text).TimeSpan);

    [Fact]
    public void Parse_ReadsMilliseconds() => Assert.Equal(TimeSpan.FromMilliseconds(500), KubeDuration.Parse("500ms").TimeSpan);

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("ten minutes")]
    [InlineData("5x")]
    [InlineData("m")]
    [InlineData("1.2.3s")]
    public void Parse_RefusesWhatIsNoDuration(string text)
    {
        Assert.False(KubeDuration.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => KubeDuration.Parse(text));
        Assert.Contains("10m, 1h30m, 2d", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(45, "45s")]
    [InlineData(600, "10m")]
    [InlineData(273600, "3d4h")]
    [InlineData(-5, "<invalid>")]
    public void ToString_IsKubectlsText(double seconds, string expected) =>
        Assert.Equal(expected, new KubeDuration(TimeSpan.FromSeconds(seconds)).ToString());

    [Fact]
    public void Compare_OrdersBySpanNotByText()
    {
        // As text, "9m" sorts after "10m" and "2d" after "1y": as spans they do not.
        var sorted = new[] { "2d", "9m", "1y", "10m", "45s" }.Select(KubeDuration.Parse).Order().Select(d => d.ToString());
        Assert.Equal(["45s", "9m", "10m", "2d", "365d"], sorted);
        Assert.True(KubeDuration.Parse("10m") > KubeDuration.Parse("9m"));
        Assert.True(KubeDuration.Parse("1h") == TimeSpan.FromHours(1));
        Assert.Equal(0, KubeDuration.Parse("1h").CompareTo((object)TimeSpan.FromHours(1)));
        Assert.Equal(1, KubeDuration.Parse("1h").CompareTo(null));
        Assert.Throws<ArgumentException>(() => KubeDuration.Parse("1h").CompareTo("1h"));
    }

    [Fact]
    public void Since_IsNullWithoutATime()
    {
        var now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Null(KubeDuration.Since(null, now));
        Assert.Null(KubeDuration.Since(default(DateTimeOffset), now));
        Assert.Equal("5m", KubeDuration.Since(now.AddMinutes(-5), now).ToString());
    }
}

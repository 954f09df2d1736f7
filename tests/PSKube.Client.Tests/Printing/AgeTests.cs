using PSKube.Client.Printing;

namespace PSKube.Client.Tests.Printing;

public class AgeTests
{
    private const long Second = 1000;
    private const long Minute = 60 * Second;
    private const long Hour = 60 * Minute;
    private const long Day = 24 * Hour;

    [Theory]
    [InlineData(-2 * Second, "<invalid>")]
    [InlineData(-10 * Day, "<invalid>")]
    [InlineData(-1999, "0s")] // truncated to -1s: within the tolerated skew
    [InlineData(-1 * Second, "0s")]
    [InlineData(-500, "0s")]
    [InlineData(0, "0s")]
    [InlineData(999, "0s")]
    [InlineData(59 * Second, "59s")]
    [InlineData(119 * Second + 999, "119s")]
    [InlineData(2 * Minute, "2m")]
    [InlineData(2 * Minute + 5 * Second, "2m5s")]
    [InlineData(9 * Minute + 59 * Second, "9m59s")]
    [InlineData(10 * Minute, "10m")]
    [InlineData(10 * Minute + 59 * Second, "10m")]
    [InlineData(179 * Minute, "179m")]
    [InlineData(3 * Hour, "3h")]
    [InlineData(3 * Hour + 5 * Minute, "3h5m")]
    [InlineData(7 * Hour + 59 * Minute + 59 * Second, "7h59m")]
    [InlineData(8 * Hour, "8h")]
    [InlineData(47 * Hour + 59 * Minute, "47h")]
    [InlineData(2 * Day, "2d")]
    [InlineData(2 * Day + 5 * Hour, "2d5h")]
    [InlineData(7 * Day + 23 * Hour, "7d23h")]
    [InlineData(8 * Day, "8d")]
    [InlineData(729 * Day + 23 * Hour, "729d")]
    [InlineData(730 * Day, "2y")]
    [InlineData(740 * Day, "2y10d")]
    [InlineData(2919 * Day, "7y364d")]
    [InlineData(2920 * Day, "8y")]
    [InlineData(3660 * Day, "10y")]
    public void FormatsEachRange(long milliseconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("2024-05-01T11:57:00Z", "3m")]
    [InlineData("2024-05-01T12:00:00Z", "0s")]
    [InlineData("2024-05-01T12:00:01Z", "0s")]
    [InlineData("2024-05-01T12:00:05Z", "<invalid>")]
    [InlineData("2024-04-28T12:00:00Z", "3d")]
    [InlineData("0001-01-01T00:00:00Z", "<unknown>")]
    public void AgeIsTheTimeSinceTheTimestamp(string timestamp, string expected) =>
        Assert.Equal(expected, HumanDuration.Age(DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture), PrintingTestData.Now));

    [Fact]
    public void AgeOfAMissingTimestampIsUnknown() =>
        Assert.Equal("<unknown>", HumanDuration.Age(null, PrintingTestData.Now));
}

namespace PSKube.Client.Scheduling;

/// <summary>One of the five fields of a standard cron schedule, with its bounds and names.</summary>
internal sealed record CronField(string Name, int Min, int Max, IReadOnlyDictionary<string, int>? Names)
{
    public static readonly CronField Minute = new("minute", 0, 59, null);

    public static readonly CronField Hour = new("hour", 0, 23, null);

    public static readonly CronField DayOfMonth = new("day-of-month", 1, 31, null);

    public static readonly CronField Month = new("month", 1, 12, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    });

    // robfig/cron v3 (what Kubernetes uses) accepts 0-6 only: 7 is not Sunday.
    public static readonly CronField DayOfWeek = new("day-of-week", 0, 6, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["sun"] = 0, ["mon"] = 1, ["tue"] = 2, ["wed"] = 3, ["thu"] = 4, ["fri"] = 5, ["sat"] = 6,
    });

    /// <summary>The fields in schedule order.</summary>
    public static readonly IReadOnlyList<CronField> All = [Minute, Hour, DayOfMonth, Month, DayOfWeek];

    /// <summary>What the field accepts, for error messages.</summary>
    public string Allowed => Name switch
    {
        "month" => "1-12 or JAN-DEC",
        "day-of-week" => "0-6 or SUN-SAT (0 is Sunday)",
        _ => $"{Min}-{Max}",
    };
}

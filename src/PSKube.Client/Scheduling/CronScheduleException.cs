namespace PSKube.Client.Scheduling;

/// <summary>
/// A cron schedule Kubernetes would reject. <see cref="Exception.Message"/> explains what is wrong,
/// where and what is allowed; <see cref="ApiServerMessage"/> is the detail the API server puts in
/// <c>spec.schedule: Invalid value: "...": DETAIL</c> (robfig/cron v3 wording).
/// </summary>
public sealed class CronScheduleException : FormatException
{
    /// <summary>Creates the exception for <paramref name="schedule"/>.</summary>
    public CronScheduleException(string message, string schedule, string? field, string apiServerMessage)
        : base(message)
    {
        Schedule = schedule;
        Field = field;
        ApiServerMessage = apiServerMessage;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CronScheduleException()
        : this("The cron schedule is not valid.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public CronScheduleException(string message)
        : this(message, string.Empty, null, message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CronScheduleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Schedule = string.Empty;
        ApiServerMessage = message;
    }

    /// <summary>The rejected schedule text.</summary>
    public string Schedule { get; }

    /// <summary>The field at fault (minute, hour, day-of-month, month, day-of-week), or null for the whole schedule.</summary>
    public string? Field { get; }

    /// <summary>The reason exactly as the Kubernetes API server words it.</summary>
    public string ApiServerMessage { get; }
}

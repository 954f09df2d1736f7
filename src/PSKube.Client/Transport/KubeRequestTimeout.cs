using PSKube.Client.Scheduling;

namespace PSKube.Client.Transport;

/// <summary>
/// The request timeout setting as users write it, the way kubectl's --request-timeout takes it: a duration (30s,
/// 2m, or seconds), 0 for no timeout. The module reads it from <see cref="EnvironmentVariable"/>.
/// </summary>
public static class KubeRequestTimeout
{
    /// <summary>The variable that sets the timeout of every single request of the session (not of watches and follows).</summary>
    public const string EnvironmentVariable = "PSKUBE_REQUEST_TIMEOUT";

    /// <summary>The timeout <paramref name="text"/> sets; 0 is none (<see cref="Timeout.InfiniteTimeSpan"/>).</summary>
    /// <exception cref="FormatException">Not a duration; the message names the setting and says what to write.</exception>
    public static TimeSpan Parse(string text)
    {
        TimeSpan timeout;
        try
        {
            timeout = DurationText.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"The request timeout {EnvironmentVariable} is not valid: {e.Message} 0 means no timeout.", e);
        }
        return timeout == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : timeout;
    }

    /// <summary>The timeout <see cref="EnvironmentVariable"/> sets, or null when it is not set.</summary>
    public static TimeSpan? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } text ? Parse(text) : null;
}

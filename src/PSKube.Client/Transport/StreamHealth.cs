using System.Net.Http;
using System.Security.Authentication;

namespace PSKube.Client.Transport;

/// <summary>What a <see cref="StreamHealthReport"/> says about a long-lived stream (a watch, a log follow).</summary>
public enum StreamHealthKind
{
    /// <summary>The connection failed and is tried again (one report per attempt).</summary>
    Retrying,

    /// <summary>Reconnecting has failed for <see cref="StreamHealthOptions.WarnAfter"/>: the server is gone for now. Said once per outage.</summary>
    Unhealthy,

    /// <summary>Connected again after failures.</summary>
    Recovered,
}

/// <summary>One change in a stream's health, with the words to show a user (never credentials).</summary>
public sealed record StreamHealthReport(StreamHealthKind Kind, string Stream, Uri Server, int Attempt, TimeSpan Down, Exception? Failure)
{
    public string Message
    {
        get
        {
            var server = Server.GetLeftPart(UriPartial.Authority);
            var seconds = $"{Down.TotalSeconds:0} s";
            return Kind switch
            {
                StreamHealthKind.Retrying => $"{Stream}: connection to {server} failed ({Failure?.Message}); reconnecting, attempt {Attempt}.",
                StreamHealthKind.Unhealthy => $"{Stream}: the server {server} has not answered for {seconds} ({Failure?.Message}); still reconnecting. Nothing is lost: it resumes where it stopped.",
                _ => $"{Stream}: reconnected to {server} after {seconds}.",
            };
        }
    }
}

/// <summary>How a long-lived stream reports its health and how long it keeps reconnecting.</summary>
public sealed record StreamHealthOptions
{
    /// <summary>Receives every report, from any thread; a cmdlet queues them for its pipeline thread.</summary>
    public IProgress<StreamHealthReport>? Progress { get; init; }

    /// <summary>How long reconnecting may fail before it is reported as <see cref="StreamHealthKind.Unhealthy"/>.</summary>
    public TimeSpan WarnAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long reconnecting may fail before the stream ends with the failure; by default as long as the stream lives.</summary>
    public TimeSpan GiveUpAfter { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>The variable that sets <see cref="GiveUpAfter"/> for a session's watches and follows (a duration; 0 or unset: never).</summary>
    public const string GiveUpAfterVariable = "PSKUBE_STREAM_RECONNECT_TIMEOUT";

    /// <summary>The bound <see cref="GiveUpAfterVariable"/> sets, or none.</summary>
    /// <exception cref="FormatException">Not a duration; the message names the setting.</exception>
    public static TimeSpan GiveUpAfterFromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(GiveUpAfterVariable) is not { Length: > 0 } text)
        {
            return Timeout.InfiniteTimeSpan;
        }
        TimeSpan bound;
        try
        {
            bound = Scheduling.DurationText.Parse(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{GiveUpAfterVariable} is not valid: {e.Message} 0 keeps reconnecting for as long as the stream lives.", e);
        }
        return bound == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : bound;
    }
}

/// <summary>
/// The reconnect bookkeeping of one stream: reports each failed attempt, warns once an outage is long, says when
/// it is over, and decides when to stop: a TLS or authentication failure at once (retrying cannot fix it), any
/// other after <see cref="StreamHealthOptions.GiveUpAfter"/>.
/// </summary>
internal sealed class ReconnectTracker(StreamHealthOptions? options, Uri server, string stream, string path)
{
    private readonly StreamHealthOptions _options = options ?? new StreamHealthOptions();
    private long? _downSince;
    private bool _warned;
    private int _attempts;

    /// <summary>The connection works (its answer began): an outage, if any, is over.</summary>
    public void Connected()
    {
        if (_downSince is { } since)
        {
            _options.Progress?.Report(new StreamHealthReport(StreamHealthKind.Recovered, stream, server, _attempts, TimeProvider.System.GetElapsedTime(since), null));
        }
        _downSince = null;
        _warned = false;
        _attempts = 0;
    }

    /// <summary>A connection failed: true to retry (after a pause the caller takes), false when the stream must end with it.</summary>
    public bool Failed(Exception failure)
    {
        if (IsPermanent(failure))
        {
            return false;
        }
        _downSince ??= TimeProvider.System.GetTimestamp();
        var down = TimeProvider.System.GetElapsedTime(_downSince.Value);
        if (_options.GiveUpAfter != Timeout.InfiniteTimeSpan && down >= _options.GiveUpAfter)
        {
            return false;
        }
        _attempts++;
        _options.Progress?.Report(new StreamHealthReport(StreamHealthKind.Retrying, stream, server, _attempts, down, failure));
        if (!_warned && down >= _options.WarnAfter)
        {
            _warned = true;
            _options.Progress?.Report(new StreamHealthReport(StreamHealthKind.Unhealthy, stream, server, _attempts, down, failure));
        }
        return true;
    }

    /// <summary>How long to pause before the next attempt: growing to at most 5 s, but an attempt comes when the warning is due.</summary>
    public TimeSpan Pause()
    {
        var pause = TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, Math.Min(_attempts, 10)), 5000));
        var untilWarning = _options.WarnAfter - (_downSince is { } since ? TimeProvider.System.GetElapsedTime(since) : TimeSpan.Zero);
        return !_warned && untilWarning > TimeSpan.Zero && untilWarning < pause ? untilWarning : pause;
    }

    /// <summary>The error a stream ends with when <see cref="Failed"/> said stop: a permanent failure as itself, an outage as unreachable.</summary>
    public Exception GiveUp(Exception failure) => IsPermanent(failure) || failure is KubeApiUnreachableException
        ? failure
        : new KubeApiUnreachableException(server, KubeUnreachableReason.ConnectionLost, "GET", path, failure);

    // An untrusted or misnamed certificate, or credentials refused: the same answer comes on every attempt.
    private static bool IsPermanent(Exception failure) => failure switch
    {
        // A handshake cut short (a reset) is an outage like any other; a certificate refused is not.
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } tls => tls.InnerException is AuthenticationException,
        KubeApiException api => api.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden,
        _ => failure.InnerException is AuthenticationException,
    };
}

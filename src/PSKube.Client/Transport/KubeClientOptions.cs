namespace PSKube.Client.Transport;

/// <summary>How a client behaves on the wire: retries, timeouts, the User-Agent, and where its trace goes.</summary>
public sealed class KubeClientOptions
{
    public static string DefaultUserAgent { get; } =
        $"PSKube/{typeof(KubeClientOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>How many times a request is retried after 429/503 (and, for reads, a dropped connection; a refused one is not).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The longest single wait between retries, whatever Retry-After says.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first back-off after a dropped connection; it doubles each time.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Timeout of one non-streaming request, from sending it to the last byte of the answer (kubectl's
    /// --request-timeout); <see cref="Timeout.InfiniteTimeSpan"/> waits as long as the caller's token allows.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Asked at each request for a timeout that replaces <see cref="RequestTimeout"/> (null keeps it): the module
    /// reads <see cref="KubeRequestTimeout.EnvironmentVariable"/> here, so a changed setting applies to the next call.
    /// </summary>
    public Func<TimeSpan?>? RequestTimeoutOverride { get; init; }

    /// <summary>
    /// The bound on making a connection: the TCP connect and the TLS handshake together (kubectl's TLS handshake
    /// timeout is 10 s). A server that accepts and never answers fails after this long.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Receives one line per request and response (method, path, status, duration). Never headers or bodies.</summary>
    public Action<string>? Trace { get; init; }
}

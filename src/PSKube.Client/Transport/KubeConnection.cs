using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using PSKube.Client.Auth;
using PSKube.Client.Models;

namespace PSKube.Client.Transport;

/// <summary>
/// One pooled HTTP connection set to one cluster as one user, and the request loop every call goes through:
/// credentials, User-Agent, 401 -> refresh credentials once, 429/503 -> wait (Retry-After) and retry, dropped
/// connections -> retry reads only, no answer at all -> <see cref="KubeApiUnreachableException"/> (a refused
/// connection or an unknown host at once), refusals -> <see cref="KubeApiException"/>. Requests ask for HTTP/2, as
/// kubectl's do, so any number of watches and log streams share one connection; a server or proxy that refuses it in
/// the TLS handshake gets HTTP/1.1, as do WebSocket upgrades and users whose impersonation repeats a header.
/// </summary>
public sealed class KubeConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly IKubeCredentials _credentials;
    private readonly KubeClientOptions _options;
    private readonly TlsRejectionLog _tlsRejections = new();

    /// <summary>The HTTP version requests ask for (or lower, when the server does not agree to it in ALPN).</summary>
    private readonly Version _httpVersion;

    public KubeConnection(ClusterEndpoint endpoint, IKubeCredentials credentials, KubeClientOptions? options = null)
    {
        Endpoint = endpoint;
        _credentials = credentials;
        _options = options ?? new KubeClientOptions();
        // HTTP/2 joins the values of a repeated header into one field ("a, b"), which the API server reads as one
        // group; only HTTP/1.1 can send them as separate lines.
        var repeatedHeaders = credentials is ImpersonatingCredentials { Impersonation.RepeatsAHeader: true };
        _httpVersion = repeatedHeaders ? HttpVersion.Version11 : HttpVersion.Version20;
        _http = new HttpClient(KubeHttpHandlerFactory.Create(endpoint, credentials, _tlsRejections, _options.ConnectTimeout, repeatedHeaders))
        {
            BaseAddress = endpoint.Server,
            // Streams (watch, logs -f) run for as long as their token allows; single requests use a linked timeout.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    public ClusterEndpoint Endpoint { get; }

    /// <summary>The server's clock, from the Date header of its responses; objects read through this connection age by it.</summary>
    public ServerClock Clock { get; } = new();

    /// <summary>The bound on one request now: the override's when it sets one, else the options'.</summary>
    public TimeSpan RequestTimeout => _options.RequestTimeoutOverride?.Invoke() ?? _options.RequestTimeout;

    /// <summary>
    /// Sends a request built by <paramref name="build"/> (called again for each attempt, so bodies can be re-sent)
    /// and returns a successful response; the caller disposes it. <paramref name="streaming"/> responses are
    /// returned as soon as their headers arrive; the request timeout bounds the wait for them, not the body.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, bool streaming, CancellationToken cancellationToken) =>
        SendAsync(build, streaming, upgrade: false, cancellationToken);

    /// <param name="upgrade">A WebSocket upgrade: it keeps the HTTP version its request asks for (1.1).</param>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, bool streaming, bool upgrade, CancellationToken cancellationToken)
    {
        var refreshedCredentials = false;
        for (var attempt = 0; ; attempt++)
        {
            using var request = build();
            if (!upgrade)
            {
                request.Version = _httpVersion;
                request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
            }
            var idempotent = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
            var path = request.RequestUri?.OriginalString.Split('?')[0] ?? "";
            await _credentials.ApplyAsync(request, cancellationToken);
            // A stream's headers come at once, so the bound holds until them; its body is the caller's to bound.
            var requestTimeout = RequestTimeout;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(requestTimeout);
            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, timeout.Token);
            }
            catch (HttpRequestException e) when (UnreachableReason(e) is { } reason)
            {
                // A dropped connection may work next time; a server that is not there (refused, unknown host) will
                // not within any wait worth making, so that is said at once, as kubectl does.
                if (reason == KubeUnreachableReason.ConnectionLost && idempotent && attempt < _options.MaxRetries && !cancellationToken.IsCancellationRequested)
                {
                    _options.Trace?.Invoke($"{request.Method} {path} failed ({e.Message}); retrying");
                    await Task.Delay(Backoff(attempt), cancellationToken);
                    continue;
                }
                throw new KubeApiUnreachableException(Endpoint.Server, reason, request.Method.Method, path, e);
            }
            catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError || e.InnerException is System.Security.Authentication.AuthenticationException)
            {
                // The certificate check recorded why it refused; the handshake error itself only says "see inner exception".
                var rejection = _tlsRejections.Latest;
                throw new KubeTlsException(Endpoint.Server, rejection?.Failure ?? KubeTlsFailure.Other, rejection?.Detail ?? (e.InnerException ?? e).Message, e);
            }
            catch (OperationCanceledException e) when (e.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested && !timeout.IsCancellationRequested)
            {
                // The handler's connect timeout, not ours and not the caller's: in the TLS handshake when TCP got through.
                var reason = KubeHttpHandlerFactory.ReachedTcp(request) ? KubeUnreachableReason.TlsHandshakeTimeout : KubeUnreachableReason.ConnectTimeout;
                throw new KubeApiUnreachableException(Endpoint.Server, reason, request.Method.Method, path, e);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new KubeRequestTimeoutException(Endpoint.Server, request.Method.Method, path, requestTimeout);
            }
            _options.Trace?.Invoke($"{request.Method} {path} -> {(int)response.StatusCode} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
            if (response.Headers.Date is { } serverDate)
            {
                Clock.Observe(serverDate, DateTimeOffset.UtcNow);
            }

            // 101: a WebSocket upgrade (exec, attach) was accepted; the response's stream is the connection.
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.SwitchingProtocols)
            {
                return response;
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedCredentials)
            {
                refreshedCredentials = true;
                if (await _credentials.RefreshAfterUnauthorizedAsync(cancellationToken))
                {
                    response.Dispose();
                    continue;
                }
            }
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable && attempt < _options.MaxRetries)
            {
                var wait = RetryAfter(response) ?? Backoff(attempt);
                response.Dispose();
                _options.Trace?.Invoke($"{request.Method} {path}: server busy, retrying in {wait.TotalSeconds:0.#} s");
                await Task.Delay(wait, cancellationToken);
                continue;
            }
            using (response)
            {
                throw await ErrorFromAsync(response, request.Method.Method, path, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Opens a WebSocket to <paramref name="pathAndQuery"/> offering <paramref name="subprotocols"/> in order, through
    /// this connection's request loop: the same TLS checks (pinned CA, server name), client certificate, proxy,
    /// credentials (refreshed once after a 401), User-Agent and errors as every other request, so a refused upgrade
    /// is a <see cref="KubeApiException"/> carrying the server's Status.
    /// </summary>
    public async Task<System.Net.WebSockets.WebSocket> ConnectWebSocketAsync(string pathAndQuery, IReadOnlyList<string> subprotocols, CancellationToken cancellationToken)
    {
        var socket = new System.Net.WebSockets.ClientWebSocket();
        // An HTTP/1.1 upgrade on a connection of its own, as kubectl sends it (an upgrade is no HTTP/2 mechanism).
        socket.Options.HttpVersion = HttpVersion.Version11;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        foreach (var subprotocol in subprotocols)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }
        // The handshake goes through SendAsync; the socket only builds the upgrade request and checks the answer.
        var upgrade = new UpgradeThroughConnection(this);
        using var invoker = new HttpMessageInvoker(upgrade, disposeHandler: true);
        var uri = new UriBuilder(new Uri(Endpoint.Server, pathAndQuery)) { Scheme = Endpoint.Server.Scheme == Uri.UriSchemeHttp ? "ws" : "wss" }.Uri;
        try
        {
            await socket.ConnectAsync(uri, invoker, cancellationToken);
            return socket;
        }
        catch (System.Net.WebSockets.WebSocketException e) when (e.InnerException is KubeApiException or KubeApiUnreachableException or KubeTlsException or KubeRequestTimeoutException)
        {
            socket.Dispose();
            upgrade.Response?.Dispose();
            throw e.InnerException;
        }
        catch
        {
            // Cancelled in the handshake: the connection the server may already have upgraded must close too.
            socket.Dispose();
            upgrade.Response?.Dispose();
            throw;
        }
    }

    /// <summary>Sends a WebSocket's upgrade request through <see cref="SendAsync"/>, a fresh copy per attempt.</summary>
    private sealed class UpgradeThroughConnection(KubeConnection connection) : HttpMessageHandler
    {
        /// <summary>The server's answer, once it came; its stream is the upgraded connection.</summary>
        public HttpResponseMessage? Response { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Response = await connection.SendAsync(() => Copy(request), streaming: true, upgrade: true, cancellationToken);

        private static HttpRequestMessage Copy(HttpRequestMessage request)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri)
            {
                Version = request.Version,
                VersionPolicy = request.VersionPolicy,
            };
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return copy;
        }
    }

    /// <summary>Why a request got no answer at all, or null for failures that are not about reaching the server (TLS trust...).</summary>
    private static KubeUnreachableReason? UnreachableReason(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => KubeUnreachableReason.HostNotFound,
        HttpRequestError.ConnectionError => (e.InnerException as System.Net.Sockets.SocketException)?.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.ConnectionRefused => KubeUnreachableReason.Refused,
            System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData => KubeUnreachableReason.HostNotFound,
            System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted => KubeUnreachableReason.ConnectionLost,
            System.Net.Sockets.SocketError.TimedOut => KubeUnreachableReason.ConnectTimeout,
            _ => KubeUnreachableReason.ConnectFailed,
        },
        HttpRequestError.ResponseEnded => KubeUnreachableReason.ConnectionLost,
        HttpRequestError.Unknown when CutOff(e) => KubeUnreachableReason.ConnectionLost,
        _ => null,
    };

    /// <summary>
    /// Whether the request was aborted because its connection was reset or closed under it: how an HTTP/2 request
    /// fails when the connection it shares with other streams dies, naming the cause only in its inner exceptions.
    /// </summary>
    private static bool CutOff(HttpRequestException e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionAborted or System.Net.Sockets.SocketError.Shutdown }
                or HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded })
            {
                return true;
            }
        }
        return false;
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.InitialBackoff * Math.Pow(2, attempt);
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is null)
        {
            return null;
        }
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxRetryDelay ? _options.MaxRetryDelay : wait;
    }

    /// <summary>Reads a failed response into an exception: its Status when it sent one, else one made from the code.</summary>
    internal static async Task<KubeApiException> ErrorFromAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Status? status = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" || text.StartsWith('{'))
        {
            try
            {
                status = KubeJson.Deserialize<Status>(text);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not a Status after all.
            }
        }
        if (status is null || status.Kind != "Status")
        {
            var firstLine = text.Split('\n', 2)[0].Trim();
            status = new Status
            {
                Kind = "Status",
                StatusValue = "Failure",
                Code = (int)response.StatusCode,
                Reason = ReasonFor(response.StatusCode),
                Message = firstLine.Length is 0 or > 500 ? $"{method} {path}: {(int)response.StatusCode} {response.ReasonPhrase}"
                    : firstLine.StartsWith(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) ? $"{method} {path}: {firstLine}"
                    : $"{method} {path}: {(int)response.StatusCode} {firstLine}",
            };
        }
        if (status.Details?.RetryAfterSeconds is null && response.Headers.RetryAfter?.Delta is { } delta)
        {
            (status.Details ??= new StatusDetails()).RetryAfterSeconds = (int)delta.TotalSeconds;
        }
        var isApplyConflict = response.StatusCode == HttpStatusCode.Conflict &&
                              status.Details?.Causes?.Any(c => c.Reason == "FieldManagerConflict") == true;
        return isApplyConflict
            ? new KubeApplyConflictException(response.StatusCode, status, method, path)
            : new KubeApiException(response.StatusCode, status, method, path);
    }

    // The reasons the API server uses for each code, for bodies that are not a Status.
    private static string ReasonFor(HttpStatusCode code) => code switch
    {
        HttpStatusCode.BadRequest => "BadRequest",
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "NotFound",
        HttpStatusCode.MethodNotAllowed => "MethodNotAllowed",
        HttpStatusCode.Conflict => "Conflict",
        HttpStatusCode.Gone => "Expired",
        HttpStatusCode.UnsupportedMediaType => "UnsupportedMediaType",
        HttpStatusCode.UnprocessableEntity => "Invalid",
        HttpStatusCode.TooManyRequests => "TooManyRequests",
        HttpStatusCode.InternalServerError => "InternalError",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.GatewayTimeout => "Timeout",
        _ => "Unknown",
    };

    public void Dispose() => _http.Dispose();
}

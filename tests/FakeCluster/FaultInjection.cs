using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace PSKube.FakeCluster;

/// <summary>
/// Failures tests switch on to prove clients cope: throttling answers (429/503 with Retry-After) and watch
/// connections and followed pod logs cut mid-stream, the way load balancers and API server restarts cut them. It also keeps a short log
/// of recent requests, so tests can see what a client sent.
/// </summary>
public sealed class FaultInjection
{
    private readonly ConcurrentDictionary<HttpContext, byte> _watches = new();
    private readonly ConcurrentDictionary<HttpContext, byte> _logStreams = new();
    private readonly ConcurrentQueue<(string, string, string, string)> _requests = new();
    private readonly ConcurrentQueue<(string, string, IReadOnlyList<KeyValuePair<string, string>>, string)> _impersonations = new();
    private int _throttled;
    private int _throttleStatus = 429;
    private int _retryAfterSeconds;

    /// <summary>The next <paramref name="requests"/> API requests are refused with <paramref name="statusCode"/> and Retry-After.</summary>
    public void Throttle(int requests, int retryAfterSeconds, int statusCode = 429)
    {
        _throttleStatus = statusCode;
        _retryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _throttled, requests);
    }

    /// <summary>How many requests were refused by <see cref="Throttle"/> so far.</summary>
    public int ThrottledCount { get; private set; }

    /// <summary>Cuts every open watch connection without a proper end, as a dropped TCP connection does.</summary>
    public int DropWatches() => Drop(_watches);

    /// <summary>Cuts every open pod log stream (GET pods/NAME/log) without a proper end.</summary>
    public int DropLogStreams() => Drop(_logStreams);

    /// <summary>How many pod log streams are open now.</summary>
    public int OpenLogStreams => _logStreams.Count;

    /// <summary>The last requests the server received (method, path and query, User-Agent, HTTP/1.1 or HTTP/2), newest last.</summary>
    public IReadOnlyList<(string Method, string PathAndQuery, string UserAgent, string Protocol)> RecentRequests => [.. _requests];

    /// <summary>
    /// The Impersonate-* headers of the last requests that carried any (method, path and query, each header and
    /// value as received, and the protocol it came over), newest last, so tests can compare what PSKube and kubectl send.
    /// </summary>
    public IReadOnlyList<(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, string Protocol)> RecentImpersonations => [.. _impersonations];

    internal void Record(HttpRequest request)
    {
        _requests.Enqueue((request.Method, request.Path + request.QueryString, request.Headers.UserAgent.ToString(), request.Protocol));
        while (_requests.Count > 200)
        {
            _requests.TryDequeue(out _);
        }
        if (Security.ImpersonationFilter.HeadersOf(request) is { Count: > 0 } impersonation)
        {
            _impersonations.Enqueue((request.Method, request.Path + request.QueryString, impersonation, request.Protocol));
            while (_impersonations.Count > 200)
            {
                _impersonations.TryDequeue(out _);
            }
        }
    }

    /// <summary>How many watch streams are open now.</summary>
    public int OpenWatches => _watches.Count;

    internal bool TryThrottle(out int statusCode, out int retryAfterSeconds)
    {
        statusCode = _throttleStatus;
        retryAfterSeconds = _retryAfterSeconds;
        while (true)
        {
            var left = Volatile.Read(ref _throttled);
            if (left <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _throttled, left - 1, left) == left)
            {
                ThrottledCount++;
                return true;
            }
        }
    }

    internal IDisposable TrackWatch(HttpContext context) => Track(_watches, context);

    internal IDisposable TrackLogStream(HttpContext context) => Track(_logStreams, context);

    private static int Drop(ConcurrentDictionary<HttpContext, byte> streams)
    {
        var dropped = 0;
        foreach (var context in streams.Keys)
        {
            context.Abort();
            dropped++;
        }
        return dropped;
    }

    private static Untrack Track(ConcurrentDictionary<HttpContext, byte> streams, HttpContext context)
    {
        streams[context] = 0;
        return new Untrack(streams, context);
    }

    private sealed class Untrack(ConcurrentDictionary<HttpContext, byte> streams, HttpContext context) : IDisposable
    {
        public void Dispose() => streams.TryRemove(context, out _);
    }
}

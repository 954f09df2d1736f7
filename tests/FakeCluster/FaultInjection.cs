using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace PSKube.FakeCluster;

/// <summary>
/// Failures tests switch on to prove clients cope: throttling answers (429/503 with Retry-After) and watch
/// connections cut mid-stream, the way load balancers and API server restarts cut them. It also keeps a short log
/// of recent requests, so tests can see what a client sent.
/// </summary>
public sealed class FaultInjection
{
    private readonly ConcurrentDictionary<HttpContext, byte> _watches = new();
    private readonly ConcurrentQueue<(string, string, string)> _requests = new();
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
    public int DropWatches()
    {
        var dropped = 0;
        foreach (var context in _watches.Keys)
        {
            context.Abort();
            dropped++;
        }
        return dropped;
    }

    /// <summary>The last requests the server received (method, path and query, User-Agent), newest last.</summary>
    public IReadOnlyList<(string Method, string PathAndQuery, string UserAgent)> RecentRequests => [.. _requests];

    internal void Record(HttpRequest request)
    {
        _requests.Enqueue((request.Method, request.Path + request.QueryString, request.Headers.UserAgent.ToString()));
        while (_requests.Count > 200)
        {
            _requests.TryDequeue(out _);
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

    internal IDisposable TrackWatch(HttpContext context)
    {
        _watches[context] = 0;
        return new Untrack(this, context);
    }

    private sealed class Untrack(FaultInjection owner, HttpContext context) : IDisposable
    {
        public void Dispose() => owner._watches.TryRemove(context, out _);
    }
}

using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;

namespace PSKube.Client.Auth;

/// <summary>
/// A bearer token kept in a file that something else rotates (a kubeconfig <c>tokenFile</c>, a pod's service
/// account token). Like client-go it re-reads the file at least every <see cref="RefreshInterval"/>, and at once
/// when the file changed or after a 401; when a re-read fails the last good token is kept.
/// </summary>
public sealed class TokenFileCredentials : IKubeCredentials
{
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly object _gate = new();
    private readonly string _owner;
    private readonly string? _fallbackToken;
    private readonly TimeProvider _time;
    private string? _token;
    private DateTime _readWriteTime;
    private long _readAt;

    /// <param name="path">The token file.</param>
    /// <param name="owner">Who the token belongs to, for error messages (e.g. <c>user "dev" (in /home/me/.kube/config)</c>).</param>
    /// <param name="fallbackToken">A token to use until the file has been read once (a kubeconfig that has both token and tokenFile).</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <param name="refreshInterval">How long a read token is trusted; one minute by default.</param>
    public TokenFileCredentials(string path, string owner, string? fallbackToken = null, TimeProvider? timeProvider = null, TimeSpan? refreshInterval = null)
    {
        Path = path;
        _owner = owner;
        _fallbackToken = string.IsNullOrEmpty(fallbackToken) ? null : fallbackToken;
        _time = timeProvider ?? TimeProvider.System;
        RefreshInterval = refreshInterval ?? DefaultRefreshInterval;
    }

    public string Path { get; }

    public TimeSpan RefreshInterval { get; }

    public X509Certificate2? ClientCertificate => null;

    public string CacheKey => "tokenfile:" + Path;

    public ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CurrentToken());
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var previous = _token;
            Read();
            return ValueTask.FromResult(!string.Equals(previous, _token, StringComparison.Ordinal));
        }
    }

    /// <summary>Reads the file now, failing with a clear message when it cannot be read and there is no fallback token.</summary>
    public void EnsureReadable() => CurrentToken();

    public override string ToString() => $"token file {Path}";

    private string CurrentToken()
    {
        lock (_gate)
        {
            if (_token is null
                || _time.GetElapsedTime(_readAt) >= RefreshInterval
                || File.GetLastWriteTimeUtc(Path) != _readWriteTime)
            {
                Read();
            }
            return _token!;
        }
    }

    private void Read()
    {
        var writeTime = File.GetLastWriteTimeUtc(Path);
        try
        {
            var token = File.ReadAllText(Path).Trim();
            if (token.Length == 0)
            {
                throw new IOException("the file is empty");
            }
            _token = token;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _token ??= _fallbackToken ?? throw new KubeAuthException($"cannot read the token file {Path} of {_owner}: {e.Message}", e);
        }
        // Also after a failure, so a broken file is retried once per interval or change rather than on every request.
        _readWriteTime = writeTime;
        _readAt = _time.GetTimestamp();
    }
}

namespace PSKube.Client.Logs;

/// <summary>Following would open more log streams than the concurrency limit allows (kubectl's --max-log-requests refusal).</summary>
public sealed class KubeLogConcurrencyException : InvalidOperationException
{
    public KubeLogConcurrencyException()
    {
    }

    public KubeLogConcurrencyException(string message)
        : base(message)
    {
    }

    public KubeLogConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>kubectl's refusal: following needs <paramref name="streams"/> streams, more than <paramref name="limit"/>.</summary>
    public KubeLogConcurrencyException(int streams, int limit)
        : base($"you are attempting to follow {streams} log streams, but maximum allowed concurrency is {limit}; use -MaxConcurrency to increase the limit")
    {
    }
}

namespace PSKube.Client.Logs;

/// <summary>A pod is not followed: its log streams would go over the concurrency limit (kubectl's --max-log-requests).</summary>
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
}

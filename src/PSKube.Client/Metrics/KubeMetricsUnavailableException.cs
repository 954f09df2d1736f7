namespace PSKube.Client.Metrics;

/// <summary>The cluster serves no metrics.k8s.io API (no metrics-server): kubectl top's "Metrics API not available".</summary>
public sealed class KubeMetricsUnavailableException : Exception
{
    public KubeMetricsUnavailableException()
        : base("Metrics API not available: the cluster serves no metrics.k8s.io API.")
    {
    }

    public KubeMetricsUnavailableException(string message)
        : base(message)
    {
    }

    public KubeMetricsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

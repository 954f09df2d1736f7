using System.Collections.Concurrent;
using System.Management.Automation;
using PSKube.Client.Transport;

namespace PSKube;

/// <summary>
/// The health of long-lived streams (-Watch, Receive-KubeLog -Follow): reports come from the client's threads and
/// are written from the pipeline thread while the stream waits for its next item; each retry is a verbose line, a
/// long outage a warning.
/// </summary>
public abstract partial class KubeCmdlet
{
    private readonly HealthQueue _health = new();

    /// <summary>The health options of a stream this command reads: reported here, ending after $env:PSKUBE_STREAM_RECONNECT_TIMEOUT if set.</summary>
    protected StreamHealthOptions StreamHealth()
    {
        try
        {
            return new StreamHealthOptions { Progress = _health, GiveUpAfter = StreamHealthOptions.GiveUpAfterFromEnvironment() };
        }
        catch (FormatException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidStreamReconnectTimeout", ErrorCategory.InvalidArgument, StreamHealthOptions.GiveUpAfterVariable));
            throw;
        }
    }

    private void WriteStreamHealth()
    {
        while (_health.TryDequeue(out var report))
        {
            if (report.Kind == StreamHealthKind.Unhealthy)
            {
                WriteWarning(report.Message);
            }
            else
            {
                WriteVerbose(report.Message);
            }
        }
    }

    private sealed class HealthQueue : ConcurrentQueue<StreamHealthReport>, IProgress<StreamHealthReport>
    {
        public void Report(StreamHealthReport value) => Enqueue(value);
    }
}

using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;

namespace PSKube.Client.Waiting;

/// <summary>
/// Waits for pods as kubectl wait does: Ready means the Ready condition is True (--for=condition=Ready), Deleted
/// means gone (--for=delete). A pod that can never become Ready (it failed, or ran to completion) ends the wait at
/// once instead of letting it run into the timeout. Wait-KubePod and New-KubePod -Wait rest on this.
/// </summary>
public static class PodConditions
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    /// <summary>True when the pod's Ready condition is True.</summary>
    public static bool IsReady(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.PodStatus?.Conditions?.Exists(c => c.Type == "Ready" && c.Status == "True") == true;
    }

    /// <summary>Why the pod will never become Ready, or null while it still may: its containers ended for good.</summary>
    public static string? WhyNeverReady(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.PodStatus?.Phase switch
        {
            "Failed" => $"it failed ({Detail(pod)})",
            "Succeeded" => $"it ran to completion ({Detail(pod)}) and will not be Ready again",
            _ => null,
        };
    }

    /// <summary>
    /// Waits for the pod until <paramref name="condition"/> holds or <paramref name="timeout"/> passes. Ready: the
    /// outcome is ConditionMet with the Ready pod, Failed with the pod as it ended, Deleted when it went meanwhile.
    /// Deleted: the outcome is Deleted (also when it was already gone). Either may end TimedOut with the pod as last seen.
    /// </summary>
    /// <exception cref="Transport.KubeApiException">Waiting for Ready on a pod that does not exist (NotFound), as kubectl wait.</exception>
    public static async Task<WaitResult<Pod>> WaitAsync(KubeClient client, string? @namespace, string name, PodWaitCondition condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (condition == PodWaitCondition.Deleted)
        {
            // The pod as last seen comes with a timeout, so nothing is read after the deadline.
            var deletion = await client.WaitAsync<Pod>(Pods, @namespace, name, _ => false, timeout, cancellationToken);
            return deletion.Outcome == WaitOutcome.Deleted ? new WaitResult<Pod>(WaitOutcome.Deleted, null) : deletion with { Outcome = WaitOutcome.TimedOut };
        }
        // A pod that is not there is an error at once, not a wait until the timeout; the look counts against it.
        var started = TimeProvider.System.GetTimestamp();
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(timeout);
            try
            {
                await client.GetAsync<Pod>(Pods, @namespace, name, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new WaitResult<Pod>(WaitOutcome.TimedOut, null);
            }
        }
        var left = timeout == Timeout.InfiniteTimeSpan ? timeout : timeout - TimeProvider.System.GetElapsedTime(started);
        var result = await client.WaitAsync<Pod>(Pods, @namespace, name, pod => IsReady(pod) || WhyNeverReady(pod) is not null, left < TimeSpan.Zero ? TimeSpan.Zero : left, cancellationToken);
        return result is { Outcome: WaitOutcome.ConditionMet, Object: { } ended } && !IsReady(ended)
            ? result with { Outcome = WaitOutcome.Failed }
            : result;
    }

    // The STATUS column says how it ended (Error, Completed, OOMKilled...); the pod's own reason when it has one.
    private static string Detail(Pod pod) =>
        string.IsNullOrEmpty(pod.PodStatus?.Message) ? $"status {pod.Status}" : $"status {pod.Status}: {pod.PodStatus.Message}";
}

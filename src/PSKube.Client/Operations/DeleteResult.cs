using PSKube.Client.Models;

namespace PSKube.Client.Operations;

/// <summary>
/// What a DELETE answered: the object (still terminating when it has a deletionTimestamp, for graceful deletion
/// or finalizers) or a Status saying it is gone. Both are normal answers.
/// </summary>
public sealed record DeleteResult<T>(T? Object, Status? Status)
    where T : KubeObject
{
    /// <summary>True when the object still exists, waiting for its grace period or finalizers.</summary>
    public bool IsPending => Object?.Metadata?.DeletionTimestamp is not null;
}

using PSKube.Client.Models;

namespace PSKube.Client.Operations;

/// <summary>
/// What a DELETE answered: the object (still terminating when it has a deletionTimestamp, for graceful deletion
/// or finalizers) or a Status saying it is gone. Both are normal answers.
/// </summary>
public sealed record DeleteResult<T>(T? Object, Status? Status)
    where T : KubeObject
{
    /// <summary>
    /// True when the object still exists, waiting for its grace period or its finalizers. An object deleted at
    /// once comes back with a deletion grace period of 0 and no finalizers; a namespace never goes at once: it
    /// terminates until the namespace controller has emptied it.
    /// </summary>
    public bool IsPending =>
        Object?.Metadata is { DeletionTimestamp: not null } metadata &&
        (metadata.DeletionGracePeriodSeconds > 0 || metadata.Finalizers is { Count: > 0 } || Object is Namespace);
}

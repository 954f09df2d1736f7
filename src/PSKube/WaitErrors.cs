using System.Management.Automation;
using PSKube.Client.Operations;
using PSKube.Client.Printing;

namespace PSKube;

/// <summary>How a wait that did not end well is reported: one non-terminating error per object, with a stable id.</summary>
internal static class WaitErrors
{
    /// <summary>The error for a wait that timed out or saw the object deleted; null when the condition was met.</summary>
    public static ErrorRecord? Of<T>(WaitResult<T> result, string kind, string description, TimeSpan limit, object target) => result.Outcome switch
    {
        WaitOutcome.TimedOut => new ErrorRecord(
            new TimeoutException($"Timed out after {HumanDuration.Format(limit)} waiting for {description}; wait longer with a larger -Timeout."),
            kind + "WaitTimedOut", ErrorCategory.OperationTimeout, target),
        WaitOutcome.Deleted => new ErrorRecord(
            new InvalidOperationException($"{description} was deleted while waiting for it."),
            kind + "Deleted", ErrorCategory.ObjectNotFound, target),
        _ => null,
    };

    /// <summary>The object reached a state it will not leave by itself (a failed job, a rollout past its deadline).</summary>
    public static ErrorRecord Failed(string errorId, string message, object target) =>
        new(new InvalidOperationException(message), errorId, ErrorCategory.InvalidResult, target);

    /// <summary>-Timeout, or no limit when omitted.</summary>
    public static TimeSpan Limit(TimeSpan? timeout) => timeout ?? Timeout.InfiniteTimeSpan;
}

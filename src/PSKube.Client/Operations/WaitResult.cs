namespace PSKube.Client.Operations;

public enum WaitOutcome
{
    /// <summary>The condition held.</summary>
    ConditionMet,

    /// <summary>The object is gone (what a wait for deletion wants).</summary>
    Deleted,

    /// <summary>The timeout passed first.</summary>
    TimedOut,

    /// <summary>The object reached a state from which the condition can never hold (a pod that failed or completed).</summary>
    Failed,
}

/// <summary>How a wait ended and the object as last seen (null when it never existed or is gone).</summary>
public sealed record WaitResult<T>(WaitOutcome Outcome, T? Object);

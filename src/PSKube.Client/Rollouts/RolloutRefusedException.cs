namespace PSKube.Client.Rollouts;

/// <summary>Why kubectl rollout would refuse a change before sending it.</summary>
public enum RolloutRefusal
{
    /// <summary>Restart or undo of a paused deployment (kubectl: resume it first).</summary>
    Paused,

    /// <summary>Pause of a deployment that is already paused.</summary>
    AlreadyPaused,

    /// <summary>Resume of a deployment that is not paused.</summary>
    NotPaused,

    /// <summary>The revision asked for is not in the history.</summary>
    RevisionNotFound,

    /// <summary>Undo without a revision, and no earlier revision to go back to.</summary>
    NoHistory,

    /// <summary>A restart within the same second as the last one (its restartedAt would not change).</summary>
    RestartedThisSecond,

    /// <summary>A change kubectl rollout makes on deployments only (pause, resume) asked of another kind.</summary>
    NotSupported,
}

/// <summary>A rollout change that cannot be made in the deployment's present state; the message says what to do.</summary>
public sealed class RolloutRefusedException : Exception
{
    public RolloutRefusedException(RolloutRefusal reason, string message)
        : base(message) => Reason = reason;

    public RolloutRefusal Reason { get; }
}

namespace PSKube.Client.Waiting;

/// <summary>What a wait for a pod waits for (kubectl wait --for=condition=Ready or --for=delete).</summary>
public enum PodWaitCondition
{
    /// <summary>The pod's Ready condition is True: every container runs and passes its readiness probe.</summary>
    Ready,

    /// <summary>The pod no longer exists.</summary>
    Deleted,
}

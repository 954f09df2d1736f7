using PSKube.Client.Resources;
using PSKube.FakeCluster.Storage;

namespace PSKube.FakeCluster.Workloads;

/// <summary>What a reconciler works with: the store, the time now on the cluster clock, events, and seeded randomness.</summary>
public sealed class ReconcileContext(ObjectStore store, DateTimeOffset now, IReadOnlyList<ResourceDefinition> resources, EventRecorder events, Random random)
{
    public ObjectStore Store { get; } = store;

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<ResourceDefinition> Resources { get; } = resources;

    public EventRecorder Events { get; } = events;

    /// <summary>Seeded (FakeClusterOptions.RandomSeed) so that runs with the same seed behave the same.</summary>
    public Random Random { get; } = random;

    /// <summary>The earliest cluster time a pass asked to run again at (something it saw becomes due then).</summary>
    public DateTimeOffset? WakeAt { get; private set; }

    /// <summary>Asks for another pass at <paramref name="at"/>, when something time-bound is due (a deadline, a readiness delay).</summary>
    public void Wake(DateTimeOffset at)
    {
        if (at > Now && (WakeAt is null || at < WakeAt))
        {
            WakeAt = at;
        }
    }

    /// <summary>Takes the wake time a reconcile asked for, so the next one starts without.</summary>
    public DateTimeOffset? TakeWake()
    {
        var at = WakeAt;
        WakeAt = null;
        return at;
    }

    public ResourceDefinition Resource(string plural) =>
        Resources.FirstOrDefault(r => r.Plural == plural) ?? throw new InvalidOperationException($"No resource {plural}.");
}

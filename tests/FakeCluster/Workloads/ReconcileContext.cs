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

    public ResourceDefinition Resource(string plural) =>
        Resources.FirstOrDefault(r => r.Plural == plural) ?? throw new InvalidOperationException($"No resource {plural}.");
}

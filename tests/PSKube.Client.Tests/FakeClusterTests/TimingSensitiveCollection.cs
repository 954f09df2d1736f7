namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>Tests that measure real time run alone, after the parallel ones, so other tests' load does not skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    public const string Name = "Timing-sensitive";
}

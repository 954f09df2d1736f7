namespace PSKube.Client.Rollouts;

/// <summary>An image was given for a container the object does not have (kubectl: unable to find container named "x").</summary>
public sealed class ContainerNotFoundException : Exception
{
    public ContainerNotFoundException(IReadOnlyList<string> missing, IReadOnlyList<string> existing)
        : base($"unable to find container named {string.Join(", ", missing.Select(name => $"\"{name}\""))}; its containers are {string.Join(", ", existing)}.")
    {
        Missing = missing;
        Existing = existing;
    }

    /// <summary>The container names given that the object does not have.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>The containers (init containers first) the object has.</summary>
    public IReadOnlyList<string> Existing { get; }
}

namespace PSKube.Client.Queries;

/// <summary>The two types of core events: routine ones and those that say something went wrong.</summary>
public enum EventType
{
    Normal,
    Warning,
}

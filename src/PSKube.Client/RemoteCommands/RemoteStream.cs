namespace PSKube.Client.RemoteCommands;

/// <summary>Where a piece of a remote process's output came from.</summary>
public enum RemoteStream
{
    Stdout = 1,
    Stderr = 2,
}

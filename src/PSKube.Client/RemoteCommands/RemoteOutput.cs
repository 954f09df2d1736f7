namespace PSKube.Client.RemoteCommands;

/// <summary>One frame of a remote process's output, as the server sent it (not split into lines).</summary>
public readonly record struct RemoteOutput(RemoteStream Stream, ReadOnlyMemory<byte> Data);

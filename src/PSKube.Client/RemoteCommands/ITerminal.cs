namespace PSKube.Client.RemoteCommands;

/// <summary>The local side of an interactive session: the console in raw mode (or a test's stand-in).</summary>
public interface ITerminal
{
    /// <summary>The window's size in columns and rows now.</summary>
    (int Width, int Height) Size { get; }

    /// <summary>What was typed since the last call, as the bytes a terminal sends (Ctrl+C is 0x03); empty when nothing was.</summary>
    ReadOnlyMemory<byte> ReadTypedInput();

    /// <summary>Shows what the remote terminal wrote, escape sequences and all.</summary>
    void Write(ReadOnlySpan<byte> output);
}

using System.Text;

namespace PSKube.Client.RemoteCommands;

/// <summary>What a terminal sends for a key (the sequences of an xterm in normal cursor mode), as a remote shell expects.</summary>
public static class TerminalKeys
{
    public static byte[] Bytes(ConsoleKeyInfo key)
    {
        var sequence = key.Key switch
        {
            ConsoleKey.Enter => "\r",
            ConsoleKey.Backspace => "\u007f",
            ConsoleKey.Tab when (key.Modifiers & ConsoleModifiers.Shift) != 0 => "\u001b[Z",
            ConsoleKey.Tab => "\t",
            ConsoleKey.Escape => "\u001b",
            ConsoleKey.UpArrow => "\u001b[A",
            ConsoleKey.DownArrow => "\u001b[B",
            ConsoleKey.RightArrow => "\u001b[C",
            ConsoleKey.LeftArrow => "\u001b[D",
            ConsoleKey.Home => "\u001b[H",
            ConsoleKey.End => "\u001b[F",
            ConsoleKey.Insert => "\u001b[2~",
            ConsoleKey.Delete => "\u001b[3~",
            ConsoleKey.PageUp => "\u001b[5~",
            ConsoleKey.PageDown => "\u001b[6~",
            _ when key.KeyChar != '\0' => key.KeyChar.ToString(),
            // Ctrl+letter where the console did not give the control character itself.
            >= ConsoleKey.A and <= ConsoleKey.Z when (key.Modifiers & ConsoleModifiers.Control) != 0 => ((char)(key.Key - ConsoleKey.A + 1)).ToString(),
            _ => "",
        };
        return Encoding.UTF8.GetBytes(sequence);
    }
}

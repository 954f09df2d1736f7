using PSKube.Client.RemoteCommands;

namespace PSKube.Commands.Exec;

/// <summary>
/// The current console as the local end of an interactive session: while it is in use, Ctrl+C is an ordinary key
/// (sent to the remote side, not stopping PowerShell), keys are read without echo, and output goes to the console
/// unchanged, escape sequences included. Disposing gives the console back as it was.
/// </summary>
internal sealed class ConsoleTerminal : ITerminal, IDisposable
{
    private readonly bool _treatedControlCAsInput;
    private readonly Stream _output = Console.OpenStandardOutput();

    public ConsoleTerminal()
    {
        _treatedControlCAsInput = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
    }

    public (int Width, int Height) Size => (Console.WindowWidth, Console.WindowHeight);

    public ReadOnlyMemory<byte> ReadTypedInput()
    {
        if (!Console.KeyAvailable)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        var typed = new List<byte>();
        while (Console.KeyAvailable)
        {
            typed.AddRange(TerminalKeys.Bytes(Console.ReadKey(intercept: true)));
        }
        return typed.ToArray();
    }

    public void Write(ReadOnlySpan<byte> output)
    {
        _output.Write(output);
        _output.Flush();
    }

    public void Dispose()
    {
        Console.TreatControlCAsInput = _treatedControlCAsInput;
        _output.Dispose();
    }
}

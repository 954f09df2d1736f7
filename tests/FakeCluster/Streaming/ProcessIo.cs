using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// The stdio of a simulated process, wired to the session's channels. Without a terminal, stdin arrives as sent and
/// stdout/stderr go to their channels (or nowhere when not requested). With a terminal (tty) the kernel's line
/// discipline is played: input is echoed and edited line by line, Enter gives a line, Ctrl-C interrupts, Ctrl-D at
/// the start of a line is end of input, output newlines become CR LF and stderr shares stdout.
/// </summary>
public sealed class ProcessIo
{
    private readonly ChannelSession _session;
    private readonly InboundStream? _stdin;
    private readonly bool _stdout;
    private readonly bool _stderr;
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _line = new();
    private readonly Queue<string> _readyLines = new();
    private readonly StringBuilder _pendingText = new();
    private bool _endOfInput;
    private bool _interrupted;
    private EscapeState _escape;

    public ProcessIo(ChannelSession session, InboundStream? stdin, bool stdout, bool stderr, bool tty)
    {
        _session = session;
        _stdin = stdin;
        _stdout = stdout;
        _stderr = stderr;
        Tty = tty;
    }

    private enum EscapeState
    {
        None,
        Escape,
        Sequence,
    }

    public bool Tty { get; }

    public Task WriteOutAsync(string text) => _stdout ? _session.WriteAsync(StreamProtocols.Stdout, Encode(text)) : Task.CompletedTask;

    /// <summary>Raw bytes for stdout (tar); on a terminal they go through the newline translation as text.</summary>
    public Task WriteOutAsync(byte[] data) =>
        !_stdout ? Task.CompletedTask : Tty ? WriteOutAsync(Encoding.UTF8.GetString(data)) : _session.WriteAsync(StreamProtocols.Stdout, data);

    public Task WriteErrorAsync(byte[] data)
    {
        if (Tty)
        {
            return WriteOutAsync(data);
        }
        return _stderr ? _session.WriteAsync(StreamProtocols.Stderr, data) : Task.CompletedTask;
    }

    /// <summary>The next stdin bytes as sent, undecoded (tar's archive); null at end of input.</summary>
    public async ValueTask<byte[]?> ReadBytesAsync(CancellationToken cancellationToken)
    {
        if (_pendingText.Length > 0)
        {
            var pending = Encoding.UTF8.GetBytes(_pendingText.ToString());
            _pendingText.Clear();
            return pending;
        }
        if (_stdin is null || _endOfInput)
        {
            return null;
        }
        var bytes = await _stdin.ReadAsync(cancellationToken);
        _endOfInput = bytes is null;
        return bytes;
    }

    public Task WriteErrorAsync(string text)
    {
        if (Tty)
        {
            // A terminal has one output: stderr lands on it too.
            return WriteOutAsync(text);
        }
        return _stderr ? _session.WriteAsync(StreamProtocols.Stderr, Encode(text)) : Task.CompletedTask;
    }

    /// <summary>
    /// The next piece of input: as sent without a terminal, a whole line with its newline on one. Null at end of
    /// input. Throws <see cref="TerminalInterrupt"/> when Ctrl-C is typed.
    /// </summary>
    public async ValueTask<string?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!Tty)
        {
            if (_pendingText.Length > 0)
            {
                var pending = _pendingText.ToString();
                _pendingText.Clear();
                return pending;
            }
            return await ReadChunkAsync(cancellationToken);
        }
        var line = await ReadTerminalLineAsync(cancellationToken);
        return line is null ? null : line + "\n";
    }

    /// <summary>The next input line without its newline (the rest of the input when it does not end in one); null at end.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (Tty)
        {
            return await ReadTerminalLineAsync(cancellationToken);
        }
        while (true)
        {
            var text = _pendingText.ToString();
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline >= 0)
            {
                _pendingText.Remove(0, newline + 1);
                return text[..newline];
            }
            var chunk = await ReadChunkAsync(cancellationToken);
            if (chunk is null)
            {
                _pendingText.Clear();
                return text.Length > 0 ? text : null;
            }
            _pendingText.Append(chunk);
        }
    }

    private async ValueTask<string?> ReadChunkAsync(CancellationToken cancellationToken)
    {
        if (_stdin is null || _endOfInput)
        {
            return null;
        }
        var bytes = await _stdin.ReadAsync(cancellationToken);
        if (bytes is null)
        {
            _endOfInput = true;
            return null;
        }
        return Decode(bytes);
    }

    private async ValueTask<string?> ReadTerminalLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_readyLines.TryDequeue(out var ready))
            {
                return ready;
            }
            if (_interrupted)
            {
                _interrupted = false;
                throw new TerminalInterrupt();
            }
            if (_endOfInput)
            {
                return null;
            }
            var chunk = await ReadChunkAsync(cancellationToken);
            if (chunk is null)
            {
                return null;
            }
            var echo = new StringBuilder();
            foreach (var c in chunk)
            {
                Discipline(c, echo);
            }
            if (echo.Length > 0 && _stdout)
            {
                await _session.WriteAsync(StreamProtocols.Stdout, Encoding.UTF8.GetBytes(echo.ToString()));
            }
        }
    }

    /// <summary>One typed character through the line discipline; what the terminal echoes goes to <paramref name="echo"/>.</summary>
    private void Discipline(char c, StringBuilder echo)
    {
        // Cursor keys and other escape sequences are swallowed: there is no history or cursor movement to offer.
        switch (_escape)
        {
            case EscapeState.Escape:
                _escape = c == '[' ? EscapeState.Sequence : EscapeState.None;
                return;
            case EscapeState.Sequence:
                if (c is >= '@' and <= '~')
                {
                    _escape = EscapeState.None;
                }
                return;
        }
        switch (c)
        {
            case '\r' or '\n':
                echo.Append("\r\n");
                _readyLines.Enqueue(_line.ToString());
                _line.Clear();
                break;
            case '\u007f' or '\b':
                if (_line.Length > 0)
                {
                    _line.Length--;
                    echo.Append("\b \b");
                }
                break;
            case '\u0003':
                echo.Append("^C\r\n");
                _line.Clear();
                _interrupted = true;
                break;
            case '\u0004':
                if (_line.Length == 0)
                {
                    _endOfInput = true;
                }
                break;
            case '\u001b':
                _escape = EscapeState.Escape;
                break;
            case '\t' or >= ' ':
                _line.Append(c);
                echo.Append(c);
                break;
        }
    }

    private string Decode(byte[] bytes)
    {
        var chars = new char[_decoder.GetCharCount(bytes, flush: false)];
        var count = _decoder.GetChars(bytes, chars, flush: false);
        return new string(chars, 0, count);
    }

    private byte[] Encode(string text) =>
        Encoding.UTF8.GetBytes(Tty ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) : text);
}

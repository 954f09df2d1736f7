using System.Text;

namespace PSKube.Client.RemoteCommands;

/// <summary>
/// Turns one output stream's frames into text: UTF-8 decoded across frame boundaries, and cut into lines (without
/// their LF or CR LF) as PowerShell shows a native command's output, or passed on as it comes.
/// </summary>
internal sealed class TextSplitter(bool lines)
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _pending = new();

    /// <summary>The complete lines (or, not splitting, the text) this frame finishes.</summary>
    public IEnumerable<string> Add(ReadOnlyMemory<byte> data)
    {
        var chars = new char[_decoder.GetCharCount(data.Span, flush: false)];
        _decoder.GetChars(data.Span, chars, flush: false);
        _pending.Append(chars);
        return lines ? TakeLines() : TakeAll();
    }

    /// <summary>What is left at the end of the stream: a last line without a newline, or the rest of the text.</summary>
    public IEnumerable<string> Finish()
    {
        var rest = new char[_decoder.GetCharCount([], flush: true)];
        _decoder.GetChars([], rest, flush: true);
        _pending.Append(rest);
        return TakeAll();
    }

    private List<string> TakeLines()
    {
        var found = new List<string>();
        var text = _pending.ToString();
        var start = 0;
        for (var newline = text.IndexOf('\n', start); newline >= 0; newline = text.IndexOf('\n', start))
        {
            var end = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
            found.Add(text[start..end]);
            start = newline + 1;
        }
        _pending.Remove(0, start);
        return found;
    }

    private List<string> TakeAll()
    {
        if (_pending.Length == 0)
        {
            return [];
        }
        var text = _pending.ToString();
        _pending.Clear();
        return [text];
    }
}

using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// tar archives as busybox tar writes them (ustar, 512-byte blocks, two zero blocks at the end) and reads them:
/// ustar with its name prefix, plus the PAX (x) and GNU long-name (L) records Go's archive/tar writes for long paths.
/// </summary>
public static class TarArchive
{
    private const int Block = 512;

    public sealed record Entry(string Name, bool IsFolder, byte[] Content, DateTimeOffset Modified);

    public static byte[] Write(IEnumerable<Entry> entries)
    {
        using var output = new MemoryStream();
        foreach (var entry in entries)
        {
            var name = entry.IsFolder && !entry.Name.EndsWith('/') ? entry.Name + "/" : entry.Name;
            var header = new byte[Block];
            var (prefix, shortName) = Split(name);
            Field(header, 0, 100, shortName);
            Field(header, 100, 8, entry.IsFolder ? "0000755" : "0000644");
            Field(header, 108, 8, "0000000");
            Field(header, 116, 8, "0000000");
            Field(header, 124, 12, Octal(entry.IsFolder ? 0 : entry.Content.Length, 11));
            Field(header, 136, 12, Octal(entry.Modified.ToUnixTimeSeconds(), 11));
            header[156] = (byte)(entry.IsFolder ? '5' : '0');
            Field(header, 257, 6, "ustar");
            Field(header, 263, 2, "00");
            Field(header, 265, 32, "root");
            Field(header, 297, 32, "root");
            Field(header, 345, 155, prefix);
            // The checksum is summed with its own field as spaces.
            Array.Fill(header, (byte)' ', 148, 8);
            var sum = header.Sum(b => (long)b);
            Field(header, 148, 8, Octal(sum, 6) + "\0 ");
            output.Write(header);
            if (!entry.IsFolder)
            {
                output.Write(entry.Content);
                output.Write(new byte[(Block - (entry.Content.Length % Block)) % Block]);
            }
        }
        output.Write(new byte[2 * Block]);
        return output.ToArray();
    }

    /// <summary>The entries of an archive; throws <see cref="InvalidDataException"/> on a damaged one.</summary>
    public static List<Entry> Read(byte[] archive)
    {
        var entries = new List<Entry>();
        string? longName = null;
        var offset = 0;
        while (offset + Block <= archive.Length)
        {
            var header = archive.AsSpan(offset, Block);
            if (!header.ContainsAnyExcept((byte)0))
            {
                break;
            }
            var size = (int)ParseOctal(header.Slice(124, 12));
            var type = (char)header[156];
            var dataStart = offset + Block;
            if (dataStart + size > archive.Length)
            {
                throw new InvalidDataException("short read");
            }
            var data = archive.AsSpan(dataStart, size).ToArray();
            offset = dataStart + (size + Block - 1) / Block * Block;
            switch (type)
            {
                case 'x':
                    longName = PaxPath(data) ?? longName;
                    continue;
                case 'L':
                    longName = Encoding.UTF8.GetString(data).TrimEnd('\0');
                    continue;
                case 'g':
                    continue;
            }
            var name = longName ?? FullName(header);
            longName = null;
            var modified = DateTimeOffset.FromUnixTimeSeconds(ParseOctal(header.Slice(136, 12)));
            if (type is '0' or '\0' or '5' or '7')
            {
                entries.Add(new Entry(name, type == '5' || name.EndsWith('/'), data, modified));
            }
        }
        return entries;
    }

    private static string FullName(ReadOnlySpan<byte> header)
    {
        var name = Text(header[..100]);
        var prefix = header.Slice(257, 5).SequenceEqual("ustar"u8) ? Text(header.Slice(345, 155)) : "";
        return prefix.Length > 0 ? prefix + "/" + name : name;
    }

    // PAX records are "LENGTH key=value\n".
    private static string? PaxPath(byte[] data)
    {
        foreach (var record in Encoding.UTF8.GetString(data).Split('\n'))
        {
            var space = record.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && record[(space + 1)..].StartsWith("path=", StringComparison.Ordinal))
            {
                return record[(space + 1 + "path=".Length)..];
            }
        }
        return null;
    }

    private static (string Prefix, string Name) Split(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= 100)
        {
            return ("", name);
        }
        var slash = name.LastIndexOf('/', name.Length - 2);
        return slash > 0 && slash <= 155 && name.Length - slash - 1 <= 100
            ? (name[..slash], name[(slash + 1)..])
            : throw new InvalidDataException($"name too long: {name}");
    }

    private static void Field(byte[] header, int offset, int length, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Array.Copy(bytes, 0, header, offset, Math.Min(bytes.Length, length));
    }

    private static string Octal(long value, int digits) => Convert.ToString(value, 8).PadLeft(digits, '0');

    private static string Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    private static long ParseOctal(ReadOnlySpan<byte> field)
    {
        var text = Text(field).Trim(' ', '\0');
        if (text.Length == 0)
        {
            return 0;
        }
        try
        {
            return Convert.ToInt64(text, 8);
        }
        catch (FormatException)
        {
            throw new InvalidDataException("invalid tar header checksum");
        }
        catch (ArgumentException)
        {
            throw new InvalidDataException("invalid tar header checksum");
        }
    }
}

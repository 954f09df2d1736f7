using System.Text;

namespace PSKube.Client.Describing;

/// <summary>
/// Aligns tab-separated text into columns the way kubectl describe's output is aligned (Go's text/tabwriter with no
/// minimum width, two spaces of padding, spaces for padding): a cell ended by a tab belongs to a column; a column's
/// width holds within a block of consecutive lines that all have a cell in that column; the last cell of a line,
/// ended by the line break rather than a tab, never widens a column.
/// </summary>
internal static class TabAlignment
{
    private const int Padding = 2;

    public static string Align(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Select(line => line.Split('\t')).ToList();
        var output = new StringBuilder(text.Length * 2);
        AlignBlock(lines, 0, lines.Count, [], output);
        // Split leaves an empty last line after the final line break: no line break follows it.
        if (output.Length > 0 && text.Length > 0 && text[^1] == '\n')
        {
            output.Length--;
        }
        return output.ToString();
    }

    // Lines [first, end) whose columns left of widths.Count are already sized: size the next column block by block.
    private static void AlignBlock(List<string[]> lines, int first, int end, List<int> widths, StringBuilder output)
    {
        var column = widths.Count;
        var written = first;
        var line = first;
        while (line < end)
        {
            if (!HasCell(lines[line], column))
            {
                line++;
                continue;
            }
            WriteLines(lines, written, line, widths, output);
            var blockStart = line;
            var width = 0;
            for (; line < end && HasCell(lines[line], column); line++)
            {
                width = Math.Max(width, Width(lines[line][column]) + Padding);
            }
            widths.Add(width);
            AlignBlock(lines, blockStart, line, widths, output);
            widths.RemoveAt(widths.Count - 1);
            written = line;
        }
        WriteLines(lines, written, end, widths, output);
    }

    // A cell in this column that a tab ends (the line's last cell does not count).
    private static bool HasCell(string[] cells, int column) => column < cells.Length - 1;

    private static void WriteLines(List<string[]> lines, int first, int end, List<int> widths, StringBuilder output)
    {
        for (var index = first; index < end; index++)
        {
            var cells = lines[index];
            for (var column = 0; column < cells.Length; column++)
            {
                output.Append(cells[column]);
                if (column < widths.Count)
                {
                    output.Append(' ', Math.Max(0, widths[column] - Width(cells[column])));
                }
            }
            output.Append('\n');
        }
    }

    // Go counts runes: a character outside the basic plane is one.
    private static int Width(string cell) => cell.EnumerateRunes().Count();
}

using System.Globalization;

namespace PSKube.FakeCluster.Streaming;

/// <summary>test and [ as busybox evaluates them: strings, integers, files, !, -a and -o.</summary>
public static class ShellTest
{
    /// <summary>0 when true, 1 when false, 2 (with a message) when the expression is malformed.</summary>
    public static int Run(IReadOnlyList<string> argv, ContainerFileSystem files, Action<string> error)
    {
        var arguments = argv.Skip(1).ToList();
        if (argv[0] == "[")
        {
            if (arguments.Count == 0 || arguments[^1] != "]")
            {
                error("[: missing ]\n");
                return 2;
            }
            arguments.RemoveAt(arguments.Count - 1);
        }
        try
        {
            var index = 0;
            var result = Or(arguments, ref index, files);
            if (index != arguments.Count)
            {
                throw new FormatException($"{argv[0]}: {arguments[index]}: unknown operand");
            }
            return result ? 0 : 1;
        }
        catch (FormatException malformed)
        {
            error(malformed.Message + "\n");
            return 2;
        }
    }

    private static bool Or(List<string> arguments, ref int index, ContainerFileSystem files)
    {
        var value = And(arguments, ref index, files);
        while (index < arguments.Count && arguments[index] == "-o")
        {
            index++;
            value |= And(arguments, ref index, files);
        }
        return value;
    }

    private static bool And(List<string> arguments, ref int index, ContainerFileSystem files)
    {
        var value = Primary(arguments, ref index, files);
        while (index < arguments.Count && arguments[index] == "-a")
        {
            index++;
            value &= Primary(arguments, ref index, files);
        }
        return value;
    }

    private static bool Primary(List<string> arguments, ref int index, ContainerFileSystem files)
    {
        if (index >= arguments.Count)
        {
            return false;
        }
        var first = arguments[index];
        if (first == "!" && index + 1 < arguments.Count)
        {
            index++;
            return !Primary(arguments, ref index, files);
        }
        if (index + 2 < arguments.Count && IsBinary(arguments[index + 1]))
        {
            var left = first;
            var op = arguments[index + 1];
            var right = arguments[index + 2];
            index += 3;
            return op switch
            {
                "=" or "==" => left == right,
                "!=" => left != right,
                _ => Compare(op, Integer(left), Integer(right)),
            };
        }
        if (first.Length == 2 && first[0] == '-' && index + 1 < arguments.Count && IsUnary(first))
        {
            var operand = arguments[index + 1];
            index += 2;
            var node = files.Stat(operand);
            return first switch
            {
                "-z" => operand.Length == 0,
                "-n" => operand.Length > 0,
                "-e" => node is not null,
                "-f" => node is { IsFolder: false },
                "-d" => node is { IsFolder: true },
                "-s" => node is { Size: > 0 },
                _ => node is not null,
            };
        }
        index++;
        return first.Length > 0;
    }

    private static bool IsBinary(string op) => op is "=" or "==" or "!=" or "-eq" or "-ne" or "-lt" or "-le" or "-gt" or "-ge";

    private static bool IsUnary(string op) => op is "-z" or "-n" or "-e" or "-f" or "-d" or "-s" or "-r" or "-w" or "-x";

    private static bool Compare(string op, long left, long right) => op switch
    {
        "-eq" => left == right,
        "-ne" => left != right,
        "-lt" => left < right,
        "-le" => left <= right,
        "-gt" => left > right,
        _ => left >= right,
    };

    private static long Integer(string text) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"sh: invalid number '{text}'");
}

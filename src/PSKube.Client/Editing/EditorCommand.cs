using System.Diagnostics;
using System.Text;

namespace PSKube.Client.Editing;

/// <summary>
/// The editor to open a file with, chosen and started as kubectl edit does: the first of KUBE_EDITOR, VISUAL and
/// EDITOR that is set (kubectl reads only KUBE_EDITOR and EDITOR; VISUAL is the Unix convention for a full-screen
/// editor), else vi on Unix and notepad on Windows. A value without spaces is the program; with spaces but no
/// quotes or backslashes it is split on the spaces (<c>code --wait</c>); otherwise the shell runs it ($SHELL or
/// /bin/bash with -c, cmd /C on Windows) with the file's path appended in double quotes.
/// </summary>
public sealed class EditorCommand
{
    /// <summary>The environment variables read, in order.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["KUBE_EDITOR", "VISUAL", "EDITOR"];

    private EditorCommand(string text, IReadOnlyList<string> arguments, bool viaShell)
    {
        Text = text;
        Arguments = arguments;
        ViaShell = viaShell;
    }

    /// <summary>The editor as configured (the variable's value, or the default).</summary>
    public string Text { get; }

    /// <summary>The program and its arguments, before the file's path.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Whether the shell runs the editor (its text has quotes or backslashes).</summary>
    public bool ViaShell { get; }

    /// <summary>The editor <paramref name="environment"/> names (a variable's value, or null when unset).</summary>
    public static EditorCommand FromEnvironment(Func<string, string?> environment, bool windows)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = Variables.Select(environment).FirstOrDefault(value => !string.IsNullOrEmpty(value))
            ?? (windows ? "notepad" : "vi");
        if (!text.Contains(' ', StringComparison.Ordinal))
        {
            return new EditorCommand(text, [text], viaShell: false);
        }
        if (text.IndexOfAny(['"', '\'', '\\']) < 0)
        {
            return new EditorCommand(text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries), viaShell: false);
        }
        string[] shell = windows ? ["cmd", "/C"] : [environment("SHELL") is { Length: > 0 } own ? own : "/bin/bash", "-c"];
        return new EditorCommand(text, [.. shell, text], viaShell: true);
    }

    /// <summary>The editor of this process's environment.</summary>
    public static EditorCommand FromCurrentEnvironment() =>
        FromEnvironment(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows());

    /// <summary>The command line that opens <paramref name="path"/>: the path is one more argument, or part of the shell's command.</summary>
    public IReadOnlyList<string> CommandLineFor(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!ViaShell)
        {
            return [.. Arguments, path];
        }
        return [.. Arguments.Take(Arguments.Count - 1), $"{Arguments[^1]} {Quoted(path)}"];
    }

    /// <summary>
    /// Opens <paramref name="path"/> in the editor, sharing this console, and returns when the editor exits; an editor
    /// that cannot start or exits with a failure is an <see cref="EditorException"/>.
    /// </summary>
    public async Task EditAsync(string path, CancellationToken cancellationToken)
    {
        var commandLine = CommandLineFor(path);
        var start = new ProcessStartInfo(commandLine[0]) { UseShellExecute = false };
        foreach (var argument in commandLine.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new EditorException($"The editor \"{Text}\" could not be started: {e.Message}. Set $env:KUBE_EDITOR (or VISUAL, EDITOR) to an editor that waits until the file is closed, e.g. 'code --wait'.", e);
        }
        using (process)
        {
            if (process is null)
            {
                throw new EditorException($"The editor \"{Text}\" could not be started.");
            }
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new EditorException($"There was a problem with the editor \"{Text}\": it exited with code {process.ExitCode}.");
            }
        }
    }

    // The path in double quotes with backslashes and quotes escaped, as Go's %q writes it.
    private static string Quoted(string path)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in path)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\');
            }
            quoted.Append(c);
        }
        return quoted.Append('"').ToString();
    }
}

/// <summary>The editor could not be started or failed.</summary>
public sealed class EditorException : Exception
{
    public EditorException(string message)
        : base(message)
    {
    }

    public EditorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EditorException()
        : this("The editor failed.")
    {
    }
}

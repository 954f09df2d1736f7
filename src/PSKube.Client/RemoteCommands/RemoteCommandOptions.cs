namespace PSKube.Client.RemoteCommands;

/// <summary>
/// The streams of an exec or attach (PodExecOptions / PodAttachOptions): which container, whether input is sent,
/// which outputs come back, and whether the process gets a terminal (then stderr shares stdout, as kubectl -t asks).
/// </summary>
public sealed record RemoteCommandOptions
{
    /// <summary>The container; null for the pod's default (its annotation, else its first), chosen by the server.</summary>
    public string? Container { get; init; }

    public bool Stdin { get; init; }

    public bool Stdout { get; init; } = true;

    /// <summary>Whether stderr comes on its own channel; ignored with <see cref="Tty"/>, whose one output carries both.</summary>
    public bool Stderr { get; init; } = true;

    public bool Tty { get; init; }

    internal IEnumerable<(string Name, string? Value)> Query()
    {
        yield return ("container", Container);
        yield return ("stdin", Flag(Stdin));
        yield return ("stdout", Flag(Stdout));
        yield return ("stderr", Flag(Stderr && !Tty));
        yield return ("tty", Flag(Tty));
    }

    // kubectl sends only the flags that are set.
    private static string? Flag(bool value) => value ? "true" : null;
}

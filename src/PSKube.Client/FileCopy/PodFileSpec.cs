namespace PSKube.Client.FileCopy;

/// <summary>A file in a container as kubectl cp writes it: <c>POD:PATH</c> or <c>NAMESPACE/POD:PATH</c>.</summary>
public sealed record PodFileSpec(string? Namespace, string Pod, string Path)
{
    /// <summary>
    /// The pod and path of <paramref name="text"/>, or null when it is a local path (no ':' after a first character,
    /// or more than one '/' before the ':', as kubectl reads it). Callers that know drive names (C:, TestDrive:)
    /// check those first: "c:/x" is a pod here.
    /// </summary>
    public static PodFileSpec? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }
        var pod = text[..colon];
        var path = text[(colon + 1)..];
        var pieces = pod.Split('/');
        return pieces switch
        {
            [var name] when name.Length > 0 => new PodFileSpec(null, name, path),
            [var @namespace, var name] when @namespace.Length > 0 && name.Length > 0 => new PodFileSpec(@namespace, name, path),
            _ => null,
        };
    }
}

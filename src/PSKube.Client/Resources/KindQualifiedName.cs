namespace PSKube.Client.Resources;

/// <summary>kubectl's <c>KIND/NAME</c> (<c>deploy/web</c>, <c>pod/x</c>): a name that says which resource type it names.</summary>
public static class KindQualifiedName
{
    /// <summary>
    /// Splits <c>KIND/NAME</c> into the type as typed (<c>deploy</c>) and the name; a plain name has no kind.
    /// Only the first slash separates: object names never contain one.
    /// </summary>
    public static (string? Kind, string Name) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? (null, text) : (text[..slash], text[(slash + 1)..]);
    }

    /// <summary>Whether two definitions are the same resource type (group and plural).</summary>
    public static bool SameType(ResourceDefinition? first, ResourceDefinition? second) =>
        first is not null && second is not null && first.Group == second.Group && first.Plural == second.Plural;
}

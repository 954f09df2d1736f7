namespace PSKube.Client.Resources;

/// <summary>What Kubernetes knows about one resource type: where it lives in the API and what it accepts.</summary>
public sealed record ResourceDefinition(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    IReadOnlyList<SubresourceDefinition> Subresources)
{
    /// <summary>"v1" for the core group, "apps/v1" otherwise: the apiVersion field of objects of this kind.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The path prefix of the group-version: /api/v1 or /apis/GROUP/VERSION.</summary>
    public string GroupVersionPath => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    /// <summary>The collection path for a namespace (ignored for cluster-scoped resources); null lists across all namespaces.</summary>
    public string CollectionPath(string? @namespace) =>
        Namespaced && @namespace is not null
            ? $"{GroupVersionPath}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{GroupVersionPath}/{Plural}";

    /// <summary>The path of one object.</summary>
    public string ObjectPath(string? @namespace, string name) => $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";

    public bool Supports(string verb) => Verbs.Contains(verb);

    /// <summary>
    /// True when <paramref name="text"/> names this type as kubectl accepts it: plural, singular, kind or short name,
    /// any case, optionally qualified by the group (<c>deployments.apps</c>).
    /// </summary>
    public bool IsNamedBy(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? text : text[..dot];
        return (dot < 0 || string.Equals(Group, text[(dot + 1)..], StringComparison.OrdinalIgnoreCase)) &&
               (string.Equals(Plural, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(Singular, name, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(Kind, name, StringComparison.OrdinalIgnoreCase) ||
                ShortNames.Contains(name, StringComparer.OrdinalIgnoreCase));
    }

    public SubresourceDefinition? FindSubresource(string name) => Subresources.FirstOrDefault(s => s.Name == name);
}

/// <summary>A subresource such as pods/log or deployments/scale, with the kind it answers with.</summary>
public sealed record SubresourceDefinition(string Name, string Group, string Version, string Kind, IReadOnlyList<string> Verbs);

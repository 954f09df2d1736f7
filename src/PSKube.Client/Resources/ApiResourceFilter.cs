namespace PSKube.Client.Resources;

/// <summary>
/// What kubectl api-resources narrows by: <c>--api-group</c> (empty for the core group), <c>--namespaced</c> and
/// <c>--verbs</c> (types that support every one of them). Nulls and an empty list keep every type.
/// </summary>
public sealed record ApiResourceFilter(string? Group = null, bool? Namespaced = null, IReadOnlyList<string>? Verbs = null)
{
    public bool Keeps(ResourceDefinition resource) =>
        (Group is null || string.Equals(resource.Group, Group, StringComparison.OrdinalIgnoreCase))
        && (Namespaced is null || resource.Namespaced == Namespaced)
        && (Verbs ?? []).All(verb => resource.Verbs.Contains(verb, StringComparer.OrdinalIgnoreCase));
}

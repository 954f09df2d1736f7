using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// The rules of a Role or ClusterRole as <c>kubectl create role/clusterrole</c> makes them: verbs and resource names
/// without repeats, resources resolved to their plural and group (short names and kinds too), one rule per API group
/// in group order, and kubectl's checks of verbs and resources.
/// </summary>
internal static class PolicyRules
{
    public const string RbacGroup = "rbac.authorization.k8s.io";
    private const string All = "*";

    // The verbs kubectl knows for resources; any other is allowed with a warning.
    private static readonly string[] ResourceVerbs =
        [All, "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind", "escalate", "impersonate"];

    // The verbs that only mean something for these resources (group, resource): kubectl 1.32 refuses them elsewhere.
    private static readonly Dictionary<string, (string Group, string Resource)[]> SpecialVerbs = new(StringComparer.Ordinal)
    {
        ["use"] = [("policy", "podsecuritypolicies"), ("extensions", "podsecuritypolicies")],
        ["bind"] = [(RbacGroup, "roles"), (RbacGroup, "clusterroles")],
        ["escalate"] = [(RbacGroup, "roles"), (RbacGroup, "clusterroles")],
        ["impersonate"] = [("", "users"), ("", "serviceaccounts"), ("", "groups"), ("authentication.k8s.io", "userextras")],
    };

    /// <summary>The verbs without repeats; <c>*</c> anywhere stands for all of them alone.</summary>
    public static List<string> Verbs(IReadOnlyList<string>? verbs, string parameter)
    {
        var result = new List<string>();
        foreach (var verb in verbs ?? [])
        {
            if (string.IsNullOrWhiteSpace(verb))
            {
                throw new KubeInputException($"{parameter} contains an empty verb. Give verbs such as get, list, watch, create, update, patch, delete, or '*' for all.", parameter);
            }
            if (verb == All)
            {
                return [All];
            }
            if (!result.Contains(verb, StringComparer.Ordinal))
            {
                result.Add(verb);
            }
        }
        return result;
    }

    /// <summary>Warns, as kubectl does, of each verb that is not a standard resource verb (a typo, most often).</summary>
    public static void WarnOfUnknownVerbs(IReadOnlyList<string> verbs, Action<string>? warning)
    {
        foreach (var verb in verbs.Where(v => !ResourceVerbs.Contains(v, StringComparer.Ordinal)))
        {
            warning?.Invoke($"'{verb}' is not a standard resource verb.");
        }
    }

    /// <summary>Names without repeats, in the order given.</summary>
    public static List<string> Distinct(IReadOnlyList<string>? values) => (values ?? []).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Reads <c>RESOURCE[.GROUP][/SUBRESOURCE]</c> entries; a bare <c>*</c> stands for every resource alone, as in kubectl.
    /// </summary>
    public static List<RuleResource> ParseResources(IReadOnlyList<string>? resources)
    {
        var result = new List<RuleResource>();
        foreach (var entry in resources ?? [])
        {
            var text = entry ?? "";
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            var subresource = slash < 0 ? "" : text[(slash + 1)..];
            var typeText = slash < 0 ? text : text[..slash];
            var dot = typeText.IndexOf('.', StringComparison.Ordinal);
            var resource = new RuleResource(dot < 0 ? typeText : typeText[..dot], dot < 0 ? "" : typeText[(dot + 1)..], subresource);
            if (resource.Resource == All && dot < 0 && slash < 0)
            {
                return [resource];
            }
            result.Add(resource);
        }
        return result;
    }

    /// <summary>
    /// kubectl's checks of the resources against the verbs: each names a type the server has, and the special verbs
    /// (use, bind, escalate, impersonate) go only with the resources they mean something for. As in kubectl, a
    /// <c>*</c> resource ends the checks. Returns each entry's resolved group and plural.
    /// </summary>
    public static List<RuleResource> Resolve(IReadOnlyList<RuleResource> resources, IReadOnlyList<string> verbs, Func<string, ResourceDefinition?> find, string parameter, string verbParameter)
    {
        var checking = true;
        var resolved = new List<RuleResource>(resources.Count);
        foreach (var resource in resources)
        {
            if (resource.Resource.Length == 0)
            {
                throw new KubeInputException(
                    $"'{resource}' names no resource before its group or subresource. Give {parameter} as RESOURCE[.GROUP][/SUBRESOURCE], e.g. 'pods', 'deployments.apps' or 'pods/log'.", parameter);
            }
            var found = resource.Resource == All ? null : find(resource.Group.Length == 0 ? resource.Resource : $"{resource.Resource}.{resource.Group}");
            var actual = found is null ? resource : resource with { Resource = found.Plural, Group = found.Group };
            resolved.Add(actual);
            if (!checking)
            {
                continue;
            }
            if (resource.Resource == All)
            {
                checking = false;
                continue;
            }
            var known = found is not null;
            foreach (var verb in verbs)
            {
                if (!SpecialVerbs.TryGetValue(verb, out var allowed))
                {
                    continue;
                }
                if (!allowed.Contains((actual.Group, actual.Resource)))
                {
                    throw new KubeInputException(
                        $"The verb '{verb}' cannot apply to '{actual.Resource}' in group '{actual.Group}'. Use '{verb}' only with {string.Join(", ", allowed.Select(a => a.Group.Length == 0 ? a.Resource : $"{a.Resource}.{a.Group}"))}, or remove it from {verbParameter}.",
                        verbParameter);
                }
                known = true;
            }
            if (!known)
            {
                var inGroup = resource.Group.Length == 0 ? "" : $" in group '{resource.Group}'";
                throw new KubeInputException(
                    $"The server has no resource type '{resource.Resource}'{inGroup}. Give {parameter} a type it serves (kubectl api-resources lists them), e.g. 'pods', 'deploy' or 'deployments.apps'.", parameter);
            }
        }
        return resolved;
    }

    /// <summary>One rule per API group (in ordinal order, as kubectl sorts them) with its resources without repeats.</summary>
    public static List<PolicyRule> ResourceRules(IReadOnlyList<RuleResource> resources, List<string> verbs, List<string> resourceNames)
    {
        var byGroup = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var name = resource.Subresource.Length == 0 ? resource.Resource : $"{resource.Resource}/{resource.Subresource}";
            if (!byGroup.TryGetValue(resource.Group, out var names))
            {
                byGroup[resource.Group] = names = [];
            }
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }
        return byGroup.Select(pair => new PolicyRule
        {
            Verbs = [.. verbs],
            ApiGroups = [pair.Key],
            Resources = pair.Value,
            ResourceNames = resourceNames.Count == 0 ? null : [.. resourceNames],
        }).ToList();
    }

    /// <summary>kubectl's lookup: a built-in type, else nothing (a caller with a server gives its discovery).</summary>
    public static Func<string, ResourceDefinition?> Finder(Func<string, ResourceDefinition?>? find) => find ?? BuiltInResources.Find;
}

/// <summary>One <c>--resource</c> entry: the resource (plural once resolved), its API group and an optional subresource.</summary>
internal sealed record RuleResource(string Resource, string Group, string Subresource)
{
    public override string ToString() =>
        (Group.Length == 0 ? Resource : $"{Resource}.{Group}") + (Subresource.Length == 0 ? "" : $"/{Subresource}");
}

using PSKube.Client.Resources;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl create role NAME --verb V --resource R [--resource-name N]</c> takes; a cluster role adds
/// <see cref="ClusterRoleOptions"/>.
/// </summary>
public record RoleOptions : GeneratorOptions
{
    /// <summary>The role's name: any valid path segment (not '.' or '..', no '/' or '%').</summary>
    public required string Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context. A cluster role has none.</summary>
    public string? Namespace { get; init; }

    /// <summary>The verbs the rules allow (<c>--verb</c>): get, list, watch, create, update, patch, delete... or <c>*</c>.</summary>
    public IReadOnlyList<string>? Verbs { get; init; }

    /// <summary>
    /// The resources the rules apply to (<c>--resource</c>): <c>pods</c>, <c>deployments.apps</c>, <c>pods/log</c>,
    /// short names and kinds (<c>deploy</c>, <c>Pod</c>), <c>*</c> for all, <c>*.apps</c> for all in a group.
    /// </summary>
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>The object names the rules are limited to (<c>--resource-name</c>).</summary>
    public IReadOnlyList<string>? ResourceNames { get; init; }

    /// <summary>
    /// Finds the resource type a <c>--resource</c> entry names, <c>RESOURCE</c> or <c>RESOURCE.GROUP</c> (kubectl asks the
    /// server's discovery); null when the server has no such type. Without it only built-in types are known.
    /// </summary>
    public Func<string, ResourceDefinition?>? FindResource { get; init; }

    /// <summary>Receives kubectl's warnings, such as a verb that is not a standard one; the object is still made.</summary>
    public Action<string>? Warning { get; init; }
}

/// <summary>What <c>kubectl create clusterrole</c> takes beyond a role's options.</summary>
public sealed record ClusterRoleOptions : RoleOptions
{
    /// <summary>URL paths the role grants outside resources (<c>--non-resource-url</c>): <c>/healthz</c>, <c>/logs/*</c>, <c>*</c>.</summary>
    public IReadOnlyList<string>? NonResourceUrls { get; init; }

    /// <summary>Labels of the cluster roles whose rules this one aggregates (<c>--aggregation-rule</c>); then it has no rules of its own.</summary>
    public IReadOnlyDictionary<string, string>? AggregationRule { get; init; }
}

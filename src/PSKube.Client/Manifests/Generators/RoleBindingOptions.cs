namespace PSKube.Client.Manifests.Generators;

/// <summary>What <c>kubectl create rolebinding</c> and <c>clusterrolebinding</c> share: the name and the subjects.</summary>
public abstract record BindingOptions : GeneratorOptions
{
    /// <summary>The binding's name: any valid path segment (not '.' or '..', no '/' or '%').</summary>
    public required string Name { get; init; }

    /// <summary>The cluster role granted (<c>--clusterrole</c>).</summary>
    public string? ClusterRole { get; init; }

    /// <summary>The users granted the role (<c>--user</c>, repeatable).</summary>
    public IReadOnlyList<string>? Users { get; init; }

    /// <summary>The groups granted the role (<c>--group</c>, repeatable).</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>The service accounts granted the role, each <c>NAMESPACE:NAME</c> (<c>--serviceaccount</c>, repeatable).</summary>
    public IReadOnlyList<string>? ServiceAccounts { get; init; }
}

/// <summary>What <c>kubectl create rolebinding NAME --role R | --clusterrole C [--user U] [--group G] [--serviceaccount NS:SA]</c> takes.</summary>
public sealed record RoleBindingOptions : BindingOptions
{
    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>The role granted (<c>--role</c>), a Role in the binding's namespace; give it or <see cref="BindingOptions.ClusterRole"/>.</summary>
    public string? Role { get; init; }
}

/// <summary>What <c>kubectl create clusterrolebinding NAME --clusterrole C [--user U] [--group G] [--serviceaccount NS:SA]</c> takes.</summary>
public sealed record ClusterRoleBindingOptions : BindingOptions;

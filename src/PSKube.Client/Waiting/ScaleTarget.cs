using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Validation;

namespace PSKube.Client.Waiting;

/// <summary>
/// The workload a scale acts on: a Deployment, ReplicaSet or StatefulSet and its name, from what the user typed
/// (<c>web</c> with a kind, or kubectl's <c>deploy/web</c>) or from an object.
/// </summary>
public sealed record ScaleTarget(ResourceDefinition Resource, string Name)
{
    /// <summary>The kinds that have a scale subresource and a replica count to wait for.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["deployment", "replicaset", "statefulset"];

    /// <summary>
    /// Reads <c>NAME</c> or <c>KIND/NAME</c>; <paramref name="kind"/> (null: deployment) names the kind of a plain
    /// name and must agree with a kind written in the name.
    /// </summary>
    /// <exception cref="ArgumentException">The kind cannot be scaled, or the two kinds disagree.</exception>
    /// <exception cref="InvalidObjectNameException">The name is not a valid name for the kind.</exception>
    public static ScaleTarget Parse(string name, string? kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var resource = kind is null ? null : Scalable(kind);
        if (slash >= 0)
        {
            var written = Scalable(name[..slash]);
            if (resource is not null && resource != written)
            {
                throw new ArgumentException($"\"{name}\" names a {written.Singular} but -Kind says {resource.Singular}; drop one of them.");
            }
            resource = written;
            name = name[(slash + 1)..];
        }
        resource ??= BuiltInResources.Find("deployments")!;
        var errors = NameValidation.ValidateDns1123Subdomain(name);
        if (errors.Count > 0)
        {
            throw new InvalidObjectNameException(name, $"\"{name}\" is not a valid {resource.Singular} name: {string.Join("; ", errors)}.");
        }
        return new ScaleTarget(resource, name);
    }

    /// <exception cref="ArgumentException">The object is not a Deployment, ReplicaSet or StatefulSet.</exception>
    public static ScaleTarget Of(KubeObject workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var kind = workload switch
        {
            Deployment => "deployments",
            ReplicaSet => "replicasets",
            StatefulSet => "statefulsets",
            _ => throw new ArgumentException($"{workload.Kind ?? workload.GetType().Name} objects cannot be scaled; pipe a Deployment, ReplicaSet or StatefulSet."),
        };
        return new ScaleTarget(BuiltInResources.Find(kind)!, workload.Name ?? throw new ArgumentException("The piped object has no name."));
    }

    private static ResourceDefinition Scalable(string kind) =>
        BuiltInResources.Find(kind) is { } resource && Kinds.Contains(resource.Singular)
            ? resource
            : throw new ArgumentException($"\"{kind}\" cannot be scaled here; use deployment (deploy), replicaset (rs) or statefulset (sts).");
}

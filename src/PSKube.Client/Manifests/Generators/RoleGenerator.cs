using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the Role <c>kubectl create role</c> builds, after kubectl's checks and the API server's name rule.</summary>
public static class RoleGenerator
{
    /// <summary>The Role for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static Role Generate(RoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("roles", options.Name, options.Parameter(nameof(RoleOptions.Name)));
        var @namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(RoleOptions.Namespace)));
        var verbParameter = options.Parameter(nameof(RoleOptions.Verbs));
        var resourceParameter = options.Parameter(nameof(RoleOptions.Resources));
        var verbs = PolicyRules.Verbs(options.Verbs, verbParameter);
        if (verbs.Count == 0)
        {
            throw new KubeInputException($"A role needs at least one verb. Give {verbParameter}, e.g. get,list,watch.", verbParameter);
        }
        PolicyRules.WarnOfUnknownVerbs(verbs, options.Warning);
        var resources = PolicyRules.ParseResources(options.Resources);
        if (resources.Count == 0)
        {
            throw new KubeInputException($"A role needs at least one resource. Give {resourceParameter}, e.g. pods or deployments.apps.", resourceParameter);
        }
        var resolved = PolicyRules.Resolve(resources, verbs, PolicyRules.Finder(options.FindResource), resourceParameter, verbParameter);
        return new Role
        {
            ApiVersion = $"{PolicyRules.RbacGroup}/v1",
            Kind = "Role",
            Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
            Rules = PolicyRules.ResourceRules(resolved, verbs, PolicyRules.Distinct(options.ResourceNames)),
        };
    }
}

using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// Builds the RoleBinding and ClusterRoleBinding <c>kubectl create rolebinding/clusterrolebinding</c> build: the role
/// referred to, then the users, groups and service accounts in that order; after kubectl's checks and the API
/// server's rules for names and subjects.
/// </summary>
public static class RoleBindingGenerator
{
    /// <summary>The RoleBinding for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static RoleBinding Generate(RoleBindingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("rolebindings", options.Name, options.Parameter(nameof(BindingOptions.Name)));
        var @namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(RoleBindingOptions.Namespace)));
        var roleParameter = options.Parameter(nameof(RoleBindingOptions.Role));
        var clusterRoleParameter = options.Parameter(nameof(BindingOptions.ClusterRole));
        var hasRole = !string.IsNullOrEmpty(options.Role);
        var hasClusterRole = !string.IsNullOrEmpty(options.ClusterRole);
        if (hasRole == hasClusterRole)
        {
            throw new KubeInputException(
                $"A role binding grants exactly one role: give {roleParameter} (a Role in the binding's namespace) or {clusterRoleParameter}, not {(hasRole ? "both" : "neither")}.",
                hasRole ? clusterRoleParameter : roleParameter);
        }
        var roleRef = hasRole
            ? RoleRef("Role", options.Role!, roleParameter)
            : RoleRef("ClusterRole", options.ClusterRole!, clusterRoleParameter);
        return new RoleBinding
        {
            ApiVersion = $"{PolicyRules.RbacGroup}/v1",
            Kind = "RoleBinding",
            Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
            RoleRef = roleRef,
            Subjects = Subjects(options),
        };
    }

    /// <summary>The ClusterRoleBinding for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static ClusterRoleBinding Generate(ClusterRoleBindingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("clusterrolebindings", options.Name, options.Parameter(nameof(BindingOptions.Name)));
        var clusterRoleParameter = options.Parameter(nameof(BindingOptions.ClusterRole));
        if (string.IsNullOrEmpty(options.ClusterRole))
        {
            throw new KubeInputException($"A cluster role binding grants a cluster role. Give {clusterRoleParameter}, e.g. view.", clusterRoleParameter);
        }
        return new ClusterRoleBinding
        {
            ApiVersion = $"{PolicyRules.RbacGroup}/v1",
            Kind = "ClusterRoleBinding",
            Metadata = new ObjectMeta { Name = name },
            RoleRef = RoleRef("ClusterRole", options.ClusterRole, clusterRoleParameter),
            Subjects = Subjects(options),
        };
    }

    private static RoleRef RoleRef(string kind, string name, string parameter)
    {
        var errors = NameValidation.ValidateObjectName(kind, name);
        return errors.Count == 0
            ? new RoleRef { ApiGroup = PolicyRules.RbacGroup, Kind = kind, Name = name }
            : throw new KubeInputException($"'{name}' is not a valid {kind} name: {string.Join("; ", errors)}. Give {parameter} the name of an existing {kind}.", parameter);
    }

    private static List<Subject>? Subjects(BindingOptions options)
    {
        var subjects = new List<Subject>();
        foreach (var (kind, names, parameter) in new[] { ("User", options.Users, nameof(BindingOptions.Users)), ("Group", options.Groups, nameof(BindingOptions.Groups)) })
        {
            foreach (var name in names ?? [])
            {
                if (string.IsNullOrEmpty(name))
                {
                    throw new KubeInputException($"{options.Parameter(parameter)} contains an empty name. Give each {kind.ToLowerInvariant()} by name, e.g. 'jane@example.com' or 'system:authenticated'.", options.Parameter(parameter));
                }
                subjects.Add(new Subject { Kind = kind, ApiGroup = PolicyRules.RbacGroup, Name = name });
            }
        }
        foreach (var entry in options.ServiceAccounts ?? [])
        {
            subjects.Add(ServiceAccount(entry, options.Parameter(nameof(BindingOptions.ServiceAccounts))));
        }
        return subjects.Count == 0 ? null : subjects;
    }

    // NAMESPACE:NAME, as kubectl's --serviceaccount, with the API server's rules for both parts.
    private static Subject ServiceAccount(string? entry, string parameter)
    {
        var parts = (entry ?? "").Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new KubeInputException($"The service account '{entry}' is not NAMESPACE:NAME. Give {parameter} like 'default:ci'.", parameter);
        }
        var namespaceErrors = NameValidation.ValidateDns1123Label(parts[0]);
        if (namespaceErrors.Count > 0)
        {
            throw new KubeInputException($"'{parts[0]}' in the service account '{entry}' is not a valid namespace name: {string.Join("; ", namespaceErrors)}. Give {parameter} like 'default:ci'.", parameter);
        }
        var nameErrors = NameValidation.ValidateObjectName("serviceaccounts", parts[1]);
        if (nameErrors.Count > 0)
        {
            throw new KubeInputException($"'{parts[1]}' in the service account '{entry}' is not a valid service account name: {string.Join("; ", nameErrors)}. Give {parameter} like 'default:ci'.", parameter);
        }
        return new Subject { Kind = "ServiceAccount", Namespace = parts[0], Name = parts[1] };
    }
}

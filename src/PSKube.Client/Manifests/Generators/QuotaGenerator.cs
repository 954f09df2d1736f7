using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the ResourceQuota <c>kubectl create quota</c> builds, after checking every option.</summary>
public static class QuotaGenerator
{
    /// <summary>The scopes the API server accepts in spec.scopes.</summary>
    public static readonly IReadOnlyList<string> KnownScopes =
        ["Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity"];

    // The resource names without a domain prefix that a quota may limit (the API server's standard quota resources).
    private static readonly HashSet<string> StandardResources = new(StringComparer.Ordinal)
    {
        "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims",
        "services.nodeports", "services.loadbalancers", "cpu", "memory", "ephemeral-storage", "storage",
        "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage",
    };

    // What a scoped quota may cap: the number of pods and their compute.
    private static readonly string[] PodResources = ["pods", "cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"];

    /// <summary>The ResourceQuota for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static ResourceQuota Generate(QuotaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("resourcequotas", options.Name, options.Parameter(nameof(QuotaOptions.Name)));
        var hard = Hard(options.Hard, options.Parameter(nameof(QuotaOptions.Hard)));
        var scopes = Scopes(options.Scopes, options.Parameter(nameof(QuotaOptions.Scopes)));
        CheckScopesFit(hard, scopes, options.Parameter(nameof(QuotaOptions.Scopes)));
        return new ResourceQuota
        {
            ApiVersion = "v1",
            Kind = "ResourceQuota",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(QuotaOptions.Namespace))),
            },
            Spec = new ResourceQuotaSpec
            {
                Hard = hard,
                Scopes = scopes,
            },
            Status = new ResourceQuotaStatus(),
        };
    }

    // As the API server: a scope counts pods (BestEffort pods only their number, the others their compute too), so it
    // cannot cap other resources; opposite scopes select no pod at all.
    private static void CheckScopesFit(Dictionary<string, string>? hard, List<string>? scopes, string parameter)
    {
        foreach (var scope in scopes ?? [])
        {
            var counted = scope == "BestEffort" ? ["pods"] : PodResources;
            var other = (hard?.Keys.AsEnumerable() ?? []).Order(StringComparer.Ordinal).FirstOrDefault(resource => StandardResources.Contains(resource) && !counted.Contains(resource));
            if (other is not null)
            {
                throw new KubeInputException($"The scope {scope} counts pods{(scope == "BestEffort" ? "" : " and their cpu and memory")}, so it cannot cap '{other}'. Put '{other}' in a quota without scopes, or cap only {string.Join(", ", counted)} here.", parameter);
            }
        }

        foreach (var (one, other) in new[] { ("BestEffort", "NotBestEffort"), ("Terminating", "NotTerminating") })
        {
            if (scopes is not null && scopes.Contains(one) && scopes.Contains(other))
            {
                throw new KubeInputException($"The scopes {one} and {other} together select no pod. Give one of them.", parameter);
            }
        }
    }

    // Each quantity as the API server writes it back (1000 is 1k), since kubectl parses --hard into quantities.
    private static Dictionary<string, string>? Hard(IReadOnlyDictionary<string, string>? hard, string parameter)
    {
        if (hard is null || hard.Count == 0)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (resource, quantity) in hard)
        {
            var nameErrors = NameValidation.ValidateLabelKey(resource ?? string.Empty);
            if (string.IsNullOrEmpty(resource) || nameErrors.Count > 0)
            {
                throw new KubeInputException($"'{resource}' is not a valid resource name: {string.Join("; ", nameErrors)}. Use a name like 'pods', 'requests.cpu', 'limits.memory' or 'count/deployments.apps'.", parameter);
            }

            if (!resource.Contains('/', StringComparison.Ordinal) && !StandardResources.Contains(resource) &&
                !resource.StartsWith("hugepages-", StringComparison.Ordinal) && !resource.StartsWith("requests.hugepages-", StringComparison.Ordinal))
            {
                throw new KubeInputException(
                    $"'{resource}' is not a resource a quota can limit. Use one of {string.Join(", ", StandardResources.Order(StringComparer.Ordinal))}, a count such as 'count/deployments.apps', or a name with a domain such as 'requests.nvidia.com/gpu'.",
                    parameter);
            }

            var canonical = QuantityText.Canonicalize(quantity ?? string.Empty, out var error);
            if (canonical is null)
            {
                throw new KubeInputException($"'{quantity}' is not a valid quantity for {resource}: {error}. Write a number with an optional unit, e.g. '10' (pods), '2' or '500m' (cpu), '4Gi' (memory).", parameter);
            }

            if (canonical.StartsWith('-'))
            {
                throw new KubeInputException($"The {resource} limit '{quantity}' is negative. Give 0 or more, e.g. '10' or '4Gi'.", parameter);
            }

            result[resource] = canonical;
        }

        return result;
    }

    private static List<string>? Scopes(IReadOnlyList<string>? scopes, string parameter)
    {
        if (scopes is null || scopes.Count == 0)
        {
            return null;
        }

        return scopes.Select(scope => GeneratorInput.OneOf(scope ?? string.Empty, parameter, "quota scope", [.. KnownScopes])).ToList();
    }
}

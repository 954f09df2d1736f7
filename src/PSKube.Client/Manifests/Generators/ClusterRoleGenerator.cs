using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// Builds the ClusterRole <c>kubectl create clusterrole</c> builds: resource rules as a role's, a rule for the
/// non-resource URLs, or only an aggregation rule; after kubectl's checks and the API server's name rule.
/// </summary>
public static class ClusterRoleGenerator
{
    private const string All = "*";

    // The verbs that mean something for a non-resource URL (HTTP methods, lower case).
    private static readonly string[] NonResourceVerbs = [All, "get", "post", "put", "delete", "patch", "head", "options"];

    /// <summary>The ClusterRole for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static ClusterRole Generate(ClusterRoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("clusterroles", options.Name, options.Parameter(nameof(ClusterRoleOptions.Name)));
        var verbParameter = options.Parameter(nameof(ClusterRoleOptions.Verbs));
        var resourceParameter = options.Parameter(nameof(ClusterRoleOptions.Resources));
        var urlParameter = options.Parameter(nameof(ClusterRoleOptions.NonResourceUrls));
        var aggregationParameter = options.Parameter(nameof(ClusterRoleOptions.AggregationRule));
        var verbs = PolicyRules.Verbs(options.Verbs, verbParameter);
        var resources = PolicyRules.ParseResources(options.Resources);
        var resourceNames = PolicyRules.Distinct(options.ResourceNames);
        var urls = PolicyRules.Distinct(options.NonResourceUrls);
        var role = new ClusterRole
        {
            ApiVersion = $"{PolicyRules.RbacGroup}/v1",
            Kind = "ClusterRole",
            Metadata = new ObjectMeta { Name = name },
        };

        if (options.AggregationRule is { Count: > 0 } aggregation)
        {
            if (urls.Count > 0 || verbs.Count > 0 || resources.Count > 0 || resourceNames.Count > 0)
            {
                throw new KubeInputException(
                    $"A cluster role with {aggregationParameter} takes its rules from the roles it selects: leave out {verbParameter}, {resourceParameter}, {options.Parameter(nameof(ClusterRoleOptions.ResourceNames))} and {urlParameter}.",
                    aggregationParameter);
            }
            var labels = GeneratorInput.Labels(aggregation, aggregationParameter)!;
            role.AggregationRule = new AggregationRule { ClusterRoleSelectors = [new LabelSelector { MatchLabels = labels }] };
            return role;
        }

        if (verbs.Count == 0)
        {
            throw new KubeInputException($"A cluster role needs at least one verb. Give {verbParameter}, e.g. get,list,watch, or give {aggregationParameter}.", verbParameter);
        }
        if (resources.Count == 0 && urls.Count == 0)
        {
            throw new KubeInputException(
                $"A cluster role needs at least one resource or non-resource URL. Give {resourceParameter} (e.g. nodes) or {urlParameter} (e.g. /healthz).", resourceParameter);
        }

        var rules = new List<PolicyRule>();
        if (resources.Count > 0)
        {
            PolicyRules.WarnOfUnknownVerbs(verbs, options.Warning);
            var resolved = PolicyRules.Resolve(resources, verbs, PolicyRules.Finder(options.FindResource), resourceParameter, verbParameter);
            rules.AddRange(PolicyRules.ResourceRules(resolved, verbs, resourceNames));
        }
        if (urls.Count > 0)
        {
            CheckNonResourceUrls(urls, verbs, urlParameter, verbParameter);
            rules.Add(new PolicyRule { Verbs = [.. verbs], NonResourceURLs = urls });
        }
        role.Rules = rules;
        return role;
    }

    private static void CheckNonResourceUrls(List<string> urls, List<string> verbs, string urlParameter, string verbParameter)
    {
        foreach (var verb in verbs.Where(v => !NonResourceVerbs.Contains(v, StringComparer.Ordinal)))
        {
            throw new KubeInputException(
                $"The verb '{verb}' does not apply to non-resource URLs. With {urlParameter} give {verbParameter} only {string.Join(", ", NonResourceVerbs)}.", verbParameter);
        }
        foreach (var url in urls.Where(u => u != All))
        {
            if (!url.StartsWith('/'))
            {
                throw new KubeInputException($"The non-resource URL '{url}' does not start with '/'. Give {urlParameter} as a path, e.g. /healthz or /logs/*.", urlParameter);
            }
            if (url[..^1].Contains('*', StringComparison.Ordinal))
            {
                throw new KubeInputException($"The non-resource URL '{url}' has a '*' before its end. A '*' may only end the path, e.g. /logs/*.", urlParameter);
            }
        }
    }
}

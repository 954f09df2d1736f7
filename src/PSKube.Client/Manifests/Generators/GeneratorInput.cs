using System.Globalization;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// The checks every generator shares. Each throws a <see cref="KubeInputException"/> naming the option at fault,
/// with what is wrong and how to fix it, so nothing the API server would refuse is ever sent.
/// </summary>
internal static class GeneratorInput
{
    public const int MaxPort = 65535;

    /// <summary>Checks a new object's name against the rule the API server applies to <paramref name="resource"/>.</summary>
    public static string ObjectName(string resource, string? name, string parameter)
    {
        var kind = NameValidation.GetObjectNameRule(resource) switch
        {
            ObjectNameRule.Dns1035Label => "a lowercase letter, then lowercase letters, digits or '-', ending with a letter or digit, e.g. 'web-1'",
            ObjectNameRule.Dns1123Label => "lowercase letters, digits or '-', starting and ending with a letter or digit, e.g. 'web-1'",
            ObjectNameRule.PathSegment => "any text without '/' or '%' other than '.' or '..', e.g. 'pod-reader' or 'system:monitoring'",
            _ => "lowercase letters, digits, '-' or '.', starting and ending with a letter or digit, e.g. 'web-1'",
        };
        var singular = Singular(resource);
        if (string.IsNullOrEmpty(name))
        {
            throw new KubeInputException($"A {singular} name is required. Give {parameter} as {kind}.", parameter);
        }

        var errors = NameValidation.ValidateObjectName(resource, name);
        if (errors.Count > 0)
        {
            throw new KubeInputException($"'{name}' is not a valid {singular} name: {string.Join("; ", errors)}. Use {kind}.", parameter);
        }

        return name;
    }

    /// <summary>Checks an optional namespace name.</summary>
    public static string? Namespace(string? @namespace, string parameter)
    {
        if (@namespace is null)
        {
            return null;
        }

        var errors = @namespace.Length == 0 ? ["it is empty"] : NameValidation.ValidateDns1123Label(@namespace);
        return errors.Count == 0
            ? @namespace
            : throw new KubeInputException(
                $"'{@namespace}' is not a valid namespace name: {string.Join("; ", errors)}. Use lowercase letters, digits or '-', e.g. 'team-a', or leave {parameter} out for the context's namespace.",
                parameter);
    }

    /// <summary>Checks a container image reference: present, and well formed as kubectl run checks it (<see cref="ImageReference"/>).</summary>
    public static string Image(string? image, string parameter)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            throw new KubeInputException($"An image is required. Give {parameter}, e.g. 'nginx:1.27' or 'registry.example.com/team/app:1.0'.", parameter);
        }

        if (image.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new KubeInputException($"The image '{image}' contains whitespace, which an image reference cannot. Give it like 'nginx:1.27' or 'registry.example.com/team/app:1.0'.", parameter);
        }

        if (!ImageReference.IsValid(image))
        {
            // kubectl run's words, then what a reference looks like.
            throw new KubeInputException(
                $"Invalid image name \"{image}\": {ImageReference.InvalidFormat}. Give {parameter} as [registry[:port]/]name[:tag][@digest] with the name in lower case, e.g. 'nginx:1.27' or 'registry.example.com/team/app:1.0'.",
                parameter);
        }

        return image;
    }

    /// <summary>Checks a container name (an RFC 1123 label); <paramref name="fix"/> says what to change when the name was made from other input.</summary>
    public static string ContainerName(string name, string parameter, string origin, string? fix = null)
    {
        var errors = NameValidation.ValidateDns1123Label(name);
        return errors.Count == 0
            ? name
            : throw new KubeInputException(
                $"The container name '{name}' ({origin}) is not valid: {string.Join("; ", errors)}. {fix ?? $"Give {parameter} with lowercase letters, digits or '-', e.g. 'app'."}",
                parameter);
    }

    /// <summary>Checks a TCP/UDP port number.</summary>
    public static int Port(int port, string parameter) =>
        port is >= 1 and <= MaxPort
            ? port
            : throw new KubeInputException($"The port {port} is out of range. Give {parameter} a number from 1 to {MaxPort}.", parameter);

    /// <summary>Turns <c>NAME=VALUE</c> entries into environment variables, as kubectl run's --env does.</summary>
    public static List<EnvVar>? Env(IReadOnlyList<string>? entries, string parameter)
    {
        if (entries is null || entries.Count == 0)
        {
            return null;
        }

        var variables = new List<EnvVar>(entries.Count);
        foreach (var entry in entries)
        {
            var equals = entry?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            if (entry is null || equals <= 0)
            {
                throw new KubeInputException($"The environment entry '{entry}' is not NAME=VALUE. Write each {parameter} entry as NAME=VALUE, e.g. 'LOG_LEVEL=debug' (the value may be empty: 'NAME=').", parameter);
            }

            var name = entry[..equals];
            var errors = NameValidation.ValidateEnvVarName(name);
            if (errors.Count > 0)
            {
                throw new KubeInputException($"'{name}' in the environment entry '{entry}' is not a valid variable name: {string.Join("; ", errors)}. Use letters, digits, '_', '-' or '.', not starting with a digit, e.g. 'LOG_LEVEL'.", parameter);
            }

            // As kubectl (Go's omitempty), an empty value is left out rather than sent as "".
            var value = entry[(equals + 1)..];
            variables.Add(new EnvVar { Name = name, Value = value.Length == 0 ? null : value });
        }

        return variables;
    }

    /// <summary>Checks label keys and values; null or empty means no labels.</summary>
    public static Dictionary<string, string>? Labels(IReadOnlyDictionary<string, string>? labels, string parameter)
    {
        if (labels is null || labels.Count == 0)
        {
            return null;
        }

        foreach (var (key, value) in labels)
        {
            var keyErrors = NameValidation.ValidateLabelKey(key);
            if (keyErrors.Count > 0)
            {
                throw new KubeInputException($"'{key}' is not a valid label key: {string.Join("; ", keyErrors)}. Use a name like 'app' or 'example.com/tier'.", parameter);
            }

            var valueErrors = NameValidation.ValidateLabelValue(value ?? string.Empty);
            if (value is null || valueErrors.Count > 0)
            {
                var reason = value is null ? "it is null" : string.Join("; ", valueErrors);
                throw new KubeInputException($"'{value}' is not a valid value for the label '{key}': {reason}. Use up to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit, e.g. 'web' or 'v1.2'.", parameter);
            }
        }

        return new Dictionary<string, string>(labels, StringComparer.Ordinal);
    }

    /// <summary>Checks annotation keys (values are free text); null or empty means no annotations.</summary>
    public static Dictionary<string, string>? Annotations(IReadOnlyDictionary<string, string>? annotations, string parameter)
    {
        if (annotations is null || annotations.Count == 0)
        {
            return null;
        }

        foreach (var (key, value) in annotations)
        {
            var errors = NameValidation.ValidateLabelKey(key);
            if (errors.Count > 0)
            {
                throw new KubeInputException($"'{key}' is not a valid annotation key: {string.Join("; ", errors)}. Use a name like 'note' or 'example.com/owner'.", parameter);
            }

            if (value is null)
            {
                throw new KubeInputException($"The annotation '{key}' has no value. Give a string (it may be empty).", parameter);
            }
        }

        return new Dictionary<string, string>(annotations, StringComparer.Ordinal);
    }

    /// <summary>Builds a container's resources from requests and limits (resource name to quantity), checking both.</summary>
    public static ResourceRequirements Resources(IReadOnlyDictionary<string, string>? requests, string requestsParameter, IReadOnlyDictionary<string, string>? limits, string limitsParameter)
    {
        var requestValues = Quantities(requests, requestsParameter);
        var limitValues = Quantities(limits, limitsParameter);
        foreach (var (resource, request) in requestValues)
        {
            if (limitValues.TryGetValue(resource, out var limit) && request.Value > limit.Value)
            {
                throw new KubeInputException(
                    $"The {resource} request '{request.Text}' is more than its limit '{limit.Text}'. Lower the request in {requestsParameter} or raise the limit in {limitsParameter}.",
                    requestsParameter);
            }
        }

        return new ResourceRequirements
        {
            Requests = requestValues.Count == 0 ? null : requestValues.ToDictionary(pair => pair.Key, pair => pair.Value.Text, StringComparer.Ordinal),
            Limits = limitValues.Count == 0 ? null : limitValues.ToDictionary(pair => pair.Key, pair => pair.Value.Text, StringComparer.Ordinal),
        };
    }

    /// <summary>Checks that a value is one of <paramref name="allowed"/> (exact case, as the API server wants).</summary>
    public static string OneOf(string value, string parameter, string what, params string[] allowed)
    {
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        var caseOnly = allowed.FirstOrDefault(option => string.Equals(option, value, StringComparison.OrdinalIgnoreCase));
        var hint = caseOnly is null ? string.Empty : $" (write it '{caseOnly}')";
        throw new KubeInputException($"'{value}' is not a valid {what}{hint}. Give {parameter} one of: {string.Join(", ", allowed)}.", parameter);
    }

    /// <summary>Checks an optional count or duration that may be zero but not negative.</summary>
    public static T? NotNegative<T>(T? value, string parameter)
        where T : struct, IComparable<T>
    {
        if (value is { } number && number.CompareTo(default) < 0)
        {
            throw new KubeInputException($"{parameter} is {Text(number)}, but it cannot be negative. Give 0 or more.", parameter);
        }

        return value;
    }

    /// <summary>Checks an optional count or duration that must be 1 or more.</summary>
    public static T? Positive<T>(T? value, string parameter)
        where T : struct, IComparable<T>
    {
        if (value is { } number && number.CompareTo(default) <= 0)
        {
            throw new KubeInputException($"{parameter} is {Text(number)}, but it must be 1 or more. Give a positive number, or leave it out.", parameter);
        }

        return value;
    }

    /// <summary>Copies a command or argument list, refusing null entries; null or empty means none.</summary>
    public static List<string>? Words(IReadOnlyList<string>? words, string parameter)
    {
        if (words is null || words.Count == 0)
        {
            return null;
        }

        return words.Any(word => word is null)
            ? throw new KubeInputException($"{parameter} contains a null entry. Give only strings (an empty string is fine).", parameter)
            : [.. words];
    }

    private static Dictionary<string, (string Text, double Value)> Quantities(IReadOnlyDictionary<string, string>? quantities, string parameter)
    {
        var result = new Dictionary<string, (string, double)>(StringComparer.Ordinal);
        foreach (var (resource, quantity) in quantities ?? new Dictionary<string, string>())
        {
            var nameErrors = NameValidation.ValidateLabelKey(resource);
            if (nameErrors.Count > 0)
            {
                throw new KubeInputException($"'{resource}' is not a valid resource name: {string.Join("; ", nameErrors)}. Use a name like 'cpu', 'memory', 'ephemeral-storage' or 'nvidia.com/gpu'.", parameter);
            }

            if (!QuantityValidation.TryParse(quantity ?? string.Empty, out var value, out var error))
            {
                throw new KubeInputException($"'{quantity}' is not a valid quantity for {resource}: {error}. Write a number with an optional unit, e.g. '250m' or '0.5' (cpu), '256Mi' or '1Gi' (memory), or '1e3'.", parameter);
            }

            if (value < 0)
            {
                throw new KubeInputException($"The {resource} quantity '{quantity}' is negative. Give 0 or more, e.g. '250m' or '256Mi'.", parameter);
            }

            result[resource] = (quantity!, value);
        }

        return result;
    }

    private static string Singular(string resource) => resource switch
    {
        "cronjobs" => "CronJob",
        "jobs" => "Job",
        "deployments" => "Deployment",
        "services" => "Service",
        "pods" => "Pod",
        "namespaces" => "Namespace",
        "serviceaccounts" => "ServiceAccount",
        "roles" => "Role",
        "clusterroles" => "ClusterRole",
        "rolebindings" => "RoleBinding",
        "clusterrolebindings" => "ClusterRoleBinding",
        "ingresses" => "Ingress",
        "resourcequotas" => "ResourceQuota",
        "priorityclasses" => "PriorityClass",
        "poddisruptionbudgets" => "PodDisruptionBudget",
        _ => resource,
    };

    private static string Text<T>(T value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}

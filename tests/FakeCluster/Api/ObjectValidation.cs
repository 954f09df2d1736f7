using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.Client.Validation;
using PSKube.FakeCluster.Workloads.Controllers;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// The API server's validation of the kinds kubectl's create generators write (RBAC, ingresses, quotas, priority
/// classes, disruption budgets), refused as 422 Invalid with the causes and wording the real server gives; and the
/// Priority admission plugin's single global default. Runs on the object after defaults, before it is stored.
/// </summary>
public static class ObjectValidation
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    // pkg/apis/scheduling: user classes stop at one billion; the system- prefix is reserved for the two built-in classes.
    private const long HighestUserDefinablePriority = 1_000_000_000;

    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];

    private static readonly string[] PreemptionPolicies = ["Never", "PreemptLowerPriority"];

    // The quota resource names without a domain that the API server knows (helper.IsStandardQuotaResourceName).
    private static readonly HashSet<string> StandardQuotaResources =
    [
        "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims",
        "services.nodeports", "services.loadbalancers", "cpu", "memory", "ephemeral-storage", "storage",
        "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage",
    ];

    /// <summary>The name problems for <paramref name="resource"/>: RBAC objects take any path segment, the rest use the kind's rule.</summary>
    public static IReadOnlyList<string> NameProblems(ResourceDefinition resource, string name)
    {
        if (resource.Group != RbacGroup)
        {
            return NameValidation.ValidateObjectName(resource.Plural, name);
        }
        return PathSegmentProblems(name);
    }

    /// <summary>Throws the API server's refusal when <paramref name="obj"/> is not valid; <paramref name="existing"/> is null on create.</summary>
    public static void Validate(ResourceDefinition resource, JsonObject obj, JsonObject? existing)
    {
        var causes = new List<(string Field, string Reason, string Message)>();
        switch (resource.Kind)
        {
            case "Role":
                Rules(obj, namespaced: true, causes);
                break;
            case "ClusterRole":
                Rules(obj, namespaced: false, causes);
                break;
            case "RoleBinding" or "ClusterRoleBinding":
                Binding(obj, existing, namespaced: resource.Kind == "RoleBinding", causes);
                break;
            case "Ingress":
                Ingress(obj, causes);
                break;
            case "IngressClass":
                IngressClass(obj, existing, causes);
                break;
            case "PriorityClass":
                PriorityClass(obj, existing, causes);
                break;
            case "PodDisruptionBudget":
                DisruptionBudget(obj, causes);
                break;
            case "ResourceQuota":
                Quota(obj, causes);
                break;
        }
        if (causes.Count > 0)
        {
            throw StatusError.Invalid(resource.Kind, resource.Group, (string?)obj["metadata"]?["name"] ?? "", causes);
        }
    }

    /// <summary>The Priority admission plugin: only one priority class may be the global default.</summary>
    public static void AdmitPriorityClass(IEnumerable<JsonObject> classes, JsonObject obj, bool creating)
    {
        if (obj["globalDefault"] is not JsonValue flag || !flag.TryGetValue<bool>(out var isDefault) || !isDefault)
        {
            return;
        }
        var name = (string?)obj["metadata"]?["name"] ?? "";
        var other = classes.FirstOrDefault(c => c["globalDefault"] is JsonValue v && v.TryGetValue<bool>(out var d) && d);
        var otherName = (string?)other?["metadata"]?["name"];
        if (other is not null && (creating || otherName != name))
        {
            throw new StatusError(403, "Forbidden",
                $"priorityclasses.scheduling.k8s.io \"{name}\" is forbidden: PriorityClass {otherName} is already marked as default. Only one default can exist",
                new JsonObject { ["name"] = name, ["group"] = "scheduling.k8s.io", ["kind"] = "priorityclasses" });
        }
    }

    /// <summary>The priority class storage refuses to delete the built-in system classes.</summary>
    public static void AdmitDelete(ResourceDefinition resource, string name)
    {
        if (resource.Kind == "PriorityClass" && Lifecycle.SeedContent.SystemPriorityClasses.Any(c => c.Name == name))
        {
            throw new StatusError(403, "Forbidden",
                $"priorityclasses.scheduling.k8s.io \"{name}\" is forbidden: this is a system priority class and cannot be deleted",
                new JsonObject { ["name"] = name, ["group"] = "scheduling.k8s.io", ["kind"] = "priorityclasses" });
        }
    }

    private static void Rules(JsonObject role, bool namespaced, List<(string, string, string)> causes)
    {
        var rules = (role["rules"] as JsonArray)?.ToList() ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i] as JsonObject ?? [];
            var path = $"rules[{i}]";
            if (Strings(rule["verbs"]).Count == 0)
            {
                causes.Add(Required($"{path}.verbs", "verbs must contain at least one value"));
            }
            var urls = Strings(rule["nonResourceURLs"]);
            var groups = Strings(rule["apiGroups"]);
            var resources = Strings(rule["resources"]);
            var names = Strings(rule["resourceNames"]);
            if (urls.Count > 0)
            {
                if (namespaced)
                {
                    causes.Add(Invalid($"{path}.nonResourceURLs", GoStrings(urls), "namespaced rules cannot apply to non-resource URLs"));
                }
                if (groups.Count > 0 || resources.Count > 0 || names.Count > 0)
                {
                    causes.Add(Invalid($"{path}.nonResourceURLs", GoStrings(urls), "rules cannot apply to both regular resources and non-resource URLs"));
                }
                continue;
            }
            if (groups.Count == 0)
            {
                causes.Add(Required($"{path}.apiGroups", "resource rules must supply at least one api group"));
            }
            if (resources.Count == 0)
            {
                causes.Add(Required($"{path}.resources", "resource rules must supply at least one resource"));
            }
            if (names.Count > 0 && resources.Count > 1)
            {
                causes.Add(Required($"{path}.resourceNames", "resource names cannot apply to multiple resources"));
            }
        }
    }

    private static void Binding(JsonObject binding, JsonObject? existing, bool namespaced, List<(string, string, string)> causes)
    {
        var roleRef = binding["roleRef"] as JsonObject ?? [];
        var apiGroup = (string?)roleRef["apiGroup"] ?? "";
        var kind = (string?)roleRef["kind"] ?? "";
        var name = (string?)roleRef["name"] ?? "";
        if (apiGroup != RbacGroup)
        {
            causes.Add(NotSupported("roleRef.apiGroup", apiGroup, [RbacGroup]));
        }
        string[] kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
        if (!kinds.Contains(kind))
        {
            causes.Add(NotSupported("roleRef.kind", kind, kinds));
        }
        if (name.Length == 0)
        {
            causes.Add(Required("roleRef.name"));
        }
        else
        {
            causes.AddRange(PathSegmentProblems(name).Select(p => Invalid("roleRef.name", Quote(name), p)));
        }
        var subjects = (binding["subjects"] as JsonArray)?.ToList() ?? [];
        for (var i = 0; i < subjects.Count; i++)
        {
            Subject(subjects[i] as JsonObject ?? [], namespaced, $"subjects[{i}]", causes);
        }
        if (existing?["roleRef"] is JsonObject oldRef &&
            ((string?)oldRef["apiGroup"] != apiGroup || (string?)oldRef["kind"] != kind || (string?)oldRef["name"] != name))
        {
            causes.Add(Invalid("roleRef",
                $"rbac.RoleRef{{APIGroup:{Quote(apiGroup)}, Kind:{Quote(kind)}, Name:{Quote(name)}}}", "cannot change roleRef"));
        }
    }

    private static void Subject(JsonObject subject, bool namespaced, string path, List<(string, string, string)> causes)
    {
        var name = (string?)subject["name"] ?? "";
        var kind = (string?)subject["kind"] ?? "";
        var apiGroup = (string?)subject["apiGroup"] ?? "";
        if (name.Length == 0)
        {
            causes.Add(Required($"{path}.name"));
        }
        switch (kind)
        {
            case "ServiceAccount":
                if (name.Length > 0)
                {
                    causes.AddRange(NameValidation.ValidateDns1123Subdomain(name).Select(p => Invalid($"{path}.name", Quote(name), p)));
                }
                if (apiGroup.Length > 0)
                {
                    causes.Add(NotSupported($"{path}.apiGroup", apiGroup, [""]));
                }
                if (!namespaced && string.IsNullOrEmpty((string?)subject["namespace"]))
                {
                    causes.Add(Required($"{path}.namespace"));
                }
                break;
            case "User" or "Group":
                if (name.Length == 0)
                {
                    causes.Add(Invalid($"{path}.name", Quote(name), $"{kind.ToLowerInvariant()} name cannot be empty"));
                }
                if (apiGroup != RbacGroup)
                {
                    causes.Add(NotSupported($"{path}.apiGroup", apiGroup, [RbacGroup]));
                }
                break;
            default:
                causes.Add(NotSupported($"{path}.kind", kind, ["ServiceAccount", "User", "Group"]));
                break;
        }
    }

    private static void Ingress(JsonObject ingress, List<(string, string, string)> causes)
    {
        var spec = ingress["spec"] as JsonObject ?? [];
        var rules = (spec["rules"] as JsonArray)?.ToList() ?? [];
        if (rules.Count == 0 && spec["defaultBackend"] is null)
        {
            causes.Add(Invalid("spec", "[]networking.IngressRule(nil)", "either `defaultBackend` or `rules` must be specified"));
        }
        if (spec["defaultBackend"] is JsonObject defaultBackend)
        {
            Backend(defaultBackend, "spec.defaultBackend", causes);
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i] as JsonObject ?? [];
            var path = $"spec.rules[{i}]";
            if ((string?)rule["host"] is { Length: > 0 } host)
            {
                if (System.Net.IPAddress.TryParse(host, out _))
                {
                    causes.Add(Invalid($"{path}.host", Quote(host), "must be a DNS name, not an IP address"));
                }
                if (!host.Contains('*', StringComparison.Ordinal))
                {
                    causes.AddRange(NameValidation.ValidateDns1123Subdomain(host).Select(p => Invalid($"{path}.host", Quote(host), p)));
                }
                else if (!host.StartsWith("*.", StringComparison.Ordinal) || host[2..].Contains('*', StringComparison.Ordinal) ||
                         NameValidation.ValidateDns1123Subdomain(host[2..]).Count > 0)
                {
                    causes.Add(Invalid($"{path}.host", Quote(host), WildcardMessage));
                }
            }
            if (rule["http"] is JsonObject http)
            {
                var paths = (http["paths"] as JsonArray)?.ToList() ?? [];
                if (paths.Count == 0)
                {
                    causes.Add(Required($"{path}.http.paths"));
                }
                for (var j = 0; j < paths.Count; j++)
                {
                    HttpPath(paths[j] as JsonObject ?? [], $"{path}.http.paths[{j}]", causes);
                }
            }
        }
        var tls = (spec["tls"] as JsonArray)?.ToList() ?? [];
        for (var i = 0; i < tls.Count; i++)
        {
            if ((string?)tls[i]?["secretName"] is { Length: > 0 } secretName)
            {
                causes.AddRange(NameValidation.ValidateDns1123Subdomain(secretName).Select(p => Invalid($"spec.tls[{i}].secretName", Quote(secretName), p)));
            }
        }
        if ((string?)spec["ingressClassName"] is { } className)
        {
            causes.AddRange(NameValidation.ValidateDns1123Subdomain(className).Select(p => Invalid("spec.ingressClassName", Quote(className), p)));
        }
    }

    private const string WildcardMessage =
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character" +
        " (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private static void HttpPath(JsonObject httpPath, string path, List<(string, string, string)> causes)
    {
        if ((string?)httpPath["pathType"] is not { } pathType)
        {
            causes.Add(Required($"{path}.pathType", "pathType must be specified"));
            return;
        }
        var value = (string?)httpPath["path"] ?? "";
        switch (pathType)
        {
            case "Exact" or "Prefix":
                if (!value.StartsWith('/'))
                {
                    causes.Add(Invalid($"{path}.path", Quote(value), "must be an absolute path"));
                }
                foreach (var sequence in new[] { "//", "/./", "/../", "%2f", "%2F" }.Where(s => value.Contains(s, StringComparison.Ordinal)))
                {
                    causes.Add(Invalid($"{path}.path", Quote(value), $"must not contain '{sequence}'"));
                }
                foreach (var suffix in new[] { "/..", "/." }.Where(s => value.EndsWith(s, StringComparison.Ordinal)))
                {
                    causes.Add(Invalid($"{path}.path", Quote(value), $"cannot end with '{suffix}'"));
                }
                break;
            case "ImplementationSpecific":
                if (value.Length > 0 && !value.StartsWith('/'))
                {
                    causes.Add(Invalid($"{path}.path", Quote(value), "must be an absolute path"));
                }
                break;
            default:
                causes.Add(NotSupported($"{path}.pathType", pathType, PathTypes));
                break;
        }
        Backend(httpPath["backend"] as JsonObject ?? [], $"{path}.backend", causes);
    }

    private static void Backend(JsonObject backend, string path, List<(string, string, string)> causes)
    {
        var service = backend["service"] as JsonObject;
        var resource = backend["resource"] as JsonObject;
        if (service is not null && resource is not null)
        {
            causes.Add(Invalid(path, "\"\"", "cannot set both resource and service backends"));
            return;
        }
        if (resource is not null)
        {
            if (string.IsNullOrEmpty((string?)resource["kind"]))
            {
                causes.Add(Required($"{path}.resource.kind"));
            }
            if (string.IsNullOrEmpty((string?)resource["name"]))
            {
                causes.Add(Required($"{path}.resource.name"));
            }
            return;
        }
        if (service is null)
        {
            causes.Add(Invalid(path, "\"\"", "resource or service backend is required"));
            return;
        }
        var name = (string?)service["name"] ?? "";
        if (name.Length == 0)
        {
            causes.Add(Required($"{path}.service.name"));
        }
        else
        {
            causes.AddRange(NameValidation.ValidateDns1035Label(name).Select(p => Invalid($"{path}.service.name", Quote(name), p)));
        }
        var portName = (string?)service["port"]?["name"] ?? "";
        var portNumber = ObjectFields.Long(service["port"]?["number"]);
        if (portName.Length > 0 && portNumber != 0)
        {
            causes.Add(Invalid(path, "\"\"", "cannot set both port name & port number"));
        }
        else if (portNumber != 0 && portNumber is < 1 or > 65535)
        {
            causes.Add(Invalid($"{path}.service.port.number", Number(portNumber), "must be between 1 and 65535, inclusive"));
        }
        else if (portName.Length == 0 && portNumber == 0)
        {
            causes.Add(Required(path, "port name or number is required"));
        }
    }

    private static void IngressClass(JsonObject ingressClass, JsonObject? existing, List<(string, string, string)> causes)
    {
        var controller = (string?)ingressClass["spec"]?["controller"] ?? "";
        if (controller.Length == 0)
        {
            causes.Add(Required("spec.controller"));
        }
        if (existing is not null && (string?)existing["spec"]?["controller"] is { } old && old != controller)
        {
            causes.Add(Invalid("spec.controller", Quote(controller), "field is immutable"));
        }
    }

    private static void PriorityClass(JsonObject priorityClass, JsonObject? existing, List<(string, string, string)> causes)
    {
        var value = ObjectFields.Long(priorityClass["value"]);
        if (existing is not null)
        {
            // An update is checked only for what may not change (ValidatePriorityClassUpdate).
            if (ObjectFields.Long(existing["value"]) != value)
            {
                causes.Add(Forbidden("value", "may not be changed in an update."));
            }
            if ((string?)existing["preemptionPolicy"] != (string?)priorityClass["preemptionPolicy"])
            {
                causes.Add(Invalid("preemptionPolicy", Quote((string?)priorityClass["preemptionPolicy"] ?? ""), "field is immutable"));
            }
            return;
        }
        var name = (string?)priorityClass["metadata"]?["name"] ?? "";
        var globalDefault = priorityClass["globalDefault"] is JsonValue flag && flag.TryGetValue<bool>(out var isDefault) && isDefault;
        if (name.StartsWith("system-", StringComparison.Ordinal))
        {
            if (SystemPriorityClassProblem(name, value, globalDefault) is { } problem)
            {
                causes.Add(Forbidden("metadata.name", $"priority class names with 'system-' prefix are reserved for system use only. error: {problem}"));
            }
        }
        else if (value > HighestUserDefinablePriority)
        {
            causes.Add(Forbidden("value", $"maximum allowed value of a user defined priority is {HighestUserDefinablePriority}"));
        }
        if ((string?)priorityClass["preemptionPolicy"] is { } policy && !PreemptionPolicies.Contains(policy))
        {
            causes.Add(NotSupported("preemptionPolicy", policy, PreemptionPolicies));
        }
    }

    private static string? SystemPriorityClassProblem(string name, long value, bool globalDefault)
    {
        if (Lifecycle.SeedContent.SystemPriorityClasses.FirstOrDefault(c => c.Name == name) is not { Name: not null } known)
        {
            return $"{name} is not a known system priority class";
        }
        if (known.Value != value)
        {
            return $"value of {name} PriorityClass must be {known.Value}";
        }
        return globalDefault ? $"globalDefault of {name} PriorityClass must be false" : null;
    }

    private static void DisruptionBudget(JsonObject budget, List<(string, string, string)> causes)
    {
        var spec = budget["spec"] as JsonObject ?? [];
        var minAvailable = spec["minAvailable"];
        var maxUnavailable = spec["maxUnavailable"];
        if (minAvailable is not null && maxUnavailable is not null)
        {
            causes.Add(Invalid("spec", GoDisruptionBudgetSpec(spec), "minAvailable and maxUnavailable cannot be both set"));
        }
        IntOrPercent(minAvailable, "spec.minAvailable", causes);
        IntOrPercent(maxUnavailable, "spec.maxUnavailable", causes);
    }

    private static void IntOrPercent(JsonNode? value, string path, List<(string, string, string)> causes)
    {
        if (value is not JsonValue scalar)
        {
            return;
        }
        if (scalar.GetValueKind() == JsonValueKind.Number)
        {
            var number = ObjectFields.Long(scalar);
            if (number < 0)
            {
                causes.Add(Invalid(path, Number(number), "must be greater than or equal to 0"));
            }
            return;
        }
        var text = scalar.GetValue<string>();
        if (!text.EndsWith('%') || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            causes.Add(Invalid(path, GoIntOrString(text), "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"));
            return;
        }
        if (percent > 100)
        {
            causes.Add(Invalid(path, GoIntOrString(text), "must not be greater than 100%"));
        }
    }

    private static void Quota(JsonObject quota, List<(string, string, string)> causes)
    {
        QuotaScopes(quota, causes);
        if (quota["spec"]?["hard"] is not JsonObject hard)
        {
            return;
        }
        foreach (var (name, quantity) in hard)
        {
            var path = $"spec.hard[{name}]";
            if (!name.Contains('/', StringComparison.Ordinal) && !StandardQuotaResources.Contains(name) &&
                !name.StartsWith("requests.hugepages-", StringComparison.Ordinal) && !name.StartsWith("hugepages-", StringComparison.Ordinal))
            {
                causes.Add(Invalid(path, Quote(name), "must be a standard resource for quota"));
            }
            var text = quantity?.ToString() ?? "";
            if (text.StartsWith('-'))
            {
                causes.Add(Invalid(path, Quote(text), "must be greater than or equal to 0"));
            }
        }
    }

    // validateResourceQuotaScopes: known scopes, each valid for every standard resource the quota caps, no conflicting pair.
    private static void QuotaScopes(JsonObject quota, List<(string, string, string)> causes)
    {
        var scopes = ((quota["spec"]?["scopes"] as JsonArray)?.Select(s => (string?)s ?? "") ?? []).ToList();
        if (scopes.Count == 0)
        {
            return;
        }
        var value = "[]core.ResourceQuotaScope{" + string.Join(", ", scopes.Select(Quote)) + "}";
        var hard = ((quota["spec"]?["hard"] as JsonObject)?.Select(pair => pair.Key) ?? []).Order(StringComparer.Ordinal).ToList();
        foreach (var scope in scopes)
        {
            if (!KnownQuotaScopes.Contains(scope))
            {
                causes.Add(Invalid("spec.scopes", value, "unsupported scope"));
            }
            foreach (var _ in hard.Where(resource => StandardQuotaResources.Contains(resource) && !ScopeAppliesTo(scope, resource)))
            {
                causes.Add(Invalid("spec.scopes", value, "unsupported scope applied to resource"));
            }
        }
        if ((scopes.Contains("BestEffort") && scopes.Contains("NotBestEffort")) || (scopes.Contains("Terminating") && scopes.Contains("NotTerminating")))
        {
            causes.Add(Invalid("spec.scopes", value, "conflicting scopes"));
        }
    }

    private static readonly HashSet<string> KnownQuotaScopes = ["Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity"];

    private static readonly HashSet<string> PodComputeResources = ["cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"];

    // BestEffort pods have no compute requests, so that scope counts pods only; the other scopes count pods and compute.
    private static bool ScopeAppliesTo(string scope, string resource) => scope switch
    {
        "BestEffort" => resource == "pods",
        "Terminating" or "NotTerminating" or "NotBestEffort" or "PriorityClass" or "CrossNamespacePodAffinity" => resource == "pods" || PodComputeResources.Contains(resource),
        _ => true,
    };

    private static string GoDisruptionBudgetSpec(JsonObject spec) =>
        "policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000000000), Selector:(*v1.LabelSelector)(" +
        (spec["selector"] is null ? "nil" : "0xc000000000") +
        "), MaxUnavailable:(*intstr.IntOrString)(0xc000000000), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}";

    private static string GoIntOrString(string text) => $"intstr.IntOrString{{Type:1, IntVal:0, StrVal:{Quote(text)}}}";

    private static List<string> PathSegmentProblems(string name)
    {
        if (name is "." or "..")
        {
            return [$"may not be '{name}'"];
        }
        return new[] { "/", "%" }.Where(c => name.Contains(c, StringComparison.Ordinal)).Select(c => $"may not contain '{c}'").ToList();
    }

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(v => v?.ToString() ?? "").ToList() ?? [];

    // Go's %q for the plain ASCII values these fields hold.
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string GoStrings(IEnumerable<string> values) => "[]string{" + string.Join(", ", values.Select(Quote)) + "}";

    private static (string, string, string) Required(string field, string detail = "") =>
        (field, "FieldValueRequired", detail.Length == 0 ? "Required value" : $"Required value: {detail}");

    private static (string, string, string) Invalid(string field, string goValue, string detail) =>
        (field, "FieldValueInvalid", $"Invalid value: {goValue}: {detail}");

    private static (string, string, string) Forbidden(string field, string detail) =>
        (field, "FieldValueForbidden", $"Forbidden: {detail}");

    private static (string, string, string) NotSupported(string field, string value, IEnumerable<string> supported) =>
        (field, "FieldValueNotSupported", $"Unsupported value: {Quote(value)}: supported values: {string.Join(", ", supported.Select(Quote))}");
}

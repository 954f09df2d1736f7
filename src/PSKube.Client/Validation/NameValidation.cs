using System.Text;
using System.Text.RegularExpressions;

namespace PSKube.Client.Validation;

/// <summary>
/// Kubernetes name, label key and label value validation, returning the same messages as
/// k8s.io/apimachinery (util/validation and api/validate/content). An empty list means valid.
/// Lengths are counted in UTF-8 bytes, as Go's <c>len</c> does.
/// </summary>
public static partial class NameValidation
{
    /// <summary>Maximum length of an RFC 1123 or RFC 1035 label.</summary>
    public const int DnsLabelMaxLength = 63;

    /// <summary>Maximum length of an RFC 1123 subdomain.</summary>
    public const int Dns1123SubdomainMaxLength = 253;

    /// <summary>Maximum length of a label value and of the name part of a label key.</summary>
    public const int LabelValueMaxLength = 63;

    /// <summary>
    /// A CronJob's Jobs are named <c>NAME-&lt;minutes since epoch&gt;</c>, an 11 character suffix, and
    /// the Job name must fit a 63 character label, so the API server caps CronJob names at 52.
    /// </summary>
    public const int CronJobNameMaxLength = DnsLabelMaxLength - 11;

    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + @"(\." + Dns1123LabelFormat + ")*";
    private const string Dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string LabelKeyNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(" + LabelKeyNameFormat + ")?";
    private const string EnvVarNameFormat = "[-._a-zA-Z][-._a-zA-Z0-9]*";

    private const string Dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string Dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
    private const string LabelKeyNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string EnvVarNameMessage =
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    // First name of each entry is the plural resource. Sources: pkg/apis/core/validation
    // (ValidateServiceName = DNS-1035, ValidateNamespaceName = DNS-1123 label, others subdomain),
    // pkg/apis/apps/validation (ValidateStatefulSetName = DNS-1123 label) and
    // pkg/apis/core/validation/events.go (core/v1 events skip name validation).
    private static readonly (ObjectNameRule Rule, string[] Names)[] KnownResources =
    [
        (ObjectNameRule.Dns1123Subdomain, ["pods", "pod", "po"]),
        (ObjectNameRule.Dns1035Label, ["services", "service", "svc"]),
        (ObjectNameRule.Dns1123Label, ["namespaces", "namespace", "ns"]),
        (ObjectNameRule.Dns1123Subdomain, ["nodes", "node", "no"]),
        (ObjectNameRule.Dns1123Subdomain, ["configmaps", "configmap", "cm"]),
        (ObjectNameRule.Dns1123Subdomain, ["secrets", "secret"]),
        (ObjectNameRule.Dns1123Subdomain, ["serviceaccounts", "serviceaccount", "sa"]),
        (ObjectNameRule.Dns1123Subdomain, ["endpoints", "ep"]),
        (ObjectNameRule.PathSegment, ["events", "event", "ev"]),
        (ObjectNameRule.Dns1123Subdomain, ["events.events.k8s.io", "event.events.k8s.io"]),
        (ObjectNameRule.Dns1123Subdomain, ["replicationcontrollers", "replicationcontroller", "rc"]),
        (ObjectNameRule.Dns1123Subdomain, ["deployments", "deployment", "deploy"]),
        (ObjectNameRule.Dns1123Subdomain, ["replicasets", "replicaset", "rs"]),
        (ObjectNameRule.Dns1123Label, ["statefulsets", "statefulset", "sts"]),
        (ObjectNameRule.Dns1123Subdomain, ["daemonsets", "daemonset", "ds"]),
        (ObjectNameRule.Dns1123Subdomain, ["jobs", "job"]),
        (ObjectNameRule.Dns1123Subdomain, ["cronjobs", "cronjob", "cj"]),
        // pkg/apis/rbac/validation: ValidateRBACName is the path segment rule alone.
        (ObjectNameRule.PathSegment, ["roles", "role"]),
        (ObjectNameRule.PathSegment, ["rolebindings", "rolebinding"]),
        (ObjectNameRule.PathSegment, ["clusterroles", "clusterrole"]),
        (ObjectNameRule.PathSegment, ["clusterrolebindings", "clusterrolebinding"]),
    ];

    private static readonly Dictionary<string, (ObjectNameRule Rule, string Resource)> ResourcesByAlias =
        KnownResources
            .SelectMany(entry => entry.Names.Select(alias => (alias, entry.Rule, Resource: entry.Names[0])))
            .ToDictionary(item => item.alias, item => (item.Rule, item.Resource), StringComparer.OrdinalIgnoreCase);

    /// <summary>Validates an RFC 1123 subdomain (most object names).</summary>
    public static IReadOnlyList<string> ValidateDns1123Subdomain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLengthError(Dns1123SubdomainMaxLength));
        }

        if (!Dns1123SubdomainRegex().IsMatch(value))
        {
            errors.Add(RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        }

        return errors;
    }

    /// <summary>Validates an RFC 1123 label (namespace and statefulset names).</summary>
    public static IReadOnlyList<string> ValidateDns1123Label(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (ByteLength(value) > DnsLabelMaxLength)
        {
            errors.Add(MaxLengthError(DnsLabelMaxLength));
        }

        if (!Dns1123LabelRegex().IsMatch(value))
        {
            // A valid subdomain that is not a valid label can only be failing because of its dots.
            errors.Add(Dns1123SubdomainRegex().IsMatch(value)
                ? "must not contain dots"
                : RegexError(Dns1123LabelMessage, Dns1123LabelFormat, "my-name", "123-abc"));
        }

        return errors;
    }

    /// <summary>Validates an RFC 1035 label (service names): must start with a letter.</summary>
    public static IReadOnlyList<string> ValidateDns1035Label(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (ByteLength(value) > DnsLabelMaxLength)
        {
            errors.Add(MaxLengthError(DnsLabelMaxLength));
        }

        if (!Dns1035LabelRegex().IsMatch(value))
        {
            errors.Add(RegexError(Dns1035LabelMessage, Dns1035LabelFormat, "my-name", "abc-123"));
        }

        return errors;
    }

    /// <summary>
    /// Validates a label key (what Kubernetes calls a qualified name): an optional RFC 1123
    /// subdomain prefix and '/', then a name of up to 63 characters.
    /// </summary>
    public static IReadOnlyList<string> ValidateLabelKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                if (parts[0].Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    errors.AddRange(ValidateDns1123Subdomain(parts[0]).Select(error => "prefix part " + error));
                }

                break;
            default:
                errors.Add("a valid label key " + RegexError(LabelKeyNameMessage, LabelKeyNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (ByteLength(name) > LabelValueMaxLength)
        {
            errors.Add("name part " + MaxLengthError(LabelValueMaxLength));
        }

        if (!LabelKeyNameRegex().IsMatch(name))
        {
            errors.Add("name part " + RegexError(LabelKeyNameMessage, LabelKeyNameFormat, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    /// <summary>Validates a label value: empty, or up to 63 alphanumerics, '-', '_' and '.' that start and end alphanumeric.</summary>
    public static IReadOnlyList<string> ValidateLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (ByteLength(value) > LabelValueMaxLength)
        {
            errors.Add(MaxLengthError(LabelValueMaxLength));
        }

        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    /// <summary>
    /// Validates an environment variable name the way kubectl run does (apimachinery's IsEnvVarName): letters,
    /// digits, '_', '-' and '.', not starting with a digit, and not '.', '..' or starting with '..'. Newer API servers
    /// accept more, but this form works on every cluster.
    /// </summary>
    public static IReadOnlyList<string> ValidateEnvVarName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (!EnvVarNameRegex().IsMatch(value))
        {
            errors.Add(RegexError(EnvVarNameMessage, EnvVarNameFormat, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }

        if (value is "." or "..")
        {
            errors.Add($"must not be '{value}'");
        }
        else if (value.StartsWith("..", StringComparison.Ordinal))
        {
            errors.Add("must not start with '..'");
        }

        return errors;
    }

    /// <summary>
    /// The rule the API server applies to names of the given resource. Accepts a plural resource
    /// (<c>pods</c>), singular, kind (<c>Pod</c>) or short name (<c>po</c>), case-insensitively.
    /// Resources not listed use RFC 1123 subdomains, as most built-in and all custom resources do.
    /// </summary>
    public static ObjectNameRule GetObjectNameRule(string kindOrResource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kindOrResource);
        return ResourcesByAlias.TryGetValue(kindOrResource.Trim(), out var known) ? known.Rule : ObjectNameRule.Dns1123Subdomain;
    }

    /// <summary>
    /// Validates <c>metadata.name</c> (or, with <paramref name="isGenerateNamePrefix"/>, a
    /// <c>metadata.generateName</c> prefix, which may end with '-') the way the API server does for
    /// the given resource, including the extra limits of jobs and cronjobs.
    /// </summary>
    /// <remarks>
    /// Beyond the name rule: a CronJob name may not exceed 52 characters (its Jobs append an
    /// 11 character suffix), and a Job name becomes the value of the <c>job-name</c> label on its
    /// pods, so the server rejects Job names over 63 bytes with the label value message (reported
    /// under <c>spec.template.labels</c>). Deployment names are only checked as subdomains: the
    /// controller's ReplicaSet (<c>NAME-HASH</c>) and pod (<c>NAME-HASH-XXXXX</c>) names are not
    /// validated at creation.
    /// </remarks>
    public static IReadOnlyList<string> ValidateObjectName(string kindOrResource, string name, bool isGenerateNamePrefix = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        var rule = GetObjectNameRule(kindOrResource);
        if (name.Length == 0 && !isGenerateNamePrefix)
        {
            return ["name or generateName is required"];
        }

        var checkedName = isGenerateNamePrefix ? MaskTrailingDash(name) : name;
        var errors = rule switch
        {
            ObjectNameRule.Dns1123Label => ValidateDns1123Label(checkedName).ToList(),
            ObjectNameRule.Dns1035Label => ValidateDns1035Label(checkedName).ToList(),
            ObjectNameRule.PathSegment => [],
            _ => ValidateDns1123Subdomain(checkedName).ToList(),
        };

        // The server always runs the path segment check too; the DNS rules already imply it.
        errors.AddRange(ValidatePathSegment(name, isGenerateNamePrefix));
        if (isGenerateNamePrefix)
        {
            return errors;
        }

        var resource = ResourcesByAlias.TryGetValue(kindOrResource.Trim(), out var known) ? known.Resource : string.Empty;
        if (resource == "cronjobs" && ByteLength(name) > CronJobNameMaxLength)
        {
            errors.Add($"must be no more than {CronJobNameMaxLength} characters");
        }
        else if (resource == "jobs" && ByteLength(name) > LabelValueMaxLength)
        {
            errors.Add(MaxLengthError(LabelValueMaxLength));
        }

        return errors;
    }

    private static IReadOnlyList<string> ValidatePathSegment(string name, bool isPrefix)
    {
        if (!isPrefix && name is "." or "..")
        {
            return [$"may not be '{name}'"];
        }

        var errors = new List<string>();
        foreach (var forbidden in new[] { "/", "%" })
        {
            if (name.Contains(forbidden, StringComparison.Ordinal))
            {
                errors.Add($"may not contain '{forbidden}'");
            }
        }

        return errors;
    }

    // A generateName prefix may end with '-' because random characters follow; apimachinery
    // replaces the last two characters by one letter before validating, and so do we.
    private static string MaskTrailingDash(string prefix) =>
        prefix.Length >= 2 && prefix.EndsWith('-') ? prefix[..^2] + "a" : prefix;

    internal static string MaxLengthError(int length) => $"must be no more than {length} bytes";

    private static string RegexError(string message, string format, params string[] examples)
    {
        var builder = new StringBuilder(message).Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(" or ");
            }

            builder.Append('\'').Append(examples[i]).Append("', ");
        }

        return builder.Append("regex used for validation is '").Append(format).Append("')").ToString();
    }

    private static int ByteLength(string value) => Encoding.UTF8.GetByteCount(value);

    [GeneratedRegex(@"\A" + Dns1123LabelFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex(@"\A" + Dns1123SubdomainFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123SubdomainRegex();

    [GeneratedRegex(@"\A" + Dns1035LabelFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035LabelRegex();

    [GeneratedRegex(@"\A" + LabelKeyNameFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelKeyNameRegex();

    [GeneratedRegex(@"\A" + LabelValueFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValueRegex();

    [GeneratedRegex(@"\A" + EnvVarNameFormat + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvVarNameRegex();
}

using System.Globalization;
using System.Text.RegularExpressions;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the Ingress <c>kubectl create ingress</c> builds, after checking every option.</summary>
public static partial class IngressGenerator
{
    private const int MaxPortNameLength = 15;

    /// <summary>The Ingress for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static Ingress Generate(IngressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("ingresses", options.Name, options.Parameter(nameof(IngressOptions.Name)));
        var rulesParameter = options.Parameter(nameof(IngressOptions.Rules));
        var backendParameter = options.Parameter(nameof(IngressOptions.DefaultBackend));
        var rules = (options.Rules ?? []).Select(rule => Rule.Parse(rule, rulesParameter)).ToList();
        if (rules.Count == 0 && string.IsNullOrEmpty(options.DefaultBackend))
        {
            throw new KubeInputException($"An Ingress needs rules or a default backend to send requests to. Give {rulesParameter}, e.g. 'example.com/*=web:80', or {backendParameter}, e.g. 'web:80'.", rulesParameter);
        }

        var className = options.IngressClass;
        if (!string.IsNullOrEmpty(className) && NameValidation.ValidateDns1123Subdomain(className) is { Count: > 0 } classErrors)
        {
            var classParameter = options.Parameter(nameof(IngressOptions.IngressClass));
            throw new KubeInputException($"'{className}' is not a valid ingress class name: {string.Join("; ", classErrors)}. Give {classParameter} as the name of an IngressClass, e.g. 'nginx'.", classParameter);
        }

        return new Ingress
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "Ingress",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(IngressOptions.Namespace))),
                Annotations = GeneratorInput.Annotations(options.Annotations, options.Parameter(nameof(IngressOptions.Annotations))),
            },
            Spec = new IngressSpec
            {
                IngressClassName = string.IsNullOrEmpty(className) ? null : className,
                DefaultBackend = string.IsNullOrEmpty(options.DefaultBackend) ? null : DefaultBackend(options.DefaultBackend, backendParameter),
                Tls = NullIfEmpty(Tls(rules)),
                Rules = NullIfEmpty(Rules(rules)),
            },
            Status = new IngressStatus { LoadBalancer = new IngressLoadBalancerStatus() },
        };
    }

    // One rule per host, in the order the hosts first appear, each with its paths in the order given.
    private static List<IngressRule> Rules(List<Rule> rules)
    {
        var result = new List<IngressRule>();
        foreach (var rule in rules)
        {
            var host = rule.Host.Length == 0 ? null : rule.Host;
            var path = new HTTPIngressPath { Path = rule.Path, PathType = rule.PathType, Backend = rule.Backend };
            if (result.FirstOrDefault(existing => existing.Host == host) is { } sameHost)
            {
                sameHost.Http!.Paths!.Add(path);
                continue;
            }

            result.Add(new IngressRule { Host = host, Http = new HTTPIngressRuleValue { Paths = [path] } });
        }

        return result;
    }

    // As kubectl: each host goes to TLS once, under the first rule that asks for it; rules naming the same secret
    // (or none) share one entry. A rule without a host adds an empty host to an entry that already exists.
    private static List<IngressTLS> Tls(List<Rule> rules)
    {
        var result = new List<IngressTLS>();
        var hostsSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.Where(rule => rule.Tls))
        {
            if (!hostsSeen.Add(rule.Host))
            {
                continue;
            }

            var secret = rule.Secret ?? string.Empty;
            if (result.FirstOrDefault(existing => (existing.SecretName ?? string.Empty) == secret) is { } sameSecret)
            {
                (sameSecret.Hosts ??= []).Add(rule.Host);
                continue;
            }

            var entry = new IngressTLS { Hosts = rule.Host.Length == 0 ? null : [rule.Host], SecretName = secret.Length == 0 ? null : secret };
            if (entry.Hosts is not null || entry.SecretName is not null)
            {
                result.Add(entry);
            }
        }

        return result;
    }

    private static IngressBackend DefaultBackend(string text, string parameter)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !ServiceName().IsMatch(parts[0]) || !ServiceName().IsMatch(parts[1]))
        {
            throw new KubeInputException($"The default backend '{text}' is not service:port. Give {parameter} as a service name and its port number or name, e.g. 'web:80' or 'web:http'.", parameter);
        }

        return Backend(parts[0], parts[1], $"The default backend '{text}'", parameter);
    }

    // A port is a number when it reads as one (kubectl's intstr.Parse), else a port name.
    private static IngressBackend Backend(string service, string port, string origin, string parameter)
    {
        var serviceErrors = NameValidation.ValidateDns1035Label(service);
        if (serviceErrors.Count > 0)
        {
            throw new KubeInputException($"{origin} names the service '{service}', which is not a valid service name: {string.Join("; ", serviceErrors)}. Use the name of a Service, e.g. 'web'.", parameter);
        }

        var backendPort = new ServiceBackendPort();
        if (long.TryParse(port, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            backendPort.Number = number is >= 1 and <= GeneratorInput.MaxPort
                ? (int)number
                : throw new KubeInputException($"{origin} has the port {port}, which is out of range. Give a port from 1 to {GeneratorInput.MaxPort}, or a port name such as 'http'.", parameter);
        }
        else if (PortNameProblem(port) is { } problem)
        {
            throw new KubeInputException($"{origin} has the port '{port}', which is neither a number nor a valid port name: {problem}. Give a port from 1 to {GeneratorInput.MaxPort}, or the name of a Service port such as 'http'.", parameter);
        }
        else
        {
            backendPort.Name = port;
        }

        return new IngressBackend { Service = new IngressServiceBackend { Name = service, Port = backendPort } };
    }

    // A Service port's name as the API server checks it (an IANA service name).
    private static string? PortNameProblem(string name) => name switch
    {
        { Length: > MaxPortNameLength } => $"it is longer than {MaxPortNameLength} characters",
        _ when !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') => "it may contain only lowercase letters, digits and '-'",
        _ when !name.Any(char.IsAsciiLetterLower) => "it must contain at least one letter",
        _ when name.StartsWith('-') || name.EndsWith('-') || name.Contains("--", StringComparison.Ordinal) => "it may not start or end with '-' or contain '--'",
        _ => null,
    };

    // The API server takes a DNS name or a wildcard of one ('*.' then a DNS name), never an IP address.
    private static string? HostProblem(string host)
    {
        if (System.Net.IPAddress.TryParse(host, out _))
        {
            return "is an IP address, not a DNS name";
        }

        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        if (name.Contains('*', StringComparison.Ordinal))
        {
            return "has a '*' that is not the leading '*.' of a wildcard";
        }

        var errors = NameValidation.ValidateDns1123Subdomain(name);
        return errors.Count == 0 ? null : "is not valid: " + string.Join("; ", errors);
    }

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;

    // What kubectl checks of a rule: it starts with host (letters, digits, '_', '-', '.', '*'), a path from '/', '=',
    // service ':' port. Nothing after the port is checked, as kubectl's pattern is not anchored at the end.
    [GeneratedRegex(@"\A[0-9A-Za-z_*.\-]*/[^,=\n]*=[0-9A-Za-z_\-]+:[0-9A-Za-z_\-]+")]
    private static partial Regex RuleSyntax();

    [GeneratedRegex(@"\A[0-9A-Za-z_\-]+\z")]
    private static partial Regex ServiceName();

    private sealed record Rule(string Host, string Path, string PathType, IngressBackend Backend, bool Tls, string? Secret)
    {
        // Split as kubectl splits it: before the first ',' is host/path=service:port; exactly one ',' makes the host a
        // TLS host, with the secret after the '=' of what follows it (',tls' names none, nor does any other word).
        public static Rule Parse(string? text, string parameter)
        {
            if (text is null || !RuleSyntax().IsMatch(text))
            {
                throw new KubeInputException(
                    $"The rule '{text}' is not host/path=service:port[,tls[=secret]]. Write it like 'example.com/api*=api:80' (the path must start with '/'; a trailing '*' matches by prefix), '/=web:http,tls' or 'shop.example.com/=shop:443,tls=shop-cert'.",
                    parameter);
            }

            var parts = text.Split(',');
            var hostAndRest = parts[0].Split('/', 2);
            var host = hostAndRest[0];
            var pathAndService = hostAndRest[1].Split('=');
            var path = "/" + pathAndService[0];
            var service = pathAndService[1].Split(':');
            var tls = parts.Length == 2;
            var secretParts = tls ? parts[1].Split('=') : [];
            var secret = secretParts.Length > 1 && secretParts[1].Length > 0 ? secretParts[1] : null;
            var origin = $"The rule '{text}'";
            if (host.Length > 0 && HostProblem(host) is { } problem)
            {
                throw new KubeInputException($"{origin} has the host '{host}', which {problem}. Use a lower-case DNS name such as 'shop.example.com', or '*.example.com' for every subdomain.", parameter);
            }

            if (secret is not null && NameValidation.ValidateDns1123Subdomain(secret) is { Count: > 0 } secretErrors)
            {
                throw new KubeInputException($"{origin} names the TLS secret '{secret}', which is not a valid secret name: {string.Join("; ", secretErrors)}. Use the name of a Secret of type kubernetes.io/tls, e.g. 'shop-cert'.", parameter);
            }

            var prefix = path.EndsWith('*');
            return new Rule(
                host,
                prefix ? path[..^1] : path,
                prefix ? "Prefix" : "Exact",
                IngressGenerator.Backend(service[0], service[1], origin, parameter),
                tls,
                secret);
        }
    }
}

using System.Globalization;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the Service <c>kubectl expose</c> builds, after checking every option.</summary>
public static class ServiceGenerator
{
    private const string DefaultProtocol = "TCP";
    private const int MaxPortNameLength = 15;

    /// <summary>
    /// The Service exposing <paramref name="source"/> (a Pod, Deployment, ReplicaSet or Service read from the
    /// cluster): its selector (a Deployment's or ReplicaSet's matchLabels, a pod's labels, a Service's selector),
    /// labels, name, namespace and, without <see cref="ServiceOptions.Ports"/>, its ports, unless the options
    /// say otherwise. Bad input is a <see cref="KubeInputException"/>.
    /// </summary>
    public static Service Expose(KubeObject source, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var sourceName = $"{source.Kind ?? source.GetType().Name} '{source.Name}'";

        // As kubectl, the source's selector is only looked at when none is given, so Selector gets around matchExpressions.
        var needSelector = options.Selector is null;
        var (selector, sourcePorts) = source switch
        {
            Pod pod => (pod.Metadata?.Labels, ContainerPorts(pod.Spec)),
            Deployment deployment => (MatchLabels(deployment.Spec?.Selector, sourceName, needSelector, options.Parameter(nameof(ServiceOptions.Selector))), ContainerPorts(deployment.Spec?.Template?.Spec)),
            ReplicaSet replicaSet => (MatchLabels(replicaSet.Spec?.Selector, sourceName, needSelector, options.Parameter(nameof(ServiceOptions.Selector))), ContainerPorts(replicaSet.Spec?.Template?.Spec)),
            Service service => (service.Spec?.Selector, ServicePorts(service.Spec)),
            _ => throw new KubeInputException($"A {source.Kind ?? source.GetType().Name} cannot be exposed. Expose a Pod, Deployment, ReplicaSet or Service, or build the Service from {options.Parameter(nameof(ServiceOptions.Name))}, {options.Parameter(nameof(ServiceOptions.Selector))} and {options.Parameter(nameof(ServiceOptions.Ports))}.", options.Parameter("InputObject")),
        };
        if (needSelector && (selector is null || selector.Count == 0))
        {
            throw new KubeInputException($"The {sourceName} has no labels to select its pods by, so it cannot be exposed as it is. Give {options.Parameter(nameof(ServiceOptions.Selector))}, e.g. @{{app='web'}}.", options.Parameter(nameof(ServiceOptions.Selector)));
        }

        if (options.Ports is not { Count: > 0 } && sourcePorts.Count == 0)
        {
            throw new KubeInputException($"The {sourceName} declares no ports, so there is nothing to expose by default. Give {options.Parameter(nameof(ServiceOptions.Ports))}, e.g. 80.", options.Parameter(nameof(ServiceOptions.Ports)));
        }

        // kubectl cuts a long source name to the 63 characters a Service name may have.
        var name = options.Name ?? Truncate(source.Name);
        return Build(options with
        {
            Name = name,
            Namespace = options.Namespace ?? source.Namespace,
            Selector = options.Selector ?? selector,
            Labels = options.Labels ?? source.Metadata?.Labels,
        }, sourcePorts);
    }

    /// <summary>The Service for <paramref name="options"/> alone: Name, Selector and Ports are required.</summary>
    public static Service Generate(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Selector is null || options.Selector.Count == 0)
        {
            throw new KubeInputException($"A Service needs a selector that picks the pods it sends traffic to. Give {options.Parameter(nameof(ServiceOptions.Selector))}, e.g. @{{app='web'}}.", options.Parameter(nameof(ServiceOptions.Selector)));
        }

        if (options.Ports is not { Count: > 0 })
        {
            throw new KubeInputException($"A Service needs at least one port. Give {options.Parameter(nameof(ServiceOptions.Ports))}, e.g. 80.", options.Parameter(nameof(ServiceOptions.Ports)));
        }

        return Build(options, []);
    }

    private static Service Build(ServiceOptions options, IReadOnlyList<(int Port, string Protocol)> sourcePorts)
    {
        var name = GeneratorInput.ObjectName("services", options.Name, options.Parameter(nameof(ServiceOptions.Name)));
        var targetPort = TargetPort(options.TargetPort, options.Parameter(nameof(ServiceOptions.TargetPort)));
        var protocol = options.Protocol is null
            ? null
            : GeneratorInput.OneOf(options.Protocol, options.Parameter(nameof(ServiceOptions.Protocol)), "protocol", "TCP", "UDP", "SCTP");
        var ports = options.Ports is { Count: > 0 }
            ? options.Ports.Select(port => GeneratorInput.Port(port, options.Parameter(nameof(ServiceOptions.Ports)))).ToList()
            : sourcePorts.Select(port => port.Port).Distinct().ToList();
        var duplicate = ports.GroupBy(port => port).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new KubeInputException($"The port {duplicate.Key} is given more than once. Give each port in {options.Parameter(nameof(ServiceOptions.Ports))} once.", options.Parameter(nameof(ServiceOptions.Ports)));
        }

        // As kubectl: one port stays unnamed, several are port-1, port-2...; a port the source serves over several
        // protocols becomes one entry per protocol, named port-N-tcp, port-N-udp.
        var servicePorts = new List<ServicePort>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var protocols = protocol is not null ? [protocol] : sourcePorts.Where(p => p.Port == port).Select(p => p.Protocol).ToList();
            if (protocols.Count == 0)
            {
                protocols = [DefaultProtocol];
            }

            foreach (var portProtocol in protocols)
            {
                servicePorts.Add(new ServicePort
                {
                    Name = protocols.Count > 1 ? $"port-{i + 1}-{portProtocol.ToLowerInvariant()}" : ports.Count > 1 ? $"port-{i + 1}" : null,
                    Port = port,
                    Protocol = portProtocol,
                    TargetPort = targetPort ?? port,
                });
            }
        }

        return new Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(ServiceOptions.Namespace))),
                Labels = GeneratorInput.Labels(options.Labels, options.Parameter(nameof(ServiceOptions.Labels))),
            },
            Spec = new ServiceSpec
            {
                Ports = servicePorts,
                Selector = GeneratorInput.Labels(options.Selector, options.Parameter(nameof(ServiceOptions.Selector))),
                Type = options.Type is null
                    ? null
                    : GeneratorInput.OneOf(options.Type, options.Parameter(nameof(ServiceOptions.Type)), "service type", "ClusterIP", "NodePort", "LoadBalancer"),
            },
            Status = new ServiceStatus { LoadBalancer = new LoadBalancerStatus() },
        };
    }

    private static Dictionary<string, string>? MatchLabels(LabelSelector? selector, string sourceName, bool needed, string parameter)
    {
        if (needed && selector?.MatchExpressions is { Count: > 0 })
        {
            throw new KubeInputException($"The {sourceName} selects its pods with matchExpressions, which a Service selector (plain key=value pairs) cannot express. Give {parameter} with the labels its pods carry.", parameter);
        }

        return selector?.MatchLabels;
    }

    private static List<(int Port, string Protocol)> ContainerPorts(PodSpec? spec) =>
        (spec?.Containers ?? [])
            .SelectMany(container => container.Ports ?? [])
            .Where(port => port.ContainerPortValue is not null)
            .Select(port => (port.ContainerPortValue!.Value, port.Protocol ?? DefaultProtocol))
            .ToList();

    private static List<(int Port, string Protocol)> ServicePorts(ServiceSpec? spec) =>
        (spec?.Ports ?? [])
            .Where(port => port.Port is not null)
            .Select(port => (port.Port!.Value, port.Protocol ?? DefaultProtocol))
            .ToList();

    private static string? Truncate(string? name) =>
        name is { Length: > NameValidation.DnsLabelMaxLength } ? name[..NameValidation.DnsLabelMaxLength] : name;

    // A number is a port; anything else must be a container port's name (an IANA service name).
    private static IntOrString? TargetPort(string? targetPort, string parameter)
    {
        if (targetPort is null)
        {
            return null;
        }

        if (int.TryParse(targetPort, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return GeneratorInput.Port(number, parameter);
        }

        var problem = targetPort switch
        {
            "" => "it is empty",
            { Length: > MaxPortNameLength } => $"it is longer than {MaxPortNameLength} characters",
            _ when !targetPort.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') => "it may contain only lowercase letters, digits and '-'",
            _ when !targetPort.Any(char.IsAsciiLetterLower) => "it must contain at least one letter",
            _ when targetPort.StartsWith('-') || targetPort.EndsWith('-') || targetPort.Contains("--", StringComparison.Ordinal) => "it may not start or end with '-' or contain '--'",
            _ => null,
        };
        return problem is null
            ? targetPort
            : throw new KubeInputException($"The target port '{targetPort}' is neither a port number nor a valid port name: {problem}. Give a number from 1 to {GeneratorInput.MaxPort} or a container port's name such as 'http'.", parameter);
    }
}

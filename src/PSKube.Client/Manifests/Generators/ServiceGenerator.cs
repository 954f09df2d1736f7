using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// Builds the Services <c>kubectl create service</c> (from a name) and <c>kubectl expose</c> (from an object) build,
/// after checking every option.
/// </summary>
public static class ServiceGenerator
{
    private const string DefaultProtocol = "TCP";
    private const string AppLabel = "app";
    private const string Headless = "None";
    private const string ClusterIPType = "ClusterIP";
    private const string NodePortType = "NodePort";
    private const string LoadBalancerType = "LoadBalancer";
    private const string ExternalNameType = "ExternalName";
    private const int MaxPortNameLength = 15;

    /// <summary>
    /// The Service exposing <paramref name="source"/> (a Pod, Deployment, ReplicaSet or Service read from the
    /// cluster), as <c>kubectl expose</c> builds it: its selector (a Deployment's or ReplicaSet's matchLabels, a pod's
    /// labels, a Service's selector), labels, name and, without <see cref="ServiceOptions.Ports"/>, its ports, unless
    /// the options say otherwise. Its namespace is <see cref="ServiceOptions.Namespace"/> only, as kubectl sets none
    /// without -n. Bad input is a <see cref="KubeInputException"/>.
    /// </summary>
    public static Service Expose(KubeObject source, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var sourceName = $"{source.Kind ?? source.GetType().Name} '{source.Name}'";
        if (options.ExternalName is not null || options.Type == ExternalNameType)
        {
            var parameter = options.Parameter(options.ExternalName is null ? nameof(ServiceOptions.Type) : nameof(ServiceOptions.ExternalName));
            throw new KubeInputException($"An ExternalName Service stands for a DNS name, not for the pods of the {sourceName}. Build it without a source object, from a name and {options.Parameter(nameof(ServiceOptions.ExternalName))}, e.g. db with db.example.com.", parameter);
        }

        // As kubectl, the source's selector is only looked at when none is given, so Selector gets around matchExpressions.
        var needSelector = options.Selector is null;
        var (selector, sourcePorts) = source switch
        {
            Pod pod => (pod.Metadata?.Labels, ContainerPorts(pod.Spec)),
            Deployment deployment => (MatchLabels(deployment.Spec?.Selector, sourceName, needSelector, options.Parameter(nameof(ServiceOptions.Selector))), ContainerPorts(deployment.Spec?.Template?.Spec)),
            ReplicaSet replicaSet => (MatchLabels(replicaSet.Spec?.Selector, sourceName, needSelector, options.Parameter(nameof(ServiceOptions.Selector))), ContainerPorts(replicaSet.Spec?.Template?.Spec)),
            Service service => (service.Spec?.Selector, ServicePorts(service.Spec)),
            _ => throw new KubeInputException($"A {source.Kind ?? source.GetType().Name} cannot be exposed. Expose a Pod, Deployment, ReplicaSet or Service, or build the Service from {options.Parameter(nameof(ServiceOptions.Name))} and {options.Parameter(nameof(ServiceOptions.Ports))}.", options.Parameter("InputObject")),
        };
        if (needSelector && (selector is null || selector.Count == 0))
        {
            throw new KubeInputException($"The {sourceName} has no labels to select its pods by, so it cannot be exposed as it is. Give {options.Parameter(nameof(ServiceOptions.Selector))}, e.g. @{{app='web'}}.", options.Parameter(nameof(ServiceOptions.Selector)));
        }

        // A headless Service needs no ports: kubectl expose --cluster-ip None takes a source without any.
        if (options.Ports is not { Count: > 0 } && sourcePorts.Count == 0 && options.ClusterIP != Headless)
        {
            throw new KubeInputException($"The {sourceName} declares no ports, so there is nothing to expose by default. Give {options.Parameter(nameof(ServiceOptions.Ports))}, e.g. 80, or {options.Parameter(nameof(ServiceOptions.ClusterIP))} None for a headless Service.", options.Parameter(nameof(ServiceOptions.Ports)));
        }

        // kubectl cuts a long source name to the 63 characters a Service name may have.
        var name = GeneratorInput.ObjectName("services", options.Name ?? Truncate(source.Name), options.Parameter(nameof(ServiceOptions.Name)));
        var type = options.Type ?? (options.NodePort is null ? null : NodePortType);
        if (type is not null)
        {
            GeneratorInput.OneOf(type, options.Parameter(nameof(ServiceOptions.Type)), "service type to expose pods by", ClusterIPType, NodePortType, LoadBalancerType);
        }

        var ports = options.Ports is { Count: > 0 }
            ? options.Ports.Select(entry => PortEntry(entry, options)).ToList()
            : sourcePorts.Select(port => port.Port).Distinct().Select(port => new Entry(port, null, null)).ToList();
        CheckDistinct(ports, options);
        var targetPort = TargetPort(options.TargetPort, options.Parameter(nameof(ServiceOptions.TargetPort)));
        var protocol = Protocol(options);

        // As kubectl: one port stays unnamed, several are port-1, port-2...; a port the source serves over several
        // protocols becomes one entry per protocol, named port-N-tcp, port-N-udp.
        var servicePorts = new List<ServicePort>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var protocols = protocol is not null ? [protocol] : sourcePorts.Where(p => p.Port == port.Port).Select(p => p.Protocol).ToList();
            if (protocols.Count == 0)
            {
                protocols = [DefaultProtocol];
            }

            foreach (var portProtocol in protocols)
            {
                servicePorts.Add(new ServicePort
                {
                    Name = protocols.Count > 1 ? $"port-{i + 1}-{portProtocol.ToLowerInvariant()}" : ports.Count > 1 ? $"port-{i + 1}" : null,
                    Port = port.Port,
                    Protocol = portProtocol,
                    TargetPort = port.Target ?? targetPort ?? port.Port,
                });
            }
        }

        return Service(
            options,
            name,
            GeneratorInput.Labels(options.Labels ?? source.Metadata?.Labels, options.Parameter(nameof(ServiceOptions.Labels))),
            GeneratorInput.Labels(options.Selector ?? selector, options.Parameter(nameof(ServiceOptions.Selector))),
            type,
            servicePorts);
    }

    /// <summary>
    /// The Service for <paramref name="options"/> alone, as <c>kubectl create service TYPE NAME</c> builds it: label
    /// and selector <c>app=NAME</c> unless given, the type set (from ExternalName or NodePort when not given, else
    /// ClusterIP), each port named after its <c>PORT[:TARGET]</c> text with '-' for ':'. Ports are required unless
    /// the Service is headless (ClusterIP None) or an ExternalName.
    /// </summary>
    public static Service Generate(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("services", options.Name, options.Parameter(nameof(ServiceOptions.Name)));
        var type = GeneratorInput.OneOf(
            options.Type ?? (options.ExternalName is not null ? ExternalNameType : options.NodePort is not null ? NodePortType : ClusterIPType),
            options.Parameter(nameof(ServiceOptions.Type)), "service type", ClusterIPType, NodePortType, LoadBalancerType, ExternalNameType);
        if (type == ExternalNameType && string.IsNullOrEmpty(options.ExternalName))
        {
            throw new KubeInputException($"An ExternalName Service needs the DNS name it stands for. Give {options.Parameter(nameof(ServiceOptions.ExternalName))}, e.g. db.example.com.", options.Parameter(nameof(ServiceOptions.ExternalName)));
        }

        if (options.ExternalName is not null && type != ExternalNameType)
        {
            throw new KubeInputException($"{options.Parameter(nameof(ServiceOptions.ExternalName))} makes an ExternalName Service, not a {type} one. Leave out {options.Parameter(nameof(ServiceOptions.Type))} or {options.Parameter(nameof(ServiceOptions.ExternalName))}.", options.Parameter(nameof(ServiceOptions.ExternalName)));
        }

        if (options.Ports is not { Count: > 0 } && options.ClusterIP != Headless && type != ExternalNameType)
        {
            throw new KubeInputException($"A {type} Service needs at least one port. Give {options.Parameter(nameof(ServiceOptions.Ports))}, e.g. 80 or 80:8080 (port:target port), or {options.Parameter(nameof(ServiceOptions.ClusterIP))} None for a headless Service.", options.Parameter(nameof(ServiceOptions.Ports)));
        }

        var ports = (options.Ports ?? []).Select(entry => PortEntry(entry, options)).ToList();
        CheckDistinct(ports, options);
        var targetPort = TargetPort(options.TargetPort, options.Parameter(nameof(ServiceOptions.TargetPort)));
        var protocol = Protocol(options) ?? DefaultProtocol;
        var servicePorts = ports.Select(port =>
        {
            // -Port 80 -TargetPort 8080 is --tcp 80:8080, named so.
            var target = port.Target ?? targetPort;
            return new ServicePort
            {
                Name = port.Target is null && target is not null ? $"{port.Text}-{options.TargetPort}" : port.Text!.Replace(':', '-'),
                Port = port.Port,
                Protocol = protocol,
                TargetPort = target ?? port.Port,
            };
        }).ToList();
        var app = new Dictionary<string, string>(StringComparer.Ordinal) { [AppLabel] = name };
        return Service(
            options,
            name,
            GeneratorInput.Labels(options.Labels ?? app, options.Parameter(nameof(ServiceOptions.Labels))),
            GeneratorInput.Labels(options.Selector ?? app, options.Parameter(nameof(ServiceOptions.Selector))),
            type,
            servicePorts);
    }

    private static Service Service(ServiceOptions options, string name, Dictionary<string, string>? labels, Dictionary<string, string>? selector, string? type, List<ServicePort> ports)
    {
        var clusterIP = ClusterIP(options, type);
        var nodePort = NodePort(options, type, ports);
        foreach (var port in ports)
        {
            port.NodePort = nodePort;
        }

        return new Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(ServiceOptions.Namespace))),
                Labels = labels,
            },
            Spec = new ServiceSpec
            {
                Ports = ports.Count == 0 ? null : ports,
                Selector = selector,
                Type = type,
                ClusterIP = clusterIP,
                ExternalName = type == ExternalNameType ? ExternalName(options) : null,
            },
            Status = new ServiceStatus { LoadBalancer = new LoadBalancerStatus() },
        };
    }

    private static string? Protocol(ServiceOptions options) =>
        options.Protocol is null
            ? null
            : GeneratorInput.OneOf(options.Protocol, options.Parameter(nameof(ServiceOptions.Protocol)), "protocol", "TCP", "UDP", "SCTP");

    // kubectl create service checks the name as a DNS-1123 subdomain; the API server would refuse anything else.
    private static string ExternalName(ServiceOptions options)
    {
        var externalName = options.ExternalName!;
        var errors = NameValidation.ValidateDns1123Subdomain(externalName);
        return errors.Count == 0
            ? externalName
            : throw new KubeInputException($"'{externalName}' is not a valid external name: {string.Join("; ", errors)}. Give {options.Parameter(nameof(ServiceOptions.ExternalName))} a DNS name in lower case, e.g. db.example.com.", options.Parameter(nameof(ServiceOptions.ExternalName)));
    }

    private static string? ClusterIP(ServiceOptions options, string? type)
    {
        var parameter = options.Parameter(nameof(ServiceOptions.ClusterIP));
        switch (options.ClusterIP)
        {
            case null:
                return null;
            case Headless when type is null or ClusterIPType:
                return Headless;
            case Headless:
                throw new KubeInputException($"A {type} Service cannot be headless: {parameter} None can only be used with a ClusterIP Service. Leave out {options.Parameter(nameof(ServiceOptions.Type))} or {parameter}.", parameter);
            case var _ when type == ExternalNameType:
                throw new KubeInputException($"An ExternalName Service has no cluster IP. Leave out {parameter}.", parameter);
            case var address when IsIPAddress(address):
                return address;
            default:
                throw new KubeInputException($"'{options.ClusterIP}' is not an IP address. Give {parameter} an address from the cluster's service range, e.g. 10.96.0.50, or None for a headless Service; leave it out to let the cluster choose.", parameter);
        }
    }

    private static int? NodePort(ServiceOptions options, string? type, List<ServicePort> ports)
    {
        if (options.NodePort is not { } nodePort)
        {
            return null;
        }

        var parameter = options.Parameter(nameof(ServiceOptions.NodePort));
        if (type is not (NodePortType or LoadBalancerType))
        {
            throw new KubeInputException($"A node port is for NodePort and LoadBalancer Services, not {type ?? ClusterIPType} ones. Give {options.Parameter(nameof(ServiceOptions.Type))} NodePort, or leave out {parameter}.", parameter);
        }

        // The API server refuses one node port on several ports of the same protocol.
        if (ports.Select(port => port.Port).Distinct().Count() != 1)
        {
            throw new KubeInputException($"{parameter} sets the node port of one Service port, but there are {ports.Count}. Give one port, or leave out {parameter} to let the cluster choose a node port for each.", parameter);
        }

        return GeneratorInput.Port(nodePort, parameter);
    }

    private static bool IsIPAddress(string text) =>
        IPAddress.TryParse(text, out var address) &&
        (address.AddressFamily == AddressFamily.InterNetworkV6
            ? text.Contains(':', StringComparison.Ordinal)
            : text.Split('.') is { Length: 4 } parts && parts.All(part => part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit)));

    private static void CheckDistinct(List<Entry> ports, ServiceOptions options)
    {
        var duplicate = ports.GroupBy(port => port.Port).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new KubeInputException($"The port {duplicate.Key} is given more than once. Give each port in {options.Parameter(nameof(ServiceOptions.Ports))} once.", options.Parameter(nameof(ServiceOptions.Ports)));
        }
    }

    // PORT or PORT:TARGET, as kubectl create service --tcp takes them.
    private static Entry PortEntry(string entry, ServiceOptions options)
    {
        var parameter = options.Parameter(nameof(ServiceOptions.Ports));
        var parts = (entry ?? string.Empty).Split(':');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new KubeInputException($"'{entry}' is not a port. Give each of {parameter} as PORT or PORT:TARGET, the target a port number or a container port's name, e.g. 80, 80:8080 or 443:https.", parameter);
        }

        return new Entry(GeneratorInput.Port(port, parameter), parts.Length == 2 ? TargetPort(parts[1], parameter) : null, entry);
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

    // One port as given: its number, its own target port if any, and its text (create service names the port after it).
    private sealed record Entry(int Port, IntOrString? Target, string? Text);
}

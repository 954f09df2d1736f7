using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>One container as describe shows it: image, ports, command, state, resources, probes, environment, mounts.</summary>
public sealed class ContainerDescription
{
    private readonly Pod? _pod;

    private ContainerDescription(Container container, ContainerStatus? status, Pod? pod)
    {
        Spec = container;
        Status = status;
        _pod = pod;
        Limits = Sorted(container.Resources?.Limits);
        Requests = Sorted(container.Resources?.Requests);
        Environment = (container.Env ?? []).Select(v => $"{v.Name}: {ValueText(v).Replace("\t", " ", StringComparison.Ordinal)}").ToList();
        Mounts = (container.VolumeMounts ?? []).OrderBy(m => m.MountPath ?? "", StringComparer.Ordinal).Select(MountText).ToList();
    }

    /// <summary>The container as the pod (or template) specifies it.</summary>
    public Container Spec { get; }

    /// <summary>Its status in the pod; null in a template, or before the kubelet reports it.</summary>
    public ContainerStatus? Status { get; }

    public string? Name => Spec.Name;

    public string? Image => Spec.Image;

    public string? ContainerId => Status?.ContainerID;

    public string? ImageId => Status?.ImageID;

    /// <summary>The container ports as <c>80/TCP</c>.</summary>
    public IReadOnlyList<string> Ports => (Spec.Ports ?? []).Select(p => $"{p.ContainerPortValue ?? 0}/{p.Protocol}").ToList();

    /// <summary>The host ports as <c>0/TCP</c> (0 when the port is not on the host).</summary>
    public IReadOnlyList<string> HostPorts => (Spec.Ports ?? []).Select(p => $"{p.HostPort ?? 0}/{p.Protocol}").ToList();

    public IReadOnlyList<string> Command => Spec.Command ?? [];

    public IReadOnlyList<string> Args => Spec.Args ?? [];

    /// <summary>Running, Waiting or Terminated; null in a template.</summary>
    public string? State => Status is null ? null : StateName(Status.State);

    /// <summary>Why the container waits or ended (CrashLoopBackOff, Completed...).</summary>
    public string? Reason => Status?.State?.Waiting?.Reason ?? Status?.State?.Terminated?.Reason;

    public bool? Ready => Status is null ? null : Status.Ready == true;

    public int? RestartCount => Status is null ? null : Status.RestartCount ?? 0;

    /// <summary>Resource limits by resource name (cpu, memory...), sorted.</summary>
    public IReadOnlyDictionary<string, string> Limits { get; }

    /// <summary>Resource requests by resource name, sorted.</summary>
    public IReadOnlyDictionary<string, string> Requests { get; }

    /// <summary>The liveness probe as describe writes it; null without one.</summary>
    public string? Liveness => Spec.LivenessProbe is { } probe ? DescribeText.Probe(probe) : null;

    public string? Readiness => Spec.ReadinessProbe is { } probe ? DescribeText.Probe(probe) : null;

    public string? Startup => Spec.StartupProbe is { } probe ? DescribeText.Probe(probe) : null;

    /// <summary>The environment variables as <c>NAME: value</c> or where the value comes from (never a secret's value).</summary>
    public IReadOnlyList<string> Environment { get; }

    /// <summary>The volume mounts as <c>/data from cache (rw)</c>, by path.</summary>
    public IReadOnlyList<string> Mounts { get; }

    /// <param name="pod">The pod the containers run in, whose fields environment variables may take; null in a template.</param>
    internal static IReadOnlyList<ContainerDescription> Of(IEnumerable<Container>? containers, IEnumerable<ContainerStatus>? statuses, Pod? pod)
    {
        var byName = (statuses ?? []).Where(s => s.Name is not null).GroupBy(s => s.Name!).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return (containers ?? []).Select(c => new ContainerDescription(c, c.Name is { } name && byName.TryGetValue(name, out var status) ? status : null, pod)).ToList();
    }

    /// <summary>Writes a list of containers under its title (Containers, Init Containers), nested by <paramref name="space"/> in a template.</summary>
    internal static void Write(DescriptionWriter w, string title, IReadOnlyList<ContainerDescription> containers, string space)
    {
        w.Line(0, $"{space}{title}:{(containers.Count == 0 ? " " + DescribeText.None : "")}");
        foreach (var container in containers)
        {
            container.Write(w, space);
        }
    }

    private void Write(DescriptionWriter w, string space)
    {
        w.Line(1, (space.Length > 0 ? " " : "") + Name + ":");
        if (Status is not null)
        {
            w.Field(2, "Container ID", ContainerId);
        }
        w.Field(2, "Image", Image);
        if (Status is not null)
        {
            w.Field(2, "Image ID", ImageId);
        }
        var ports = string.Join(", ", Ports);
        w.Field(2, ports.Contains(',', StringComparison.Ordinal) ? "Ports" : "Port", ports.Length == 0 ? DescribeText.None : ports);
        var hostPorts = string.Join(", ", HostPorts);
        w.Field(2, hostPorts.Contains(',', StringComparison.Ordinal) ? "Host Ports" : "Host Port", hostPorts.Length == 0 ? DescribeText.None : hostPorts);
        if (Spec.SecurityContext?.SeccompProfile is { } seccomp)
        {
            w.Field(2, "SeccompProfile", seccomp.Type);
            if (seccomp.Type == "Localhost")
            {
                w.Field(3, "LocalhostProfile", seccomp.LocalhostProfile);
            }
        }
        WriteLines(w, "Command", Command);
        WriteLines(w, "Args", Args);
        if (Status is not null)
        {
            WriteState(w, "State", Status.State);
            if (Status.LastState?.Terminated is not null)
            {
                WriteState(w, "Last State", Status.LastState);
            }
            w.Field(2, "Ready", DescribeText.Bool(Status.Ready));
            w.Field(2, "Restart Count", Status.RestartCount ?? 0);
        }
        WriteResources(w, 2, Limits, Requests);
        if (Liveness is { } liveness)
        {
            w.Field(2, "Liveness", liveness);
        }
        if (Readiness is { } readiness)
        {
            w.Field(2, "Readiness", readiness);
        }
        if (Startup is { } startup)
        {
            w.Field(2, "Startup", startup);
        }
        if (Spec.EnvFrom is { Count: > 0 } envFrom)
        {
            w.Line(2, "Environment Variables from:");
            foreach (var source in envFrom)
            {
                var (from, name, optional) = source.ConfigMapRef is { } configMap ? ("ConfigMap", configMap.Name, configMap.Optional == true)
                    : source.SecretRef is { } secret ? ("Secret", secret.Name, secret.Optional == true) : ("", "", false);
                var prefix = string.IsNullOrEmpty(source.Prefix) ? "" : $" with prefix '{source.Prefix}'";
                w.Line(3, $"{name}\t{from}{prefix}\tOptional: {(optional ? "true" : "false")}");
            }
        }
        w.Line(2, "Environment:" + (Spec.Env is { Count: > 0 } ? "" : "\t" + DescribeText.None));
        foreach (var variable in Spec.Env ?? [])
        {
            WriteVariable(w, variable);
        }
        w.Line(2, "Mounts:" + (Mounts.Count > 0 ? "" : "\t" + DescribeText.None));
        foreach (var mount in Mounts)
        {
            w.Line(3, mount);
        }
        if (Spec.VolumeDevices is { Count: > 0 } devices)
        {
            w.Line(2, "Devices:" + (Mounts.Count > 0 ? "" : "\t" + DescribeText.None));
            foreach (var device in devices.OrderBy(d => d.DevicePath ?? "", StringComparer.Ordinal))
            {
                w.Line(3, $"{device.DevicePath} from {device.Name}");
            }
        }
    }

    /// <summary>Limits then requests, each resource on its own line (containers, and a pod's own resources).</summary>
    internal static void WriteResources(DescriptionWriter w, int level, IReadOnlyDictionary<string, string> limits, IReadOnlyDictionary<string, string> requests)
    {
        if (limits.Count > 0)
        {
            w.Line(level, "Limits:");
        }
        foreach (var (name, quantity) in limits)
        {
            w.Field(level + 1, name, quantity);
        }
        if (requests.Count > 0)
        {
            w.Line(level, "Requests:");
        }
        foreach (var (name, quantity) in requests)
        {
            w.Field(level + 1, name, quantity);
        }
    }

    private static void WriteLines(DescriptionWriter w, string title, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        w.Line(2, title + ":");
        foreach (var line in values.SelectMany(v => v.Split('\n')))
        {
            w.Line(3, line);
        }
    }

    private static void WriteState(DescriptionWriter w, string title, ContainerState? state)
    {
        w.Field(2, title, StateName(state));
        if (state?.Running is { } running)
        {
            w.Field(3, "Started", DescribeText.Time(running.StartedAt));
        }
        else if (state?.Waiting is { } waiting)
        {
            if (!string.IsNullOrEmpty(waiting.Reason))
            {
                w.Field(3, "Reason", waiting.Reason);
            }
        }
        else if (state?.Terminated is { } terminated)
        {
            if (!string.IsNullOrEmpty(terminated.Reason))
            {
                w.Field(3, "Reason", terminated.Reason);
            }
            if (!string.IsNullOrEmpty(terminated.Message))
            {
                w.Field(3, "Message", terminated.Message);
            }
            w.Field(3, "Exit Code", terminated.ExitCode ?? 0);
            if (terminated.Signal > 0)
            {
                w.Field(3, "Signal", terminated.Signal);
            }
            w.Field(3, "Started", DescribeText.Time(terminated.StartedAt));
            w.Field(3, "Finished", DescribeText.Time(terminated.FinishedAt));
        }
    }

    private static string StateName(ContainerState? state) =>
        state?.Running is not null ? "Running" : state?.Terminated is not null ? "Terminated" : "Waiting";

    private void WriteVariable(DescriptionWriter w, EnvVar variable)
    {
        if (variable.ValueFrom is null)
        {
            var lines = (variable.Value ?? "").Split('\n');
            w.Line(3, $"{variable.Name}:\t{lines[0]}");
            foreach (var line in lines.Skip(1))
            {
                w.Line(3, "\t" + line);
            }
            return;
        }
        w.Line(3, $"{variable.Name}:\t{ValueText(variable)}");
    }

    // A value, or where it comes from: a field of the pod (resolved in a pod, empty in a template), the container's
    // resources, or a key of a secret or config map (never the secret's value).
    private string ValueText(EnvVar variable) => variable.ValueFrom switch
    {
        null => variable.Value ?? "",
        { FieldRef: { } field } => $"{(_pod is null ? "" : PodField(_pod, field.FieldPath ?? ""))} ({field.ApiVersion}:{field.FieldPath})",
        { ResourceFieldRef: { } resource } => $"{ResourceValue(resource.Resource ?? "")} ({resource.Resource})",
        { SecretKeyRef: { } secret } => $"<set to the key '{secret.Key}' in secret '{secret.Name}'>\tOptional: {(secret.Optional == true ? "true" : "false")}",
        { ConfigMapKeyRef: { } configMap } => $"<set to the key '{configMap.Key}' of config map '{configMap.Name}'>\tOptional: {(configMap.Optional == true ? "true" : "false")}",
        _ => "",
    };

    private static string PodField(Pod pod, string path)
    {
        static string? Key(string path, string prefix) =>
            path.StartsWith(prefix + "['", StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal) ? path[(prefix.Length + 2)..^2] : null;
        if (Key(path, "metadata.labels") is { } label)
        {
            return pod.Metadata?.Labels?.GetValueOrDefault(label) ?? "";
        }
        if (Key(path, "metadata.annotations") is { } annotation)
        {
            return pod.Metadata?.Annotations?.GetValueOrDefault(annotation) ?? "";
        }
        return path switch
        {
            "metadata.name" => pod.Name,
            "metadata.namespace" => pod.Namespace,
            "metadata.uid" => pod.Metadata?.Uid,
            "spec.nodeName" => pod.Spec?.NodeName,
            "spec.serviceAccountName" => pod.Spec?.ServiceAccountName,
            "status.hostIP" => pod.PodStatus?.HostIP,
            "status.podIP" => pod.PodStatus?.PodIP,
            "status.podIPs" => string.Join(',', (pod.PodStatus?.PodIPs ?? []).Select(ip => ip.Ip)),
            _ => null,
        } ?? "";
    }

    // A resource field in whole units (cores rounded up, bytes); an unset limit is the node's allocatable.
    private string ResourceValue(string resource)
    {
        var (kind, name) = resource.Split('.', 2) switch { [var k, var n] => (k, n), _ => ("", resource) };
        var quantity = (kind == "limits" ? Limits : Requests).GetValueOrDefault(name);
        if (quantity is null)
        {
            return kind == "limits" && name is "cpu" or "memory" ? "node allocatable" : "0";
        }
        return Metrics.UsageQuantity.Units(quantity).ToString(CultureInfo.InvariantCulture);
    }

    private static string MountText(VolumeMount mount)
    {
        var flags = new List<string> { mount.ReadOnly == true ? "ro" : "rw" };
        if (!string.IsNullOrEmpty(mount.SubPath))
        {
            flags.Add($"path=\"{mount.SubPath}\"");
        }
        return $"{mount.MountPath} from {mount.Name} ({string.Join(',', flags)})";
    }

    private static SortedDictionary<string, string> Sorted(Dictionary<string, string>? resources) =>
        new(resources ?? [], StringComparer.Ordinal);
}

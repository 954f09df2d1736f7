using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the Pod <c>kubectl run</c> builds, after checking every option.</summary>
public static class PodGenerator
{
    private const string RunLabel = "run";

    /// <summary>The Pod for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static Pod Generate(PodOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("pods", options.Name, options.Parameter(nameof(PodOptions.Name)));
        var container = new Container
        {
            Name = GeneratorInput.ContainerName(name, options.Parameter(nameof(PodOptions.Name)), "kubectl run names the container after the pod"),
            Image = GeneratorInput.Image(options.Image, options.Parameter(nameof(PodOptions.Image))),
            Env = GeneratorInput.Env(options.Env, options.Parameter(nameof(PodOptions.Env))),
            Resources = GeneratorInput.Resources(options.Requests, options.Parameter(nameof(PodOptions.Requests)), options.Limits, options.Parameter(nameof(PodOptions.Limits))),
            ImagePullPolicy = options.ImagePullPolicy is null
                ? null
                : GeneratorInput.OneOf(options.ImagePullPolicy, options.Parameter(nameof(PodOptions.ImagePullPolicy)), "image pull policy", "Always", "IfNotPresent", "Never"),
        };
        if (options.Privileged)
        {
            container.SecurityContext = new SecurityContext { Privileged = true };
        }

        if (options.Port is { } port)
        {
            container.Ports = [new ContainerPort { ContainerPortValue = GeneratorInput.Port(port, options.Parameter(nameof(PodOptions.Port))) }];
        }

        var words = GeneratorInput.Words(options.Arguments, options.Parameter(nameof(PodOptions.Arguments)));
        if (options.ArgumentsAreCommand)
        {
            container.Command = words;
        }
        else
        {
            container.Args = words;
        }

        var pod = new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(PodOptions.Namespace))),
                Labels = GeneratorInput.Labels(options.Labels, options.Parameter(nameof(PodOptions.Labels))) ?? DefaultLabels(name),
                Annotations = GeneratorInput.Annotations(options.Annotations, options.Parameter(nameof(PodOptions.Annotations))),
            },
            Spec = new PodSpec
            {
                Containers = [container],
                RestartPolicy = GeneratorInput.OneOf(options.RestartPolicy, options.Parameter(nameof(PodOptions.RestartPolicy)), "restart policy", "Always", "OnFailure", "Never"),
                DnsPolicy = "ClusterFirst",
            },
            PodStatus = new PodStatus(),
        };

        // As kubectl: the overrides go over the generated pod, then -n sets the namespace.
        pod = GeneratorOverrides.Apply(pod, options.Overrides, options.Parameter(nameof(PodOptions.Overrides)));
        if (options.Namespace is not null)
        {
            pod.Metadata ??= new ObjectMeta();
            pod.Metadata.Namespace = options.Namespace;
        }

        return pod;
    }

    // The container check above already keeps the name within what a label value allows.
    private static Dictionary<string, string> DefaultLabels(string name) =>
        new(StringComparer.Ordinal) { [RunLabel] = name };
}

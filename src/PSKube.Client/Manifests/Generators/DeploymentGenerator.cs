using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the Deployment <c>kubectl create deployment</c> builds, after checking every option.</summary>
public static class DeploymentGenerator
{
    private const string AppLabel = "app";

    /// <summary>The Deployment for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static Deployment Generate(DeploymentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("deployments", options.Name, options.Parameter(nameof(DeploymentOptions.Name)));
        var imageParameter = options.Parameter(nameof(DeploymentOptions.Images));
        var images = options.Images is { Count: > 0 } ? options.Images : [null!];
        var replicas = GeneratorInput.NotNegative<int>(options.Replicas, options.Parameter(nameof(DeploymentOptions.Replicas)));
        if (NameValidation.ValidateLabelValue(name).Count > 0)
        {
            throw new KubeInputException(
                $"The name '{name}' is too long for the label app={name} that selects the Deployment's pods (label values have at most {NameValidation.LabelValueMaxLength} characters). Give a shorter {options.Parameter(nameof(DeploymentOptions.Name))}.",
                options.Parameter(nameof(DeploymentOptions.Name)));
        }

        if (images.Count > 1 && options.Command is { Count: > 0 })
        {
            throw new KubeInputException(
                $"A command cannot go with several images (kubectl refuses it too): each container would get it. Give one {imageParameter}, or leave out the command.",
                options.Parameter(nameof(DeploymentOptions.Command)));
        }

        if (images.Count > 1 && options.ContainerName is not null)
        {
            throw new KubeInputException(
                $"{options.Parameter(nameof(DeploymentOptions.ContainerName))} names the container of a single image, but {imageParameter} gives {images.Count}. Leave it out: each container is named after its image.",
                options.Parameter(nameof(DeploymentOptions.ContainerName)));
        }

        var containers = new List<Container>(images.Count);
        foreach (var given in images)
        {
            var image = GeneratorInput.Image(given, imageParameter);
            var containerName = options.ContainerName is null
                ? GeneratorInput.ContainerName(ContainerNameFromImage(image), imageParameter, $"made from the image '{image}'",
                    $"Give {imageParameter} an image whose last path segment, without tag, makes a container name, or give {options.Parameter(nameof(DeploymentOptions.ContainerName))}.")
                : GeneratorInput.ContainerName(options.ContainerName, options.Parameter(nameof(DeploymentOptions.ContainerName)), "given");
            if (containers.FirstOrDefault(container => container.Name == containerName) is { } same)
            {
                throw new KubeInputException(
                    $"The images '{same.Image}' and '{image}' both make the container name '{containerName}', and a pod's containers need different names. Give each image once, or create the Deployment with one image and add containers with a manifest.",
                    imageParameter);
            }

            containers.Add(new Container
            {
                Name = containerName,
                Image = image,
                Command = GeneratorInput.Words(options.Command, options.Parameter(nameof(DeploymentOptions.Command))),
                Resources = new ResourceRequirements(),
            });
        }

        if (options.Port is { } port)
        {
            containers[0].Ports = [new ContainerPort { ContainerPortValue = GeneratorInput.Port(port, options.Parameter(nameof(DeploymentOptions.Port))) }];
        }

        return new Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(DeploymentOptions.Namespace))),
                Labels = Labels(name),
            },
            Spec = new DeploymentSpec
            {
                Replicas = replicas,
                Selector = new LabelSelector { MatchLabels = Labels(name) },
                Template = new PodTemplateSpec
                {
                    Metadata = new ObjectMeta { Labels = Labels(name) },
                    Spec = new PodSpec { Containers = containers },
                },
                Strategy = new DeploymentStrategy(),
            },
            Status = new DeploymentStatus(),
        };
    }

    /// <summary>
    /// kubectl's container name for an image: the last path segment without tag or digest; '_' and '.' become '-'
    /// and then a random suffix keeps names unique.
    /// </summary>
    public static string ContainerNameFromImage(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var name = image[(image.LastIndexOf('/') + 1)..];
        name = name.Split(':')[0].Split('@')[0];
        return name.AsSpan().IndexOfAny('_', '.') < 0
            ? name
            : name.Replace('_', '-').Replace('.', '-') + "-" + RandomSuffix.Next();
    }

    private static Dictionary<string, string> Labels(string name) => new(StringComparer.Ordinal) { [AppLabel] = name };
}

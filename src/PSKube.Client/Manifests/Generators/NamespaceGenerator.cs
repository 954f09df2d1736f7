using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the Namespace <c>kubectl create namespace NAME</c> builds, after checking the name and labels.</summary>
public static class NamespaceGenerator
{
    /// <summary>
    /// The Namespace named <paramref name="name"/>, with <paramref name="labels"/> (kubectl create namespace has no
    /// flag for them); bad input is a <see cref="KubeInputException"/> naming <paramref name="nameParameter"/> or
    /// <paramref name="labelsParameter"/>.
    /// </summary>
    public static Namespace Generate(string? name, IReadOnlyDictionary<string, string>? labels = null, string nameParameter = "Name", string labelsParameter = "Labels") =>
        new()
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new ObjectMeta
            {
                Name = GeneratorInput.ObjectName("namespaces", name, nameParameter),
                Labels = GeneratorInput.Labels(labels, labelsParameter),
            },
            Spec = new NamespaceSpec(),
            NamespaceStatus = new NamespaceStatus(),
        };
}

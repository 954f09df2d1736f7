using PSKube.Client.Models;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the ServiceAccount <c>kubectl create serviceaccount</c> builds, after checking the name.</summary>
public static class ServiceAccountGenerator
{
    /// <summary>The ServiceAccount for <paramref name="options"/>; bad input is a <see cref="Validation.KubeInputException"/>.</summary>
    public static ServiceAccount Generate(ServiceAccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = new ObjectMeta
            {
                Name = GeneratorInput.ObjectName("serviceaccounts", options.Name, options.Parameter(nameof(ServiceAccountOptions.Name))),
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(ServiceAccountOptions.Namespace))),
            },
        };
    }
}

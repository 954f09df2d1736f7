using PSKube.Client.Models;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the ConfigMaps <c>kubectl create configmap</c> builds; bad input is a <see cref="Validation.KubeInputException"/>.</summary>
public static class ConfigMapGenerator
{
    /// <summary>The ConfigMap for <paramref name="options"/>: text under data, files that are not UTF-8 under binaryData.</summary>
    public static ConfigMap Generate(ConfigMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nameParameter = options.Parameter(nameof(ConfigMapOptions.Name));
        GeneratorInput.ObjectName("configmaps", options.Name, nameParameter);
        var @namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(ConfigMapOptions.Namespace)));
        var sources = KeySources.Read(options, "ConfigMap", filesAsBytes: false);
        var name = options.AppendHash ? options.Name + "-" + NameHash.ConfigMap(options.Name, sources.Text, sources.Binary) : options.Name;
        return new ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new ObjectMeta
            {
                Name = GeneratorInput.ObjectName("configmaps", name, nameParameter),
                Namespace = @namespace,
            },
            Data = sources.Text.Count == 0 ? null : sources.Text,
            BinaryData = sources.Binary.Count == 0 ? null : sources.Binary.ToDictionary(pair => pair.Key, pair => Convert.ToBase64String(pair.Value), StringComparer.Ordinal),
        };
    }
}

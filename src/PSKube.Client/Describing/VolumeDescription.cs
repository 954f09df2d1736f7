using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>One volume of a pod or template: its name, what kind of volume it is, and that kind's settings.</summary>
public sealed class VolumeDescription
{
    private readonly IReadOnlyList<(string Name, string Value)> _settings;

    private VolumeDescription(Volume volume, string type, IReadOnlyList<(string Name, string Value)> settings, IReadOnlyList<string>? items = null)
    {
        Spec = volume;
        Type = type;
        Settings = settings.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        Items = items ?? [];
        _settings = settings;
    }

    public Volume Spec { get; }

    public string? Name => Spec.Name;

    /// <summary>The kind of volume as describe names it: EmptyDir, ConfigMap, Secret, PersistentVolumeClaim, Projected...</summary>
    public string Type { get; }

    /// <summary>The settings describe lists for the kind (Medium, SecretName, ClaimName...).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>What a downward API volume holds, as <c>metadata.labels -&gt; labels</c>.</summary>
    public IReadOnlyList<string> Items { get; }

    internal static IReadOnlyList<VolumeDescription> Of(IEnumerable<Volume>? volumes) => (volumes ?? []).Select(Describe).ToList();

    internal static void Write(DescriptionWriter w, IReadOnlyList<VolumeDescription> volumes, string space)
    {
        if (volumes.Count == 0)
        {
            w.Field(0, space + "Volumes", DescribeText.None);
            return;
        }
        w.Line(0, space + "Volumes:");
        foreach (var volume in volumes)
        {
            w.Line(1, (space.Length > 0 ? " " : "") + volume.Name + ":");
            if (volume.Type.Length == 0)
            {
                w.Line(1, "<unknown>");
                continue;
            }
            foreach (var (name, value) in volume._settings)
            {
                w.Field(2, name, value);
            }
            if (volume.Type == "DownwardAPI")
            {
                w.Line(2, "Items:");
                foreach (var item in volume.Items)
                {
                    w.Line(3, item);
                }
            }
        }
    }

    private static string Optional(bool? optional) => optional == true ? "true" : "false";

    private static VolumeDescription Describe(Volume volume)
    {
        (string, string)[] settings;
        string type;
        List<string>? items = null;
        switch (volume)
        {
            case { HostPath: { } hostPath }:
                type = "HostPath";
                settings = [("Type", "HostPath (bare host directory volume)"), ("Path", hostPath.Path ?? ""), ("HostPathType", hostPath.Type ?? DescribeText.None)];
                break;
            case { EmptyDir: { } emptyDir }:
                type = "EmptyDir";
                settings = [("Type", "EmptyDir (a temporary directory that shares a pod's lifetime)"), ("Medium", emptyDir.Medium ?? ""),
                    ("SizeLimit", emptyDir.SizeLimit is { } limit && limit != "0" ? limit : DescribeText.Unset)];
                break;
            case { Secret: { } secret }:
                type = "Secret";
                settings = [("Type", "Secret (a volume populated by a Secret)"), ("SecretName", secret.SecretName ?? ""), ("Optional", Optional(secret.Optional))];
                break;
            case { ConfigMap: { } configMap }:
                type = "ConfigMap";
                settings = [("Type", "ConfigMap (a volume populated by a ConfigMap)"), ("Name", configMap.Name ?? ""), ("Optional", Optional(configMap.Optional))];
                break;
            case { PersistentVolumeClaim: { } claim }:
                type = "PersistentVolumeClaim";
                settings = [("Type", "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)"), ("ClaimName", claim.ClaimName ?? ""), ("ReadOnly", Optional(claim.ReadOnly))];
                break;
            case { Projected: { } projected }:
                type = "Projected";
                settings = [("Type", "Projected (a volume that contains injected data from multiple sources)"), .. ProjectedSources(projected)];
                break;
            case { DownwardAPI: { } downward }:
                type = "DownwardAPI";
                settings = [("Type", "DownwardAPI (a volume populated by information about the pod)")];
                items = (downward.Items ?? []).SelectMany(item => new[]
                {
                    item.FieldRef is { } field ? $"{field.FieldPath} -> {item.Path}" : null,
                    item.ResourceFieldRef is { } resource ? $"{resource.Resource} -> {item.Path}" : null,
                }).OfType<string>().ToList();
                break;
            default:
                type = "";
                settings = [];
                break;
        }
        return new VolumeDescription(volume, type, settings, items);
    }

    // Each source of a projected volume: kubectl writes them at the type's level, a secret or config map as two lines.
    private static IEnumerable<(string, string)> ProjectedSources(ProjectedVolumeSource projected)
    {
        foreach (var source in projected.Sources ?? [])
        {
            if (source.Secret is { } secret)
            {
                yield return ("SecretName", secret.Name ?? "");
                yield return ("SecretOptionalName", secret.Optional is { } optional ? Optional(optional) : "<nil>");
            }
            else if (source.DownwardAPI is not null)
            {
                yield return ("DownwardAPI", "true");
            }
            else if (source.ConfigMap is { } configMap)
            {
                yield return ("ConfigMapName", configMap.Name ?? "");
                yield return ("ConfigMapOptional", configMap.Optional is { } optional ? Optional(optional) : "<nil>");
            }
            else if (source.ServiceAccountToken is { } token)
            {
                yield return ("TokenExpirationSeconds", (token.ExpirationSeconds ?? 0).ToString(CultureInfo.InvariantCulture));
            }
        }
    }
}

using System.Globalization;
using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Cell values several printers share.</summary>
internal static class PrintCells
{
    public const string None = "<none>";

    public const string Unknown = HumanDuration.Unknown;

    public static string Name(KubeObject obj) => obj.Metadata?.Name ?? string.Empty;

    public static string Age(KubeObject obj, DateTimeOffset now) => HumanDuration.Age(obj.Metadata?.CreationTimestamp, now);

    /// <summary>The containers' names and images, each joined by commas (the wide CONTAINERS and IMAGES cells).</summary>
    public static (string Names, string Images) Containers(PodTemplateSpec? template) => Containers(template?.Spec?.Containers);

    public static (string Names, string Images) Containers(IReadOnlyList<Container>? containers)
    {
        containers ??= [];
        return (
            string.Join(',', containers.Select(container => container.Name ?? string.Empty)),
            string.Join(',', containers.Select(container => container.Image ?? string.Empty)));
    }

    /// <summary>Ready pods over desired pods (<c>2/3</c>), the READY cell of Deployments and StatefulSets.</summary>
    public static string ReadyOverDesired(int? ready, int? desired) =>
        string.Create(CultureInfo.InvariantCulture, $"{ready ?? 0}/{DesiredReplicas(desired)}");

    /// <summary>Go's printBoolPtr: a string, not a JSON boolean.</summary>
    public static string Bool(bool? value) => value switch
    {
        true => "True",
        false => "False",
        null => "<unset>",
    };

    /// <summary>The API server defaults a missing replica count to 1 before any printer sees it.</summary>
    public static int DesiredReplicas(int? replicas) => replicas ?? 1;
}

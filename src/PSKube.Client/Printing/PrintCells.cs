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

    /// <summary>Go's printBoolPtr: a string, not a JSON boolean.</summary>
    public static string Bool(bool? value) => value switch
    {
        true => "True",
        false => "False",
        null => "<unset>",
    };

    // An absent count or replica number is Go's zero value; the server sends integers as int64.
    public static long Count(int? value) => value ?? 0;

    /// <summary>The API server defaults a missing replica count to 1 before any printer sees it.</summary>
    public static long DesiredReplicas(int? replicas) => replicas ?? 1;

    public static long Count<T>(ICollection<T>? items) => items?.Count ?? 0;
}

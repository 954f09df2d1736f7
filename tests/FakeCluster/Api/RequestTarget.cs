using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Api;

/// <summary>What a resource request path names: the resource, namespace, object and subresource.</summary>
public sealed record RequestTarget(ResourceDefinition Resource, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>
    /// Parses /api/v1/... and /apis/GROUP/VERSION/... resource paths; null when the path names no known resource.
    /// </summary>
    public static RequestTarget? Parse(string path, IReadOnlyList<ResourceDefinition> resources)
    {
        var segments = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        string group, version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        ResourceDefinition? Find(string plural) =>
            resources.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

        var tail = segments[rest..];
        // namespaces/NS/PLURAL[/NAME[/SUB]] addresses namespaced resources; namespaces[/NAME[/SUB]] the namespaces themselves.
        if (tail.Length >= 3 && tail[0] == "namespaces" && Find(tail[2]) is { Namespaced: true } namespaced)
        {
            return tail.Length <= 5
                ? new RequestTarget(namespaced, tail[1], tail.ElementAtOrDefault(3), tail.ElementAtOrDefault(4))
                : null;
        }
        if (Find(tail[0]) is { } resource && tail.Length <= 3)
        {
            return new RequestTarget(resource, null, tail.ElementAtOrDefault(1), tail.ElementAtOrDefault(2));
        }
        return null;
    }
}

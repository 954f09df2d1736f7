using System.Text.Json.Nodes;

namespace PSKube.Client.Resources;

/// <summary>
/// Turns what users type (<c>po</c>, <c>pods</c>, <c>Pod</c>, <c>deploy</c>, <c>deployments.apps</c>, <c>cj</c>, a
/// custom resource's plural) into a resource type. Built-in kinds resolve without a request; anything else is
/// looked up in the server's discovery documents, fetched once per catalog (one per session).
/// </summary>
public sealed class ResourceCatalog(Func<string, string, CancellationToken, Task<JsonNode?>> getDocument)
{
    private const string AggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<ResourceDefinition>? _discovered;

    /// <summary>The resource type for <paramref name="text"/>; discovery is asked only when no built-in kind matches.</summary>
    public async Task<ResourceDefinition> ResolveAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (BuiltInResources.Find(text) is { } builtIn)
        {
            return builtIn;
        }
        var all = await DiscoverAsync(cancellationToken);
        return all.FirstOrDefault(r => r.IsNamedBy(text))
               ?? throw new KubeResourceTypeNotFoundException(text, all);
    }

    /// <summary>
    /// The resource types kubectl get accepts in one argument: each entry may be a comma list (<c>deploy,svc</c>), a
    /// type name or a category such as <c>all</c>; in the order typed, each type once. An unknown entry fails the whole.
    /// </summary>
    public async Task<IReadOnlyList<ResourceDefinition>> ResolveListAsync(IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var entries = texts.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (entries.Count == 0)
        {
            throw new ArgumentException("Name at least one resource type, e.g. pods, deploy,svc or all.", nameof(texts));
        }
        var resolved = new List<ResourceDefinition>();
        foreach (var entry in entries)
        {
            if (BuiltInResources.Find(entry) is { } builtIn)
            {
                resolved.Add(builtIn);
                continue;
            }
            // kubectl expands categories before it looks for a type of that name.
            var members = await CategoryAsync(entry, cancellationToken);
            resolved.AddRange(members.Count > 0 ? members : [await ResolveAsync(entry, cancellationToken)]);
        }
        return resolved.DistinctBy(r => (r.Group, r.Plural)).ToList();
    }

    /// <summary>The resource type of an object, from its apiVersion and kind (<c>apps/v1</c>, <c>Deployment</c>).</summary>
    public async Task<ResourceDefinition> ResolveKindAsync(string? apiVersion, string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var slash = apiVersion?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var group = slash < 0 ? "" : apiVersion![..slash];
        bool Serves(ResourceDefinition r) => r.Group == group && r.Kind == kind;
        if (BuiltInResources.All.FirstOrDefault(Serves) is { } builtIn)
        {
            return builtIn;
        }
        var all = await DiscoverAsync(cancellationToken);
        return all.FirstOrDefault(Serves)
               ?? throw new KubeResourceTypeNotFoundException(group.Length == 0 ? kind : $"{kind}.{group}", all);
    }

    /// <summary>Every resource type the server serves (preferred versions), from aggregated discovery.</summary>
    public async Task<IReadOnlyList<ResourceDefinition>> DiscoverAsync(CancellationToken cancellationToken)
    {
        if (_discovered is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_discovered is null)
            {
                var resources = new List<ResourceDefinition>();
                foreach (var path in new[] { "/api", "/apis" })
                {
                    resources.AddRange(Parse(await getDocument(path, AggregatedAccept, cancellationToken)));
                }
                _discovered = resources;
            }
            return _discovered;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>kubectl api-resources: the served types the filter keeps, by API group (core first), then by name.</summary>
    public async Task<IReadOnlyList<ResourceDefinition>> ApiResourcesAsync(ApiResourceFilter filter, CancellationToken cancellationToken) =>
        (await DiscoverAsync(cancellationToken)).Where(filter.Keeps)
            .OrderBy(r => r.Group, StringComparer.Ordinal).ThenBy(r => r.Plural, StringComparer.Ordinal)
            .ToList();

    /// <summary>The resource types of a category, such as <c>all</c> for kubectl get all, in discovery order.</summary>
    public async Task<IReadOnlyList<ResourceDefinition>> CategoryAsync(string category, CancellationToken cancellationToken) =>
        (await DiscoverAsync(cancellationToken)).Where(r => r.Categories.Contains(category, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>Reads an APIGroupDiscoveryList; the first version listed for a group is the server's preferred one.</summary>
    private static IEnumerable<ResourceDefinition> Parse(JsonNode? document)
    {
        foreach (var item in document?["items"]?.AsArray() ?? [])
        {
            var group = (string?)item?["metadata"]?["name"] ?? "";
            var preferred = item?["versions"]?.AsArray().FirstOrDefault();
            var version = (string?)preferred?["version"];
            if (version is null)
            {
                continue;
            }
            foreach (var resource in preferred!["resources"]?.AsArray() ?? [])
            {
                if (resource is null)
                {
                    continue;
                }
                var subresources = (resource["subresources"]?.AsArray() ?? [])
                    .Where(s => s is not null)
                    .Select(s => new SubresourceDefinition(
                        (string?)s!["subresource"] ?? "",
                        (string?)s["responseKind"]?["group"] ?? "",
                        (string?)s["responseKind"]?["version"] ?? "",
                        (string?)s["responseKind"]?["kind"] ?? "",
                        Strings(s["verbs"])))
                    .ToList();
                yield return new ResourceDefinition(
                    group,
                    version,
                    (string?)resource["responseKind"]?["kind"] ?? "",
                    (string?)resource["resource"] ?? "",
                    (string?)resource["singularResource"] ?? "",
                    (string?)resource["scope"] == "Namespaced",
                    Strings(resource["verbs"]),
                    Strings(resource["shortNames"]),
                    Strings(resource["categories"]),
                    subresources);
            }
        }
    }

    private static string[] Strings(JsonNode? array) =>
        array?.AsArray().Select(v => (string?)v).OfType<string>().ToArray() ?? [];
}

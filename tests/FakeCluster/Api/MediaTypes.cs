namespace PSKube.FakeCluster.Api;

/// <summary>The media types of the Kubernetes API and how a request's Accept header chooses among them.</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatch = "application/json-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string DiscoveryV2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    public const string DiscoveryV2Beta1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    /// <summary>One entry of an Accept header: the type and its parameters (as, g, v...).</summary>
    public sealed record Accepted(string Type, IReadOnlyDictionary<string, string> Parameters)
    {
        public string? this[string parameter] => Parameters.TryGetValue(parameter, out var value) ? value : null;
    }

    public static IReadOnlyList<Accepted> ParseAccept(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }
        var result = new List<Accepted>();
        foreach (var entry in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(';', StringSplitOptions.TrimEntries);
            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in parts.Skip(1))
            {
                var eq = parameter.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    parameters[parameter[..eq].Trim()] = parameter[(eq + 1)..].Trim();
                }
            }
            result.Add(new Accepted(parts[0].ToLowerInvariant(), parameters));
        }
        return result;
    }

    /// <summary>The discovery document version the client prefers ("v2", "v2beta1"), or null for legacy discovery.</summary>
    public static string? AggregatedDiscoveryVersion(string? accept) =>
        ParseAccept(accept)
            .Where(a => a["as"] == "APIGroupDiscoveryList" && a["g"] == "apidiscovery.k8s.io" && a["v"] is "v2" or "v2beta1")
            .Select(a => a["v"])
            .FirstOrDefault();

    /// <summary>The meta.k8s.io Table version the client asks for ("v1", "v1beta1"), or null when it wants objects.</summary>
    public static string? TableVersion(string? accept) =>
        ParseAccept(accept)
            .Where(a => a["as"] == "Table" && a["g"] == "meta.k8s.io" && a["v"] is "v1" or "v1beta1")
            .Select(a => a["v"])
            .FirstOrDefault();
}

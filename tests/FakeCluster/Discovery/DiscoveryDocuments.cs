using System.Text.Json.Nodes;
using PSKube.Client.Resources;

namespace PSKube.FakeCluster.Discovery;

/// <summary>
/// The API discovery documents: aggregated discovery (apidiscovery.k8s.io v2 and v2beta1) on /api and /apis, and the
/// legacy APIVersions / APIGroupList / APIGroup / APIResourceList documents for clients that do not ask for it.
/// </summary>
public static class DiscoveryDocuments
{
    /// <summary>The aggregated document for /api (core group only) or /apis (every named group).</summary>
    public static JsonObject Aggregated(IReadOnlyList<ResourceDefinition> resources, bool coreGroup, string version)
    {
        var items = new JsonArray();
        foreach (var group in Groups(resources).Where(g => (g.Key.Length == 0) == coreGroup))
        {
            var versions = new JsonArray();
            foreach (var byVersion in group.GroupBy(r => r.Version))
            {
                var entries = new JsonArray();
                foreach (var resource in byVersion.OrderBy(r => r.Plural, StringComparer.Ordinal))
                {
                    entries.Add(AggregatedResource(resource));
                }
                versions.Add(new JsonObject { ["version"] = byVersion.Key, ["resources"] = entries, ["freshness"] = "Current" });
            }
            var metadata = group.Key.Length == 0
                ? new JsonObject { ["creationTimestamp"] = null }
                : new JsonObject { ["name"] = group.Key, ["creationTimestamp"] = null };
            items.Add(new JsonObject { ["metadata"] = metadata, ["versions"] = versions });
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = $"apidiscovery.k8s.io/{version}",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject ApiGroupList(IReadOnlyList<ResourceDefinition> resources)
    {
        var groups = new JsonArray();
        foreach (var group in Groups(resources).Where(g => g.Key.Length > 0))
        {
            groups.Add(ApiGroup(group.Key, group));
        }
        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    public static JsonObject? ApiGroup(IReadOnlyList<ResourceDefinition> resources, string group)
    {
        var members = resources.Where(r => r.Group == group).ToList();
        if (members.Count == 0)
        {
            return null;
        }
        var document = ApiGroup(group, members);
        document["kind"] = "APIGroup";
        document["apiVersion"] = "v1";
        return document;
    }

    public static JsonObject? ResourceList(IReadOnlyList<ResourceDefinition> resources, string group, string version)
    {
        var members = resources.Where(r => r.Group == group && r.Version == version).OrderBy(r => r.Plural, StringComparer.Ordinal).ToList();
        if (members.Count == 0)
        {
            return null;
        }
        var entries = new JsonArray();
        foreach (var resource in members)
        {
            var entry = new JsonObject
            {
                ["name"] = resource.Plural,
                ["singularName"] = resource.Singular,
                ["namespaced"] = resource.Namespaced,
                ["kind"] = resource.Kind,
                ["verbs"] = Strings(resource.Verbs),
            };
            if (resource.ShortNames.Count > 0)
            {
                entry["shortNames"] = Strings(resource.ShortNames);
            }
            if (resource.Categories.Count > 0)
            {
                entry["categories"] = Strings(resource.Categories);
            }
            entries.Add(entry);
            foreach (var sub in resource.Subresources)
            {
                var subEntry = new JsonObject
                {
                    ["name"] = $"{resource.Plural}/{sub.Name}",
                    ["singularName"] = "",
                    ["namespaced"] = resource.Namespaced,
                };
                if (sub.Group != resource.Group || sub.Version != resource.Version)
                {
                    subEntry["group"] = sub.Group;
                    subEntry["version"] = sub.Version;
                }
                subEntry["kind"] = sub.Kind;
                subEntry["verbs"] = Strings(sub.Verbs);
                entries.Add(subEntry);
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = entries,
        };
    }

    private static JsonObject AggregatedResource(ResourceDefinition resource)
    {
        var entry = new JsonObject
        {
            ["resource"] = resource.Plural,
            ["responseKind"] = Kind(resource.Group, resource.Version, resource.Kind),
            ["scope"] = resource.Namespaced ? "Namespaced" : "Cluster",
            ["singularResource"] = resource.Singular,
            ["verbs"] = Strings(resource.Verbs),
        };
        if (resource.ShortNames.Count > 0)
        {
            entry["shortNames"] = Strings(resource.ShortNames);
        }
        if (resource.Categories.Count > 0)
        {
            entry["categories"] = Strings(resource.Categories);
        }
        if (resource.Subresources.Count > 0)
        {
            var subresources = new JsonArray();
            foreach (var sub in resource.Subresources)
            {
                subresources.Add(new JsonObject
                {
                    ["subresource"] = sub.Name,
                    ["responseKind"] = Kind(sub.Group, sub.Version, sub.Kind),
                    ["verbs"] = Strings(sub.Verbs),
                });
            }
            entry["subresources"] = subresources;
        }
        return entry;
    }

    private static JsonObject ApiGroup(string group, IEnumerable<ResourceDefinition> members)
    {
        var versions = new JsonArray();
        foreach (var version in members.Select(r => r.Version).Distinct())
        {
            versions.Add(new JsonObject { ["groupVersion"] = $"{group}/{version}", ["version"] = version });
        }
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = versions,
            ["preferredVersion"] = versions[0]!.DeepClone(),
        };
    }

    private static IEnumerable<IGrouping<string, ResourceDefinition>> Groups(IReadOnlyList<ResourceDefinition> resources) =>
        resources.GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal);

    private static JsonObject Kind(string group, string version, string kind) =>
        new() { ["group"] = group, ["version"] = version, ["kind"] = kind };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// The merge behaviour of the lists in the built-in kinds, from the patchStrategy/patchMergeKey and
/// listType/listMapKeys markers of k8s.io/api (checked against the 1.36 OpenAPI schema).
/// Lists not found here are atomic: replaced by a strategic patch, owned as one field by apply.
/// </summary>
public static class ListMergeKeys
{
    private static readonly Dictionary<string, string> NoDefaults = [];

    // Protocol is defaulted to TCP by the server, so an apply that leaves it out still finds the item.
    private static readonly Dictionary<string, string> ProtocolDefaultsToTcp = new() { ["protocol"] = "TCP" };

    private static readonly string[] ContainerLists = ["containers", "initContainers", "ephemeralContainers"];

    /// <summary>Every rule; <see cref="Find"/> picks the most specific one that matches.</summary>
    public static IReadOnlyList<ListMergeRule> Rules { get; } = BuildRules();

    /// <summary>The rule for the list at <paramref name="fieldPath"/> (field names only, no indices), or null when the list is atomic.</summary>
    public static ListMergeRule? Find(string? kind, IReadOnlyList<string> fieldPath)
    {
        ListMergeRule? best = null;
        foreach (var rule in Rules)
        {
            if (rule.Matches(kind, fieldPath) && (best is null || IsMoreSpecific(rule, best)))
            {
                best = rule;
            }
        }

        return best;
    }

    private static bool IsMoreSpecific(ListMergeRule candidate, ListMergeRule current) =>
        (candidate.Kind is not null && current.Kind is null) ||
        ((candidate.Kind is null) == (current.Kind is null) && candidate.Depth > current.Depth);

    private static ListMergeRule[] BuildRules()
    {
        var rules = new List<ListMergeRule>();

        foreach (var containers in ContainerLists)
        {
            rules.Add(MapBy($"spec.{containers}", "name"));
            rules.Add(MapBy($"{containers}.env", "name"));
            rules.Add(MapBy($"{containers}.volumeMounts", "mountPath"));
            rules.Add(MapBy($"{containers}.volumeDevices", "devicePath"));
            rules.Add(new ListMergeRule($"{containers}.ports", null, true, "containerPort", false, ApplyListType.Map, ["containerPort", "protocol"], ProtocolDefaultsToTcp));
        }

        // Pod spec.
        rules.Add(MapBy("spec.volumes", "name", retainKeys: true));
        rules.Add(MapBy("spec.imagePullSecrets", "name", itemsAtomic: true));
        rules.Add(MapBy("spec.hostAliases", "ip"));
        rules.Add(MapBy("spec.schedulingGates", "name"));
        rules.Add(MapBy("spec.resourceClaims", "name", retainKeys: true));
        rules.Add(new ListMergeRule("spec.topologySpreadConstraints", null, true, "topologyKey", false, ApplyListType.Map, ["topologyKey", "whenUnsatisfiable"], NoDefaults));

        // Services: merged by port in a strategic patch, keyed by port and protocol in apply.
        rules.Add(new ListMergeRule("spec.ports", "Service", true, "port", false, ApplyListType.Map, ["port", "protocol"], ProtocolDefaultsToTcp));

        // Object metadata (also inside pod templates).
        rules.Add(MapBy("metadata.ownerReferences", "uid", itemsAtomic: true));
        rules.Add(new ListMergeRule("metadata.finalizers", null, true, null, false, ApplyListType.Set, [], NoDefaults));

        // Status.
        rules.Add(MapBy("status.conditions", "type"));
        rules.Add(MapBy("status.podIPs", "ip"));
        rules.Add(MapBy("status.addresses", "type", kind: "Node"));
        rules.Add(new ListMergeRule("spec.podCIDRs", "Node", true, null, false, ApplyListType.Set, [], NoDefaults));

        // Job conditions merge by type in a strategic patch but are atomic for apply.
        rules.Add(new ListMergeRule("status.conditions", "Job", true, "type", false, ApplyListType.Atomic, [], NoDefaults));

        // A service account's secrets merge by name; its imagePullSecrets are atomic.
        rules.Add(MapBy("secrets", "name", kind: "ServiceAccount"));

        return [.. rules];
    }

    private static ListMergeRule MapBy(string location, string key, bool retainKeys = false, bool itemsAtomic = false, string? kind = null) =>
        new(location, kind, true, key, retainKeys, ApplyListType.Map, [key], NoDefaults, itemsAtomic);
}

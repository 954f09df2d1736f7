using PSKube.Client.Resources;

namespace PSKube.Client.Tests.Resources;

/// <summary>The built-in catalogue knows the kinds kubectl's create generators write, as a 1.32 API server lists them.</summary>
public sealed class BuiltInResourcesTests
{
    [Theory]
    [InlineData("quota", "", "ResourceQuota", "resourcequotas", true)]
    [InlineData("limits", "", "LimitRange", "limitranges", true)]
    [InlineData("sa", "", "ServiceAccount", "serviceaccounts", true)]
    [InlineData("cm", "", "ConfigMap", "configmaps", true)]
    [InlineData("ing", "networking.k8s.io", "Ingress", "ingresses", true)]
    [InlineData("ingressclass", "networking.k8s.io", "IngressClass", "ingressclasses", false)]
    [InlineData("pdb", "policy", "PodDisruptionBudget", "poddisruptionbudgets", true)]
    [InlineData("pc", "scheduling.k8s.io", "PriorityClass", "priorityclasses", false)]
    [InlineData("role", "rbac.authorization.k8s.io", "Role", "roles", true)]
    [InlineData("RoleBinding", "rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true)]
    [InlineData("clusterroles.rbac.authorization.k8s.io", "rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false)]
    [InlineData("clusterrolebinding", "rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false)]
    public void Find_KnowsTheGeneratorKinds(string typed, string group, string kind, string plural, bool namespaced)
    {
        var resource = BuiltInResources.Find(typed);

        Assert.NotNull(resource);
        Assert.Equal((group, "v1", kind, plural, namespaced), (resource.Group, resource.Version, resource.Kind, resource.Plural, resource.Namespaced));
        Assert.Empty(resource.Categories);
    }

    [Fact]
    public void ShortNames_AreKubectlsOnly()
    {
        var shortNames = BuiltInResources.All
            .Where(r => r.Group is "rbac.authorization.k8s.io" or "networking.k8s.io" or "policy" or "scheduling.k8s.io" || r.Kind is "ResourceQuota" or "LimitRange")
            .ToDictionary(r => r.Plural, r => string.Join(",", r.ShortNames));

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["clusterrolebindings"] = "", ["clusterroles"] = "", ["rolebindings"] = "", ["roles"] = "",
                ["ingresses"] = "ing", ["ingressclasses"] = "", ["poddisruptionbudgets"] = "pdb",
                ["priorityclasses"] = "pc", ["resourcequotas"] = "quota", ["limitranges"] = "limits",
            },
            shortNames);
    }

    [Fact]
    public void StatusSubresource_OnlyWhereTheServerHasOne()
    {
        string[] withStatus = ["ingresses", "poddisruptionbudgets", "resourcequotas"];
        foreach (var plural in withStatus)
        {
            Assert.NotNull(BuiltInResources.Find(plural)!.FindSubresource("status"));
        }
        foreach (var plural in new[] { "roles", "rolebindings", "clusterroles", "clusterrolebindings", "ingressclasses", "priorityclasses", "limitranges" })
        {
            Assert.Empty(BuiltInResources.Find(plural)!.Subresources);
        }
    }
}

using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>Get-KubeApiResource's query against kubectl api-resources on the same fake cluster: rows, order, filters.</summary>
public sealed class KubectlApiResourcesTests
{
    [KubectlFact]
    public async Task ApiResources_AreKubectlsRowsInKubectlsOrder_ForEachFilter()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var client = FakeClusterClient.For(kubectl.Cluster);
        var cases = new (string[] Flags, ApiResourceFilter Filter)[]
        {
            ([], new ApiResourceFilter()),
            (["--namespaced=false", "--api-group=rbac.authorization.k8s.io"], new ApiResourceFilter("rbac.authorization.k8s.io", false)),
            (["--namespaced=true", "--api-group="], new ApiResourceFilter("", true)),
            (["--verbs=list,watch"], new ApiResourceFilter(Verbs: ["list", "watch"])),
            (["--verbs=deletecollection", "--namespaced=false"], new ApiResourceFilter(Namespaced: false, Verbs: ["deletecollection"])),
        };

        foreach (var (flags, filter) in cases)
        {
            var expected = (await kubectl.RunAsync(["api-resources", "--no-headers", .. flags])).Succeeded().Lines;
            var resources = await client.Resources.ApiResourcesAsync(filter, CancellationToken.None);

            var rows = resources.Select(r => string.Join(' ', new[] { r.Plural, string.Join(',', r.ShortNames), r.ApiVersion, r.Namespaced ? "true" : "false", r.Kind }.Where(c => c.Length > 0)));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, rows);
        }
    }
}

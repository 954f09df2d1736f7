using System.Text.Json.Nodes;
using PSKube.Client.Config;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Auth;
using PSKube.Client.Transport;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// Impersonation side by side with kubectl 1.32 on the same kubeconfig: the same headers reach the fake cluster,
/// the same identity comes back from auth whoami, the same refusals in the same words.
/// </summary>
public sealed class KubectlImpersonationTests
{
    private static async Task<(KubectlRunner Kubectl, string Path, KubeSessionCache Sessions)> StartAsync(bool http2 = true)
    {
        var kubectl = await KubectlRunner.StartAsync(http2: http2);
        var path = kubectl.WriteFile("impersonating", ImpersonationKubeconfig.Text(kubectl.Cluster));
        var sessions = new KubeSessionCache(loader: () => new KubeConfigLoader { HomeDirectory = Path.GetDirectoryName(path)! });
        return (kubectl, path, sessions);
    }

    [KubectlFact]
    public Task Headers_AreTheOnesKubectlSends_OverHttp2() => AssertSameHeadersAsKubectlAsync(http2: true);

    [KubectlFact]
    public Task Headers_AreTheOnesKubectlSends_OverHttp11() => AssertSameHeadersAsKubectlAsync(http2: false);

    /// <summary>
    /// Both impersonations (several values of one header, one value each) send kubectl's headers, one value per
    /// header field: kubectl over HTTP/2 when the cluster offers it, PSKube too unless a header repeats (HTTP/2 would
    /// join the values), which goes over HTTP/1.1.
    /// </summary>
    private static async Task AssertSameHeadersAsKubectlAsync(bool http2)
    {
        var (kubectl, path, sessions) = await StartAsync(http2);
        await using var _ = kubectl;
        using var __ = sessions;
        var faults = kubectl.Cluster.Faults;

        foreach (var context in new[] { ImpersonationKubeconfig.ImpersonatingContext, ImpersonationKubeconfig.OneValueEachContext })
        {
            var before = faults.RecentImpersonations.Count;
            (await kubectl.RunAsync("--kubeconfig", path, "--context", context, "get", "namespaces")).Succeeded();
            var byKubectl = NamespaceList(faults.RecentImpersonations.Skip(before));
            before = faults.RecentImpersonations.Count;
            await sessions.GetClient(path, context).ListAllAsync<Namespace>(BuiltInResources.Find("namespaces")!, null, null, default);
            var byPSKube = NamespaceList(faults.RecentImpersonations.Skip(before));

            Assert.Equal(byKubectl.Headers, byPSKube.Headers);
            Assert.Contains("impersonate-extra-%c3%9cn%c3%af%20%25x: välue", byPSKube.Headers);
            Assert.Equal(http2 ? "HTTP/2" : "HTTP/1.1", byKubectl.Protocol);
            Assert.Equal(http2 && context == ImpersonationKubeconfig.OneValueEachContext ? "HTTP/2" : "HTTP/1.1", byPSKube.Protocol);
        }
    }

    [KubectlFact]
    public async Task Identity_IsWhatKubectlAuthWhoamiReports()
    {
        var (kubectl, path, sessions) = await StartAsync();
        await using var _ = kubectl;
        using var __ = sessions;

        var review = JsonNode.Parse((await kubectl.RunAsync("--kubeconfig", path, "auth", "whoami", "-o", "json")).Succeeded().Stdout)!;
        var identity = await sessions.GetClient(path).GetIdentityAsync(default);

        var user = review["status"]!["userInfo"]!;
        Assert.Equal((string?)user["username"], identity.Username);
        Assert.Equal((string?)user["uid"], identity.Uid);
        Assert.Equal(user["groups"]!.AsArray().Select(g => (string?)g), identity.Groups);
        var extra = user["extra"]!.AsObject();
        Assert.Equal(extra.Select(e => e.Key).Order(StringComparer.Ordinal), identity.Extra.Keys.Order(StringComparer.Ordinal));
        Assert.All(extra, e => Assert.Equal(e.Value!.AsArray().Select(v => (string?)v), identity.Extra[e.Key]));
        Assert.Equal("jane", identity.Username);
    }

    [KubectlFact]
    public async Task KubectlAuthWhoami_Works_WithAndWithoutItsFlags()
    {
        await using var kubectl = await KubectlRunner.StartAsync();

        var admin = (await kubectl.RunAsync("auth", "whoami")).Succeeded().Lines;
        var jane = (await kubectl.RunAsync("auth", "whoami", "--as", "jane", "--as-group", "devs")).Succeeded().Lines;

        Assert.Equal(["ATTRIBUTE VALUE", "Username fake-admin", "Groups [system:masters system:authenticated]"], admin);
        Assert.Equal(["ATTRIBUTE VALUE", "Username jane", "Groups [devs system:authenticated]"], jane);
    }

    [KubectlFact]
    public async Task GroupsWithoutAs_AreRefused_InKubectlsWords()
    {
        var (kubectl, path, sessions) = await StartAsync();
        await using var _ = kubectl;
        using var __ = sessions;

        var result = await kubectl.RunAsync("--kubeconfig", path, "--context", ImpersonationKubeconfig.GroupsOnlyContext, "get", "namespaces");
        var error = Assert.Throws<KubeConfigException>(() => sessions.GetClient(path, ImpersonationKubeconfig.GroupsOnlyContext));

        Assert.Equal(1, result.ExitCode);
        var kubectlWords = result.Stderr.Trim();
        Assert.StartsWith("error: requesting uid, groups or user-extra for ", kubectlWords, StringComparison.Ordinal);
        Assert.StartsWith(kubectlWords["error: ".Length..], error.Message, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task AUserThatMayNotImpersonate_GetsTheSameForbidden_AsKubectl()
    {
        var (kubectl, path, sessions) = await StartAsync();
        await using var _ = kubectl;
        using var __ = sessions;

        var result = await kubectl.RunAsync("--kubeconfig", path, "--context", ImpersonationKubeconfig.TokenContext, "get", "namespaces", "-v=8");
        var error = await Assert.ThrowsAsync<KubeApiException>(() => sessions.GetClient(path, ImpersonationKubeconfig.TokenContext).GetIdentityAsync(default));

        // kubectl's discovery meets the refusal first and prints "Error from server (Forbidden): unknown" (as against
        // a real API server); the Status it received, logged at -v=8, holds PSKube's message word for word.
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error from server (Forbidden): ", result.Stderr.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Contains(error.Message, result.Stderr.Replace("\\", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("users \"jane\" is forbidden: User \"fake-token-user\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope", error.Message);
    }

    // The Impersonate-* headers of the namespace list, names lower-cased (HTTP/2 sends them so), sorted; and its protocol.
    private static (IReadOnlyList<string> Headers, string Protocol) NamespaceList(IEnumerable<(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, string Protocol)> received)
    {
        var list = received.Last(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/api/v1/namespaces", StringComparison.Ordinal));
        return ([.. list.Headers.Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}").Order(StringComparer.Ordinal)], list.Protocol);
    }
}

using System.Text.Json.Nodes;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Validation;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
using static PSKube.Client.Tests.Generators.GeneratorJson;

namespace PSKube.Client.Tests.Generators;

/// <summary>
/// The service account, RBAC and token generators against kubectl's own: the same JSON for the same arguments
/// (kubectl create serviceaccount/role/clusterrole/rolebinding/clusterrolebinding --dry-run=client -o json), and the
/// same token request (kubectl create token -o json, compared on what the server answers).
/// </summary>
public sealed class RbacGeneratorsKubectlTests
{
    [KubectlFact]
    public async Task Generators_ServiceAccount_MatchesKubectlCreateServiceAccount()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "serviceaccount", "ci", "--dry-run=client", "-o", "json"),
            ServiceAccountGenerator.Generate(new ServiceAccountOptions { Name = "ci" }));
        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "sa", "build.bot", "-n", "team", "--dry-run=client", "-o", "json"),
            ServiceAccountGenerator.Generate(new ServiceAccountOptions { Name = "build.bot", Namespace = "team" }));
    }

    [KubectlFact]
    public async Task Generators_Role_MatchesKubectlCreateRole()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var find = await DiscoveryAsync(kubectl);

        async Task Compare(RoleOptions options, params string[] arguments)
        {
            var warnings = new List<string>();
            var result = await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null);
            AssertSameAsKubectl(result, RoleGenerator.Generate(options with { FindResource = find, Warning = warnings.Add }));
            Assert.Equal(result.Stderr.Contains("is not a standard resource verb", StringComparison.Ordinal), warnings.Count > 0);
        }

        await Compare(new RoleOptions { Name = "pod-reader", Verbs = ["get", "list", "watch"], Resources = ["pods"] },
            "create", "role", "pod-reader", "--verb=get,list,watch", "--resource=pods");
        // Repeats dropped; short names and kinds resolved; subresources kept; one rule per group in group order.
        await Compare(new RoleOptions { Name = "r", Namespace = "team", Verbs = ["get", "get", "list"], Resources = ["pods", "deploy", "rs.apps", "pods/log", "Pod", "deployments.apps/scale", "jobs.batch", "cj"], ResourceNames = ["a", "b", "a"] },
            "create", "role", "r", "-n", "team", "--verb=get,get,list", "--resource=pods,deploy,rs.apps,pods/log,Pod,deployments.apps/scale,jobs.batch,cj", "--resource-name=a", "--resource-name=b", "--resource-name=a");
        await Compare(new RoleOptions { Name = "everything", Verbs = ["get", "*", "list"], Resources = ["pods", "*", "deployments"] },
            "create", "role", "everything", "--verb=get,*,list", "--resource=pods,*,deployments");
        await Compare(new RoleOptions { Name = "apps", Verbs = ["get"], Resources = ["*.apps", "nosuchthing"] },
            "create", "role", "apps", "--verb=get", "--resource=*.apps,nosuchthing");
        await Compare(new RoleOptions { Name = "odd", Verbs = ["frob", "get"], Resources = ["configmaps", "secrets", "events", "ingresses.networking.k8s.io", "roles.rbac.authorization.k8s.io"] },
            "create", "role", "odd", "--verb=frob,get", "--resource=configmaps,secrets,events,ingresses.networking.k8s.io,roles.rbac.authorization.k8s.io");
        await Compare(new RoleOptions { Name = "Binder:1", Verbs = ["bind", "escalate"], Resources = ["roles", "clusterroles.rbac.authorization.k8s.io"] },
            "create", "role", "Binder:1", "--verb=bind,escalate", "--resource=roles,clusterroles.rbac.authorization.k8s.io");
        await Compare(new RoleOptions { Name = "impersonator", Verbs = ["impersonate"], Resources = ["users", "groups", "serviceaccounts", "userextras.authentication.k8s.io"] },
            "create", "role", "impersonator", "--verb=impersonate", "--resource=users,groups,serviceaccounts,userextras.authentication.k8s.io");
        await Compare(new RoleOptions { Name = "revisions", Verbs = ["update"], Resources = ["controllerrevisions", "ControllerRevision.apps", "sts/scale"] },
            "create", "role", "revisions", "--verb=update", "--resource=controllerrevisions,ControllerRevision.apps,sts/scale");
    }

    [KubectlFact]
    public async Task Generators_Role_RefusesWhatKubectlRefuses()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var find = await DiscoveryAsync(kubectl);

        async Task Refused(RoleOptions options, string parameter, params string[] arguments)
        {
            var result = await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null);
            Assert.NotEqual(0, result.ExitCode);
            var error = Assert.Throws<KubeInputException>(() => RoleGenerator.Generate(options with { FindResource = find }));
            Assert.Equal(parameter, error.ParameterName);
        }

        await Refused(new RoleOptions { Name = "r", Verbs = ["get"], Resources = ["foo"] }, "Resources", "create", "role", "r", "--verb=get", "--resource=foo");
        await Refused(new RoleOptions { Name = "r", Verbs = ["get"], Resources = ["deployments.extensions"] }, "Resources", "create", "role", "r", "--verb=get", "--resource=deployments.extensions");
        await Refused(new RoleOptions { Name = "r", Verbs = ["get"], Resources = [".apps"] }, "Resources", "create", "role", "r", "--verb=get", "--resource=.apps");
        await Refused(new RoleOptions { Name = "r", Verbs = ["get"], Resources = ["/log"] }, "Resources", "create", "role", "r", "--verb=get", "--resource=/log");
        await Refused(new RoleOptions { Name = "r", Verbs = ["bind"], Resources = ["pods"] }, "Verbs", "create", "role", "r", "--verb=bind", "--resource=pods");
        await Refused(new RoleOptions { Name = "r", Verbs = ["use"], Resources = ["pods"] }, "Verbs", "create", "role", "r", "--verb=use", "--resource=pods");
        await Refused(new RoleOptions { Name = "r", Verbs = ["impersonate"], Resources = ["uids.authentication.k8s.io"] }, "Verbs", "create", "role", "r", "--verb=impersonate", "--resource=uids.authentication.k8s.io");
        await Refused(new RoleOptions { Name = "r", Resources = ["pods"] }, "Verbs", "create", "role", "r", "--resource=pods");
        await Refused(new RoleOptions { Name = "r", Verbs = ["get"] }, "Resources", "create", "role", "r", "--verb=get");
    }

    [KubectlFact]
    public async Task Generators_ClusterRole_MatchesKubectlCreateClusterRole()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var find = await DiscoveryAsync(kubectl);

        async Task Compare(ClusterRoleOptions options, params string[] arguments)
        {
            var expected = FromKubectl(await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null));
            // Go prints the rules of an aggregated role as null (the field has no omitempty); absent means the same.
            if (expected["rules"] is null)
            {
                expected.AsObject().Remove("rules");
            }
            AssertSame(expected, Ours(ClusterRoleGenerator.Generate(options with { FindResource = find })));
        }

        await Compare(new ClusterRoleOptions { Name = "node-reader", Verbs = ["get", "list"], Resources = ["nodes", "nodes/status"] },
            "create", "clusterrole", "node-reader", "--verb=get,list", "--resource=nodes,nodes/status");
        await Compare(new ClusterRoleOptions { Name = "health", Verbs = ["get", "post"], NonResourceUrls = ["/logs/*", "/healthz", "/healthz"] },
            "create", "clusterrole", "health", "--verb=get,post", "--non-resource-url=/logs/*,/healthz,/healthz");
        await Compare(new ClusterRoleOptions { Name = "mixed", Namespace = "ignored", Verbs = ["get"], Resources = ["pods", "deployments.apps"], ResourceNames = ["web"], NonResourceUrls = ["/metrics", "*"] },
            "create", "clusterrole", "mixed", "-n", "ignored", "--verb=get", "--resource=pods,deployments.apps", "--resource-name=web", "--non-resource-url=/metrics,*");
        await Compare(new ClusterRoleOptions { Name = "urls-only", Verbs = ["*"], ResourceNames = ["unused"], NonResourceUrls = ["/api/*"] },
            "create", "clusterrole", "urls-only", "--verb=*", "--resource-name=unused", "--non-resource-url=/api/*");
        await Compare(new ClusterRoleOptions { Name = "monitoring", AggregationRule = new Dictionary<string, string> { ["rbac.example.com/aggregate-to-monitoring"] = "true", ["b"] = "c" } },
            "create", "clusterrole", "monitoring", "--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true,b=c");
        await Compare(new ClusterRoleOptions { Name = "system:binder", Verbs = ["get", "bind"], Resources = ["clusterroles"] },
            "create", "clusterrole", "system:binder", "--verb=get,bind", "--resource=clusterroles");
        await Compare(new ClusterRoleOptions { Name = "all", Verbs = ["*"], Resources = ["*"], NonResourceUrls = ["*"] },
            "create", "clusterrole", "all", "--verb=*", "--resource=*", "--non-resource-url=*");
    }

    [KubectlFact]
    public async Task Generators_ClusterRole_RefusesWhatKubectlRefuses()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Refused(ClusterRoleOptions options, string parameter, params string[] arguments)
        {
            var result = await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null);
            Assert.NotEqual(0, result.ExitCode);
            var error = Assert.Throws<KubeInputException>(() => ClusterRoleGenerator.Generate(options));
            Assert.Equal(parameter, error.ParameterName);
        }

        await Refused(new ClusterRoleOptions { Name = "c", Verbs = ["list"], NonResourceUrls = ["/metrics"] }, "Verbs", "create", "clusterrole", "c", "--verb=list", "--non-resource-url=/metrics");
        await Refused(new ClusterRoleOptions { Name = "c", Verbs = ["get"], NonResourceUrls = ["metrics"] }, "NonResourceUrls", "create", "clusterrole", "c", "--verb=get", "--non-resource-url=metrics");
        await Refused(new ClusterRoleOptions { Name = "c", Verbs = ["get"], NonResourceUrls = ["/a*b"] }, "NonResourceUrls", "create", "clusterrole", "c", "--verb=get", "--non-resource-url=/a*b");
        await Refused(new ClusterRoleOptions { Name = "c", Verbs = ["get"] }, "Resources", "create", "clusterrole", "c", "--verb=get");
        await Refused(new ClusterRoleOptions { Name = "c", Verbs = ["get"], AggregationRule = new Dictionary<string, string> { ["a"] = "b" } }, "AggregationRule", "create", "clusterrole", "c", "--verb=get", "--aggregation-rule=a=b");
        await Refused(new ClusterRoleOptions { Name = "c", Resources = ["pods"] }, "Verbs", "create", "clusterrole", "c", "--resource=pods");
    }

    [KubectlFact]
    public async Task Generators_RoleBindings_MatchKubectlCreateRoleBindingAndClusterRoleBinding()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Compare<T>(T ours, params string[] arguments)
            where T : KubeObject =>
            AssertSameAsKubectl(await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null), ours);

        await Compare(RoleBindingGenerator.Generate(new RoleBindingOptions { Name = "ci-reads", Role = "pod-reader", ServiceAccounts = ["default:ci"] }),
            "create", "rolebinding", "ci-reads", "--role=pod-reader", "--serviceaccount=default:ci");
        await Compare(RoleBindingGenerator.Generate(new RoleBindingOptions { Name = "b", Namespace = "team", Role = "r", Users = ["u1,u2", "u3"], Groups = ["g1", "g2"], ServiceAccounts = ["default:ci", "team:x"] }),
            "create", "rolebinding", "b", "-n", "team", "--role=r", "--user=u1,u2", "--user=u3", "--group=g1", "--group=g2", "--serviceaccount=default:ci", "--serviceaccount=team:x");
        await Compare(RoleBindingGenerator.Generate(new RoleBindingOptions { Name = "viewers", ClusterRole = "view", Users = ["jane@example.com", "jane@example.com"] }),
            "create", "rolebinding", "viewers", "--clusterrole=view", "--user=jane@example.com", "--user=jane@example.com");
        await Compare(RoleBindingGenerator.Generate(new RoleBindingOptions { Name = "system:nobody", Role = "system:r" }),
            "create", "rolebinding", "system:nobody", "--role=system:r");
        await Compare(RoleBindingGenerator.Generate(new ClusterRoleBindingOptions { Name = "admins", ClusterRole = "cluster-admin", Users = ["u"], Groups = ["system:masters"], ServiceAccounts = ["kube-system:deployer"] }),
            "create", "clusterrolebinding", "admins", "--clusterrole=cluster-admin", "--user=u", "--group=system:masters", "--serviceaccount=kube-system:deployer");
        await Compare(RoleBindingGenerator.Generate(new ClusterRoleBindingOptions { Name = "lonely", ClusterRole = "view" }),
            "create", "clusterrolebinding", "lonely", "--clusterrole=view", "-n", "ignored");
    }

    [KubectlFact]
    public async Task Generators_RoleBindings_RefuseWhatKubectlRefuses()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Refused(Func<KubeObject> generate, string parameter, params string[] arguments)
        {
            var result = await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null);
            Assert.NotEqual(0, result.ExitCode);
            var error = Assert.Throws<KubeInputException>(() => generate());
            Assert.Equal(parameter, error.ParameterName);
        }

        await Refused(() => RoleBindingGenerator.Generate(new RoleBindingOptions { Name = "b" }), "Role", "create", "rolebinding", "b");
        await Refused(() => RoleBindingGenerator.Generate(new RoleBindingOptions { Name = "b", Role = "r", ClusterRole = "c" }), "ClusterRole", "create", "rolebinding", "b", "--role=r", "--clusterrole=c");
        await Refused(() => RoleBindingGenerator.Generate(new RoleBindingOptions { Name = "b", Role = "r", ServiceAccounts = ["ci"] }), "ServiceAccounts", "create", "rolebinding", "b", "--role=r", "--serviceaccount=ci");
        await Refused(() => RoleBindingGenerator.Generate(new RoleBindingOptions { Name = "b", Role = "r", ServiceAccounts = ["a:b:c"] }), "ServiceAccounts", "create", "rolebinding", "b", "--role=r", "--serviceaccount=a:b:c");
        await Refused(() => RoleBindingGenerator.Generate(new ClusterRoleBindingOptions { Name = "b", ServiceAccounts = [":x"], ClusterRole = "c" }), "ServiceAccounts", "create", "clusterrolebinding", "b", "--clusterrole=c", "--serviceaccount=:x");
        await Refused(() => RoleBindingGenerator.Generate(new ClusterRoleBindingOptions { Name = "b", Users = ["u"] }), "ClusterRole", "create", "clusterrolebinding", "b", "--user=u");
    }

    [KubectlFact]
    public async Task Generators_TokenRequest_AsksWhatKubectlCreateTokenAsks()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("create", "serviceaccount", "ci")).Succeeded();
        (await kubectl.RunAsync("create", "secret", "generic", "bound", "--from-literal=a=b")).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);

        async Task Compare(TokenRequestOptions options, params string[] arguments)
        {
            var expected = FromKubectl(await kubectl.RunAsync(["create", "token", "ci", .. arguments, "-o", "json"], stdin: null));
            // Go prints an unbound request's boundObjectRef as null (the field has no omitempty); absent means the same.
            if (expected["spec"]!["boundObjectRef"] is null)
            {
                expected["spec"]!.AsObject().Remove("boundObjectRef");
            }
            var issued = await client.RequestTokenAsync("default", "ci", TokenRequestGenerator.Generate(options), null, default);
            var ours = Ours(issued);
            AssertSame(expected["spec"]!, ours["spec"]!);
            Assert.False(string.IsNullOrEmpty(issued.Status?.Token));
        }

        await Compare(new TokenRequestOptions());
        await Compare(new TokenRequestOptions { Duration = TimeSpan.FromMinutes(10) }, "--duration=10m");
        await Compare(new TokenRequestOptions { Audiences = ["https://vault.example.com", "api"], Duration = TimeSpan.FromHours(2) }, "--audience=https://vault.example.com", "--audience=api", "--duration=2h");
        await Compare(new TokenRequestOptions { BoundObjectKind = "Secret", BoundObjectName = "bound" }, "--bound-object-kind=Secret", "--bound-object-name=bound");
        await Compare(new TokenRequestOptions { Duration = TimeSpan.Zero, BoundObjectKind = "Node", BoundObjectName = "fake-node-1" }, "--duration=0s", "--bound-object-kind=Node", "--bound-object-name=fake-node-1");
    }

    [KubectlFact]
    public async Task Generators_TokenRequest_RefusesWhatKubectlRefuses()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Refused(TokenRequestOptions options, string parameter, params string[] arguments)
        {
            var result = await kubectl.RunAsync(["create", "token", "default", .. arguments], stdin: null);
            Assert.NotEqual(0, result.ExitCode);
            var error = Assert.Throws<KubeInputException>(() => TokenRequestGenerator.Generate(options));
            Assert.Equal(parameter, error.ParameterName);
        }

        await Refused(new TokenRequestOptions { Duration = TimeSpan.FromSeconds(-1) }, "Duration", "--duration=-1s");
        await Refused(new TokenRequestOptions { Duration = TimeSpan.FromMilliseconds(1500) }, "Duration", "--duration=1.5s");
        await Refused(new TokenRequestOptions { Audiences = [""] }, "Audiences", "--audience=");
        await Refused(new TokenRequestOptions { BoundObjectName = "x" }, "BoundObjectName", "--bound-object-name=x");
        await Refused(new TokenRequestOptions { BoundObjectKind = "Pod", BoundObjectName = "x", BoundObjectUid = "1" } with { BoundObjectKind = null }, "BoundObjectName", "--bound-object-name=x", "--bound-object-uid=1");
        await Refused(new TokenRequestOptions { BoundObjectKind = "Deployment", BoundObjectName = "x" }, "BoundObjectKind", "--bound-object-kind=Deployment", "--bound-object-name=x");
        await Refused(new TokenRequestOptions { BoundObjectKind = "Pod" }, "BoundObjectName", "--bound-object-kind=Pod");
    }

    // kubectl resolves --resource through the server's discovery: the same lookup, against the same server.
    private static async Task<Func<string, ResourceDefinition?>> DiscoveryAsync(KubectlRunner kubectl)
    {
        var discovered = await FakeClusterClient.For(kubectl.Cluster).Resources.DiscoverAsync(default);
        return text => BuiltInResources.Find(text) ?? discovered.FirstOrDefault(r => r.IsNamedBy(text));
    }
}

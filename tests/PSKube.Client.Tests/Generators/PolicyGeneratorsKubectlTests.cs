using PSKube.Client.Manifests.Generators;
using PSKube.Client.Tests.Kubectl;
using PSKube.Client.Validation;
using static PSKube.Client.Tests.Generators.GeneratorJson;

namespace PSKube.Client.Tests.Generators;

/// <summary>The quota, priority class, ingress and disruption budget generators against kubectl create's: the same JSON for the same arguments.</summary>
public sealed class PolicyGeneratorsKubectlTests
{
    private static Dictionary<string, string> Map(params string[] pairs) =>
        pairs.Select(pair => pair.Split('=', 2)).ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    [KubectlFact]
    public async Task Generators_Quota_MatchesKubectlCreateQuota()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Compare(QuotaOptions options, params string[] arguments) =>
            AssertSameAsKubectl(await kubectl.RunAsync(["create", "quota", .. arguments, "--dry-run=client", "-o", "json"], stdin: null), QuotaGenerator.Generate(options));

        await Compare(new QuotaOptions { Name = "empty" }, "empty");
        await Compare(new QuotaOptions { Name = "basic", Hard = Map("pods=10", "services=5") }, "basic", "--hard=pods=10,services=5");
        await Compare(new QuotaOptions { Name = "team", Namespace = "team", Hard = Map("requests.cpu=2", "limits.memory=4Gi", "count/deployments.apps=3") },
            "team", "-n", "team", "--hard=requests.cpu=2,limits.memory=4Gi,count/deployments.apps=3");
        await Compare(new QuotaOptions { Name = "scoped", Hard = Map("pods=4"), Scopes = ["BestEffort", "NotTerminating"] },
            "scoped", "--hard=pods=4", "--scopes=BestEffort,NotTerminating");
        await Compare(new QuotaOptions { Name = "terminating", Scopes = ["Terminating"] }, "terminating", "--scopes=Terminating");
        await Compare(new QuotaOptions { Name = "priority", Hard = Map("pods=1"), Scopes = ["PriorityClass"] }, "priority", "--hard=pods=1", "--scopes=PriorityClass");
        await Compare(new QuotaOptions { Name = "gpu", Hard = Map("requests.nvidia.com/gpu=4", "hugepages-2Mi=1Gi") }, "gpu", "--hard=requests.nvidia.com/gpu=4,hugepages-2Mi=1Gi");

        // Quantities are written back as the API server writes them: kept when already canonical, else rewritten.
        string[] quantities =
        [
            "1000", "1k", "0.5", "1.5", "100m", "1000m", "1500m", "2000Mi", "1024Mi", "1536Mi", "12Mi", "8Gi", "0.5Gi", "1.5Ki",
            "1e3", "1E3", "1e6", "12e2", "1.5e3", "010", "+1", "0", "00", "0Mi", "0.0001", "0.0000000001", "1n", "1500u", "123456789",
            "1.", "1.500k", "2G", "1000G", "7Ki", "1048576", "1024", "1023Ki", "5M", "0.1m",
        ];
        foreach (var quantity in quantities)
        {
            await Compare(new QuotaOptions { Name = "q", Hard = Map("memory=" + quantity) }, "q", "--hard=memory=" + quantity);
        }
    }

    [KubectlFact]
    public async Task Generators_PriorityClass_MatchesKubectlCreatePriorityClass()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Compare(PriorityClassOptions options, params string[] arguments) =>
            AssertSameAsKubectl(await kubectl.RunAsync(["create", "priorityclass", .. arguments, "--dry-run=client", "-o", "json"], stdin: null), PriorityClassGenerator.Generate(options));

        await Compare(new PriorityClassOptions { Name = "zero" }, "zero");
        await Compare(new PriorityClassOptions { Name = "high", Value = 1000 }, "high", "--value=1000");
        await Compare(new PriorityClassOptions { Name = "low", Value = -10, Description = "batch work, first to go" }, "low", "--value=-10", "--description=batch work, first to go");
        await Compare(new PriorityClassOptions { Name = "default-priority", Value = 100, GlobalDefault = true }, "default-priority", "--value=100", "--global-default");
        await Compare(new PriorityClassOptions { Name = "polite", Value = 5000, PreemptionPolicy = "Never" }, "polite", "--value=5000", "--preemption-policy=Never");
        await Compare(new PriorityClassOptions { Name = "explicit", Value = 1, PreemptionPolicy = "PreemptLowerPriority", GlobalDefault = false, Description = "" },
            "explicit", "--value=1", "--preemption-policy=PreemptLowerPriority", "--global-default=false", "--description=");
        await Compare(new PriorityClassOptions { Name = "top", Value = PriorityClassGenerator.HighestUserPriority }, "top", "--value=1000000000");
        // kubectl sets no namespace on a cluster-scoped object, even with -n.
        await Compare(new PriorityClassOptions { Name = "ns" }, "ns", "-n", "team");
    }

    [KubectlFact]
    public async Task Generators_Ingress_MatchesKubectlCreateIngress()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Compare(IngressOptions options, params string[] arguments) =>
            AssertSameAsKubectl(await kubectl.RunAsync(["create", "ingress", .. arguments, "--dry-run=client", "-o", "json"], stdin: null), IngressGenerator.Generate(options));

        async Task CompareRules(params string[] rules) =>
            await Compare(new IngressOptions { Name = "web", Rules = rules }, ["web", .. rules.Select(rule => "--rule=" + rule)]);

        await CompareRules("foo.com/bar=svc1:8080,tls=my-cert");
        await CompareRules("/path=svc:port");
        await CompareRules("foo.com/=svc:port", "foo.com/admin/=svcadmin:portadmin");
        await CompareRules("foo.com/path*=svc:8080", "bar.com/admin*=svc2:http");
        await CompareRules("foo.com/=svc:https,tls", "foo.com/path/subpath*=othersvc:8080");
        await CompareRules("foo.com/*=svc:8080,tls=secret1");
        await CompareRules("/*=svc:80");
        await CompareRules("*.example.com/=wild:80,tls=wild-cert");
        await CompareRules("a.com/=s:1,tls=x", "b.com/=s:2,tls=x", "c.com/=s:3,tls=y", "a.com/again=s:4,tls=z");
        await CompareRules("a.com/=s:1,tls", "b.com/=s:2,tls", "/=s:3,tls");
        await CompareRules("/=s:3,tls", "a.com/=s:1,tls");
        await CompareRules("/=s:1,tls=only-secret");
        await CompareRules("a.com/=s:1,tls=", "b.com/x*=s:08080");
        await CompareRules("a.com/p*q=s:80", "a.com/p**=s:81");
        await CompareRules("a.com/=s:1,tlsname");

        // kubectl checks only the start of a rule and splits the rest: one more ',' part makes TLS whatever it says,
        // two make none, and what follows the port after another ':' or '=' is dropped.
        await CompareRules("foo.com/=svc:80,xyz");
        await CompareRules("foo.com/=svc:80,tls=a,b");
        await CompareRules("foo.com/=svc:80,tls=a=b");
        await CompareRules("foo.com/=svc:80,tls,tls");
        await CompareRules("foo.com/=svc:80:90");
        await CompareRules("foo.com/x=svc:80=y");

        await Compare(new IngressOptions { Name = "catch-all", IngressClass = "otheringress", Rules = ["/path=svc:port"] },
            "catch-all", "--class=otheringress", "--rule=/path=svc:port");
        await Compare(new IngressOptions { Name = "annotated", IngressClass = "default", Rules = ["foo.com/bar=svc:port"], Annotations = Map("ingress.annotation1=foo", "ingress.annotation2=bla", "empty=", "nginx.ingress.kubernetes.io/rewrite-target=/$1") },
            "annotated", "--class=default", "--rule=foo.com/bar=svc:port", "--annotation", "ingress.annotation1=foo", "--annotation", "ingress.annotation2=bla", "--annotation", "empty=",
            "--annotation", "nginx.ingress.kubernetes.io/rewrite-target=/$1");
        await Compare(new IngressOptions { Name = "ingdefault", IngressClass = "default", DefaultBackend = "defaultsvc:http", Rules = ["foo.com/*=svc:8080,tls=secret1"] },
            "ingdefault", "--class=default", "--default-backend=defaultsvc:http", "--rule=foo.com/*=svc:8080,tls=secret1");
        await Compare(new IngressOptions { Name = "only-default", DefaultBackend = "web:80", Namespace = "team" }, "only-default", "--default-backend=web:80", "-n", "team");
    }

    [KubectlFact]
    public async Task Generators_PodDisruptionBudget_MatchesKubectlCreatePodDisruptionBudget()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Compare(PodDisruptionBudgetOptions options, params string[] arguments) =>
            AssertSameAsKubectl(await kubectl.RunAsync(["create", "poddisruptionbudget", .. arguments, "--dry-run=client", "-o", "json"], stdin: null), PodDisruptionBudgetGenerator.Generate(options));

        await Compare(new PodDisruptionBudgetOptions { Name = "web", Selector = "app=web", MinAvailable = "1" }, "web", "--selector=app=web", "--min-available=1");
        await Compare(new PodDisruptionBudgetOptions { Name = "web", Selector = "app=web", MinAvailable = "50%" }, "web", "--selector=app=web", "--min-available=50%");
        await Compare(new PodDisruptionBudgetOptions { Name = "web", Selector = "app=web", MaxUnavailable = "0" }, "web", "--selector=app=web", "--max-unavailable=0");
        await Compare(new PodDisruptionBudgetOptions { Name = "web", Selector = "app=web", MaxUnavailable = "25%", Namespace = "team" }, "web", "--selector=app=web", "--max-unavailable=25%", "-n", "team");
        await Compare(new PodDisruptionBudgetOptions { Name = "web", Selector = "app=web", MinAvailable = "007" }, "web", "--selector=app=web", "--min-available=007");
        await Compare(new PodDisruptionBudgetOptions { Name = "mixed", Selector = "tier in (front,back,front),app==web,!canary,track,env notin (dev)", MinAvailable = "2" },
            "mixed", "--selector=tier in (front,back,front),app==web,!canary,track,env notin (dev)", "--min-available=2");
        await Compare(new PodDisruptionBudgetOptions { Name = "two", Selector = "b=2,a=1", MaxUnavailable = "100%" }, "two", "--selector=b=2,a=1", "--max-unavailable=100%");
    }

    [KubectlFact]
    public async Task Generators_PolicyInputKubectlRefuses_IsRefusedToo()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task BothRefuse(Action generate, params string[] arguments)
        {
            var result = await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Throws<KubeInputException>(generate);
        }

        await BothRefuse(() => IngressGenerator.Generate(new IngressOptions { Name = "x" }), "create", "ingress", "x");
        await BothRefuse(() => IngressGenerator.Generate(new IngressOptions { Name = "x", Rules = ["foo.com=svc:80"] }), "create", "ingress", "x", "--rule=foo.com=svc:80");
        await BothRefuse(() => IngressGenerator.Generate(new IngressOptions { Name = "x", Rules = ["foo.com/=svc"] }), "create", "ingress", "x", "--rule=foo.com/=svc");
        await BothRefuse(() => IngressGenerator.Generate(new IngressOptions { Name = "x", Rules = ["x foo.com/=svc:80"] }), "create", "ingress", "x", "--rule=x foo.com/=svc:80");
        await BothRefuse(() => IngressGenerator.Generate(new IngressOptions { Name = "x", DefaultBackend = "svc" }), "create", "ingress", "x", "--default-backend=svc");
        await BothRefuse(() => PodDisruptionBudgetGenerator.Generate(new PodDisruptionBudgetOptions { Name = "x", Selector = "app=web" }), "create", "pdb", "x", "--selector=app=web");
        await BothRefuse(() => PodDisruptionBudgetGenerator.Generate(new PodDisruptionBudgetOptions { Name = "x", Selector = "", MinAvailable = "1" }), "create", "pdb", "x", "--min-available=1");
        await BothRefuse(() => PodDisruptionBudgetGenerator.Generate(new PodDisruptionBudgetOptions { Name = "x", Selector = "app=web", MinAvailable = "1", MaxUnavailable = "1" }),
            "create", "pdb", "x", "--selector=app=web", "--min-available=1", "--max-unavailable=1");
        await BothRefuse(() => PodDisruptionBudgetGenerator.Generate(new PodDisruptionBudgetOptions { Name = "x", Selector = "app=web", MinAvailable = "1.5" }),
            "create", "pdb", "x", "--selector=app=web", "--min-available=1.5");
        await BothRefuse(() => PodDisruptionBudgetGenerator.Generate(new PodDisruptionBudgetOptions { Name = "x", Selector = "app!=web", MinAvailable = "1" }),
            "create", "pdb", "x", "--selector=app!=web", "--min-available=1");
        await BothRefuse(() => QuotaGenerator.Generate(new QuotaOptions { Name = "x", Hard = Map("pods=ten") }), "create", "quota", "x", "--hard=pods=ten");
        await BothRefuse(() => QuotaGenerator.Generate(new QuotaOptions { Name = "x", Hard = Map("memory=1K") }), "create", "quota", "x", "--hard=memory=1K");
    }

    [KubectlFact]
    public async Task FakeCluster_QuotaScopes_AreRefusedAsTheApiServerRefusesThem()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Refused(string expected, params string[] arguments)
        {
            var result = await kubectl.RunAsync(["create", "quota", "q", .. arguments], stdin: null);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        }

        await Refused("spec.scopes: Invalid value: []core.ResourceQuotaScope{\"Cheap\"}: unsupported scope", "--scopes=Cheap");
        await Refused("unsupported scope applied to resource", "--hard=requests.storage=1Gi", "--scopes=PriorityClass");
        await Refused("unsupported scope applied to resource", "--hard=requests.cpu=1", "--scopes=BestEffort");
        await Refused("conflicting scopes", "--scopes=Terminating,NotTerminating");
        (await kubectl.RunAsync(["create", "quota", "ok", "--hard=pods=2,requests.cpu=1", "--scopes=NotBestEffort,Terminating"], stdin: null)).Succeeded();
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// The real kubectl's create generators against the fake cluster: every object is really created (kubectl sends most
/// as protobuf), `kubectl get` prints the API server's columns for it, and invalid input gets the server's refusal.
/// </summary>
public sealed class KubectlCreateGeneratorTests
{
    [KubectlFact]
    public async Task ConfigMapsSecretsNamespacesAndServiceAccounts_AreCreated()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=site.example.com", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var self = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = kubectl.WriteFile("tls.crt", self.ExportCertificatePem());
        var key = kubectl.WriteFile("tls.key", rsa.ExportPkcs8PrivateKeyPem());

        Assert.Equal(["configmap/settings created"], (await kubectl.RunAsync("create", "configmap", "settings", "--from-literal=mode=fast")).Succeeded().Lines);
        Assert.Equal(["secret/token created"], (await kubectl.RunAsync("create", "secret", "generic", "token", "--from-literal=key=s3cret")).Succeeded().Lines);
        Assert.Equal(["secret/site created"], (await kubectl.RunAsync("create", "secret", "tls", "site", "--cert", certificate, "--key", key)).Succeeded().Lines);
        Assert.Equal(["secret/registry created"], (await kubectl.RunAsync("create", "secret", "docker-registry", "registry", "--docker-username=u", "--docker-password=p")).Succeeded().Lines);
        Assert.Equal(["namespace/team created"], (await kubectl.RunAsync("create", "namespace", "team")).Succeeded().Lines);
        Assert.Equal(["serviceaccount/robot created"], (await kubectl.RunAsync("create", "serviceaccount", "robot")).Succeeded().Lines);

        var secrets = (await kubectl.RunAsync("get", "secrets")).Succeeded().Lines;
        Assert.Equal("NAME TYPE DATA AGE", secrets[0]);
        Assert.Contains(secrets, l => l.StartsWith("registry kubernetes.io/dockerconfigjson 1 ", StringComparison.Ordinal));
        Assert.Contains(secrets, l => l.StartsWith("site kubernetes.io/tls 2 ", StringComparison.Ordinal));
        Assert.Contains(secrets, l => l.StartsWith("token Opaque 1 ", StringComparison.Ordinal));
        Assert.Contains((await kubectl.RunAsync("get", "configmap", "settings")).Succeeded().Lines, l => l.StartsWith("settings 1 ", StringComparison.Ordinal));

        // The service account controller gives every namespace, new ones too, its default service account.
        var accounts = (await kubectl.RunAsync("get", "serviceaccounts")).Succeeded().Lines;
        Assert.Equal("NAME SECRETS AGE", accounts[0]);
        Assert.Equal(["default", "robot"], accounts.Skip(1).Select(l => l.Split(' ')[0]));
        await WaitForAsync(kubectl, ["get", "serviceaccount", "default", "-n", "team"]);
    }

    [KubectlFact]
    public async Task Services_OfEveryType_AreCreatedFromProtobuf()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        Assert.Equal(["service/web created"], (await kubectl.RunAsync("create", "service", "clusterip", "web", "--tcp=80:8080")).Succeeded().Lines);
        Assert.Equal(["service/nodes created"], (await kubectl.RunAsync("create", "service", "nodeport", "nodes", "--tcp=80:8080", "--node-port=30080")).Succeeded().Lines);
        Assert.Equal(["service/public created"], (await kubectl.RunAsync("create", "service", "loadbalancer", "public", "--tcp=443")).Succeeded().Lines);
        Assert.Equal(["service/db created"], (await kubectl.RunAsync("create", "service", "externalname", "db", "--external-name=db.example.com")).Succeeded().Lines);

        var lines = (await kubectl.RunAsync("get", "services")).Succeeded().Lines;
        Assert.Equal("NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("db ExternalName <none> db.example.com <none> ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("nodes NodePort 10.", StringComparison.Ordinal) && l.Contains(" <none> 80:30080/TCP ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("public LoadBalancer 10.", StringComparison.Ordinal) && l.Contains(" <pending> 443:3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("web ClusterIP 10.", StringComparison.Ordinal) && l.Contains(" <none> 80/TCP ", StringComparison.Ordinal));
        var web = JsonNode.Parse((await kubectl.RunAsync("get", "service", "web", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("80-8080", (string?)web["spec"]!["ports"]![0]!["name"]);
        Assert.Equal(8080, (int)web["spec"]!["ports"]![0]!["targetPort"]!);

        var invalid = await kubectl.RunAsync("create", "service", "clusterip", "Bad_Name", "--tcp=80");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Contains("Service \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a DNS-1035 label must consist of lower case alphanumeric characters", invalid.Stderr);
    }

    [KubectlFact]
    public async Task RolesAndBindings_AreCreatedAndPrinted_AndRoleRefCannotChange()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        Assert.Equal(["role.rbac.authorization.k8s.io/reader created"], (await kubectl.RunAsync("create", "role", "reader", "--verb=get,list", "--resource=pods")).Succeeded().Lines);
        Assert.Equal(["clusterrole.rbac.authorization.k8s.io/system:scraper created"], (await kubectl.RunAsync("create", "clusterrole", "system:scraper", "--verb=get", "--non-resource-url=/metrics")).Succeeded().Lines);
        Assert.Equal(["rolebinding.rbac.authorization.k8s.io/reader created"],
            (await kubectl.RunAsync("create", "rolebinding", "reader", "--role=reader", "--user=alice", "--group=devs", "--serviceaccount=default:robot")).Succeeded().Lines);
        Assert.Equal(["clusterrolebinding.rbac.authorization.k8s.io/scraper created"], (await kubectl.RunAsync("create", "clusterrolebinding", "scraper", "--clusterrole=system:scraper", "--user=alice")).Succeeded().Lines);

        var roles = (await kubectl.RunAsync("get", "roles")).Succeeded().Lines;
        Assert.Equal("NAME CREATED AT", roles[0]);
        Assert.Matches(@"^reader \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", roles[1]);
        Assert.Equal(["NAME ROLE AGE USERS GROUPS SERVICEACCOUNTS"], (await kubectl.RunAsync("get", "rolebindings", "-o", "wide")).Succeeded().Lines.Take(1));
        Assert.Matches(@"^reader Role/reader \d+s alice devs default/robot$", (await kubectl.RunAsync("get", "rolebindings", "-o", "wide")).Succeeded().Lines[1]);
        Assert.Matches(@"^scraper ClusterRole/system:scraper \d+s$", (await kubectl.RunAsync("get", "clusterrolebinding", "scraper", "--no-headers")).Succeeded().Lines[0]);
        var binding = JsonNode.Parse((await kubectl.RunAsync("get", "rolebinding", "reader", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("rbac.authorization.k8s.io", (string?)binding["subjects"]![0]!["apiGroup"]);
        Assert.Null(binding["subjects"]![2]!["apiGroup"]);

        var changed = await kubectl.RunAsync("patch", "rolebinding", "reader", "--type=merge", "-p", """{"roleRef":{"kind":"ClusterRole","name":"view"}}""");
        Assert.Equal(1, changed.ExitCode);
        Assert.Equal(
            "The RoleBinding \"reader\" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"ClusterRole\", Name:\"view\"}: cannot change roleRef",
            changed.Stderr.Trim());

        var noVerbs = await kubectl.RunAsync(["create", "-f", "-"], """
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"empty"},"rules":[{"apiGroups":[""],"resources":["pods"]}]}
            """);
        Assert.Equal(1, noVerbs.ExitCode);
        Assert.Contains("The Role \"empty\" is invalid: rules[0].verbs: Required value: verbs must contain at least one value", noVerbs.Stderr);

        var badSubject = await kubectl.RunAsync(["create", "-f", "-"], """
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"orphan"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"x"},"subjects":[{"kind":"ServiceAccount","name":"robot"}]}
            """);
        Assert.Equal(1, badSubject.ExitCode);
        Assert.Contains("The ClusterRoleBinding \"orphan\" is invalid: \n* roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"\n* subjects[0].namespace: Required value", badSubject.Stderr);
    }

    [KubectlFact]
    public async Task Quota_MirrorsHardInStatus_CountsPods_AndRefusesUnknownResources()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        Assert.Equal(["resourcequota/small created"], (await kubectl.RunAsync("create", "quota", "small", "--hard=pods=4,requests.cpu=2,limits.memory=2Gi,count/configmaps=5")).Succeeded().Lines);
        (await kubectl.RunAsync("run", "one", "--image=nginx")).Succeeded();
        (await kubectl.RunAsync("create", "configmap", "c", "--from-literal=a=b")).Succeeded();

        var lines = await WaitForAsync(kubectl, ["get", "quota"], l => l.Count == 2 && l[1].Contains("count/configmaps: 1/5, pods: 1/4", StringComparison.Ordinal));
        Assert.Equal("NAME AGE REQUEST LIMIT", lines[0]);
        Assert.Matches(@"^small \d+s count/configmaps: 1/5, pods: 1/4, requests.cpu: 0/2 limits.memory: 0/2Gi$", lines[1]);

        var invalid = await kubectl.RunAsync("create", "quota", "odd", "--hard=widgets=1");
        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal("error: failed to create quota: ResourceQuota \"odd\" is invalid: spec.hard[widgets]: Invalid value: \"widgets\": must be a standard resource for quota", invalid.Stderr.Trim());
    }

    [KubectlFact]
    public async Task PriorityClasses_ListTheSystemOnes_AndKeepValueBoundsAndOneDefault()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        Assert.Equal(["priorityclass.scheduling.k8s.io/high created"], (await kubectl.RunAsync("create", "priorityclass", "high", "--value=1000", "--global-default", "--description=important")).Succeeded().Lines);

        var lines = (await kubectl.RunAsync("get", "priorityclasses")).Succeeded().Lines;
        Assert.Equal("NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY", lines[0]);
        Assert.Matches(@"^high 1000 true \d+s PreemptLowerPriority$", lines[1]);
        Assert.Matches(@"^system-cluster-critical 2000000000 false \d+s PreemptLowerPriority$", lines[2]);
        Assert.Matches(@"^system-node-critical 2000001000 false \d+s PreemptLowerPriority$", lines[3]);

        var tooHigh = await kubectl.RunAsync("create", "priorityclass", "huge", "--value=1000000001");
        Assert.Equal("error: failed to create priorityclass: PriorityClass.scheduling.k8s.io \"huge\" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000", tooHigh.Stderr.Trim());
        var reserved = await kubectl.RunAsync("create", "priorityclass", "system-mine", "--value=1");
        Assert.Contains("metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class", reserved.Stderr);
        var secondDefault = await kubectl.RunAsync("create", "priorityclass", "other", "--value=1", "--global-default");
        Assert.Equal("error: failed to create priorityclass: priorityclasses.scheduling.k8s.io \"other\" is forbidden: PriorityClass high is already marked as default. Only one default can exist", secondDefault.Stderr.Trim());
    }

    [KubectlFact]
    public async Task Ingresses_AreCreatedAndPrinted_AndPathTypeIsRequired()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        Assert.Equal(["ingress.networking.k8s.io/web created"],
            (await kubectl.RunAsync("create", "ingress", "web", "--class=nginx", "--rule=foo.com/api*=api:80,tls=foo-tls", "--rule=bar.com/=site:http")).Succeeded().Lines);
        Assert.Equal(["ingress.networking.k8s.io/catchall created"], (await kubectl.RunAsync("create", "ingress", "catchall", "--default-backend=site:80")).Succeeded().Lines);

        var lines = (await kubectl.RunAsync("get", "ingresses")).Succeeded().Lines;
        Assert.Equal("NAME CLASS HOSTS ADDRESS PORTS AGE", lines[0]);
        Assert.Matches(@"^catchall <none> \* 80 \d+s$", lines[1]);
        Assert.Matches(@"^web nginx foo.com,bar.com 80, 443 \d+s$", lines[2]);
        var web = JsonNode.Parse((await kubectl.RunAsync("get", "ing", "web", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("Prefix", (string?)web["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["pathType"]);
        Assert.Equal(1, (int)web["metadata"]!["generation"]!);

        var noPathType = await kubectl.RunAsync(["create", "-f", "-"], """
            {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"bad"},
             "spec":{"rules":[{"http":{"paths":[{"path":"/","backend":{"service":{"name":"s","port":{"number":80}}}}]}}]}}
            """);
        Assert.Equal(1, noPathType.ExitCode);
        Assert.Contains("The Ingress \"bad\" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified", noPathType.Stderr);
    }

    [KubectlFact]
    public async Task DisruptionBudgets_CountTheirPods_AndRefuseBadBudgets()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "--replicas=3")).Succeeded();
        Assert.Equal(["poddisruptionbudget.policy/web created"], (await kubectl.RunAsync("create", "poddisruptionbudget", "web", "--selector=app=web", "--min-available=2")).Succeeded().Lines);
        Assert.Equal(["poddisruptionbudget.policy/half created"], (await kubectl.RunAsync("create", "pdb", "half", "--selector=app=web", "--max-unavailable=50%")).Succeeded().Lines);

        // Three ready pods: min 2 leaves one disruption; at most half (rounded up: 2) unavailable leaves two.
        var lines = await WaitForAsync(kubectl, ["get", "pdb"], l => l.Count == 3 && l[1].Split(' ')[3] == "2" && l[2].Split(' ')[3] == "1");
        Assert.Equal("NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE", lines[0]);
        Assert.Matches(@"^half N/A 50% 2 \d+s$", lines[1]);
        Assert.Matches(@"^web 2 N/A 1 \d+s$", lines[2]);

        var tooMuch = await kubectl.RunAsync("create", "pdb", "bad", "--selector=app=web", "--max-unavailable=150%");
        Assert.Equal(
            "error: failed to create poddisruptionbudgets: PodDisruptionBudget.policy \"bad\" is invalid: spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%",
            tooMuch.Stderr.Trim());
    }

    [KubectlFact]
    public async Task Token_HonoursTheDuration_AndTheClusterAcceptsIt()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("create", "serviceaccount", "robot")).Succeeded();

        var token = (await kubectl.RunAsync("create", "token", "robot", "--duration=20m")).Succeeded().Stdout.Trim();
        var claims = JsonNode.Parse(Base64UrlDecode(token.Split('.')[1]))!;
        Assert.Equal(1200, (long)claims["exp"]! - (long)claims["iat"]!);
        Assert.Equal("system:serviceaccount:default:robot", (string?)claims["sub"]);
        Assert.Equal("robot", (string?)claims["kubernetes.io"]!["serviceaccount"]!["name"]);

        (await kubectl.RunAsync("config", "set-credentials", "robot", "--token", token)).Succeeded();
        (await kubectl.RunAsync("config", "set-context", "robot", "--cluster=fake", "--user=robot")).Succeeded();
        Assert.Contains((await kubectl.RunAsync("--context=robot", "get", "serviceaccounts")).Succeeded().Lines, l => l.StartsWith("robot ", StringComparison.Ordinal));

        var tooShort = await kubectl.RunAsync("create", "token", "robot", "--duration=1m");
        Assert.Equal("error: failed to create token: TokenRequest.authentication.k8s.io \"\" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes", tooShort.Stderr.Trim());
        var missing = await kubectl.RunAsync("create", "token", "nobody");
        Assert.Equal("error: failed to create token: serviceaccounts \"nobody\" not found", missing.Stderr.Trim());
    }

    [KubectlFact]
    public async Task ApiResources_ListTheNewApis_AndGetAllLeavesThemOut()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var lines = (await kubectl.RunAsync("api-resources")).Succeeded().Lines;
        Assert.Contains("resourcequotas quota v1 true ResourceQuota", lines);
        Assert.Contains("serviceaccounts sa v1 true ServiceAccount", lines);
        Assert.Contains("ingressclasses networking.k8s.io/v1 false IngressClass", lines);
        Assert.Contains("ingresses ing networking.k8s.io/v1 true Ingress", lines);
        Assert.Contains("poddisruptionbudgets pdb policy/v1 true PodDisruptionBudget", lines);
        Assert.Contains("clusterrolebindings rbac.authorization.k8s.io/v1 false ClusterRoleBinding", lines);
        Assert.Contains("clusterroles rbac.authorization.k8s.io/v1 false ClusterRole", lines);
        Assert.Contains("rolebindings rbac.authorization.k8s.io/v1 true RoleBinding", lines);
        Assert.Contains("roles rbac.authorization.k8s.io/v1 true Role", lines);
        Assert.Contains("priorityclasses pc scheduling.k8s.io/v1 false PriorityClass", lines);

        (await kubectl.RunAsync("create", "ingress", "web", "--rule=foo.com/=web:80")).Succeeded();
        (await kubectl.RunAsync("create", "service", "clusterip", "web", "--tcp=80")).Succeeded();
        var all = (await kubectl.RunAsync("get", "all")).Succeeded().Lines;
        Assert.Contains(all, l => l.StartsWith("service/web ClusterIP ", StringComparison.Ordinal));
        Assert.DoesNotContain(all, l => l.Contains("ingress", StringComparison.Ordinal));
    }

    /// <summary>Runs a get until its lines satisfy <paramref name="done"/> (controllers fill status in the background).</summary>
    private static async Task<IReadOnlyList<string>> WaitForAsync(KubectlRunner kubectl, string[] arguments, Func<IReadOnlyList<string>, bool>? done = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var result = await kubectl.RunAsync(arguments);
            if (result.ExitCode == 0 && (done is null || done(result.Lines)))
            {
                return result.Lines;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"kubectl {string.Join(' ', arguments)} never got there:\n{result.Stdout}\n{result.Stderr}");
            }
            await Task.Delay(100);
        }
    }

    private static string Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
    }
}

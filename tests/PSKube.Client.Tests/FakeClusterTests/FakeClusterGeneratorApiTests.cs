using System.Text.Json.Nodes;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// The APIs behind kubectl's create generators on the wire: TokenRequest tokens that authenticate until they expire,
/// what may not change in a priority class, quota sums over pods, the default service account coming back.
/// </summary>
public sealed class FakeClusterGeneratorApiTests : FakeClusterHttpTest
{
    [Fact]
    public async Task TokenRequest_DefaultsToAnHour_AndTheTokenAuthenticatesUntilItExpires()
    {
        var (code, response) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/serviceaccounts/default/token",
            JsonNode.Parse("""{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}}"""));

        Assert.Equal(201, code);
        Assert.Equal("TokenRequest", (string?)response!["kind"]);
        Assert.Equal(3600, (long)response["spec"]!["expirationSeconds"]!);
        Assert.Equal("https://kubernetes.default.svc.cluster.local", (string?)response["spec"]!["audiences"]![0]);
        var expires = DateTimeOffset.Parse((string)response["status"]!["expirationTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - Cluster.Clock.Now, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));

        using var bearer = FakeClusterHttp.Client(Cluster, bearerToken: (string)response["status"]!["token"]!);
        Assert.Equal(200, (await bearer.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/serviceaccounts")).Code);
        Cluster.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(401, (await bearer.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/serviceaccounts")).Code);
    }

    [Fact]
    public async Task PriorityClass_ValueAndPreemptionPolicyCannotChange_AndTheDefaultIsSet()
    {
        var (created, body) = await Http.SendAsync(HttpMethod.Post, "/apis/scheduling.k8s.io/v1/priorityclasses",
            JsonNode.Parse("""{"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"batch"},"value":10}"""));
        Assert.Equal(201, created);
        Assert.Equal("PreemptLowerPriority", (string?)body!["preemptionPolicy"]);

        var (code, status) = await Http.SendAsync(HttpMethod.Patch, "/apis/scheduling.k8s.io/v1/priorityclasses/batch",
            JsonNode.Parse("""{"value":11,"preemptionPolicy":"Never","description":"changed"}"""), "application/merge-patch+json");

        Assert.Equal(422, code);
        Assert.Equal(
            "PriorityClass.scheduling.k8s.io \"batch\" is invalid: [value: Forbidden: may not be changed in an update., preemptionPolicy: Invalid value: \"Never\": field is immutable]",
            (string?)status!["message"]);
        Assert.Equal("FieldValueForbidden", (string?)status["details"]!["causes"]![0]!["reason"]);
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Patch, "/apis/scheduling.k8s.io/v1/priorityclasses/batch",
            JsonNode.Parse("""{"description":"changed"}"""), "application/merge-patch+json")).Code);
    }

    [Fact]
    public async Task SystemPriorityClasses_CannotBeDeleted()
    {
        var (code, status) = await Http.SendAsync(HttpMethod.Delete, "/apis/scheduling.k8s.io/v1/priorityclasses/system-node-critical");

        Assert.Equal(403, code);
        Assert.Equal("priorityclasses.scheduling.k8s.io \"system-node-critical\" is forbidden: this is a system priority class and cannot be deleted", (string?)status!["message"]);
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Get, "/apis/scheduling.k8s.io/v1/priorityclasses/system-node-critical")).Code);
    }

    [Fact]
    public async Task Quota_SumsTheRequestsAndLimitsOfLivePods()
    {
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/resourcequotas", JsonNode.Parse("""
            {"apiVersion":"v1","kind":"ResourceQuota","metadata":{"name":"compute"},
             "spec":{"hard":{"requests.cpu":"2","requests.memory":"1Gi","limits.memory":"2Gi","services.nodeports":"3"}}}
            """));
        foreach (var (name, cpu) in new[] { ("a", "250m"), ("b", "500m") })
        {
            var pod = FakeClusterHttp.Pod(name);
            pod["spec"]!["containers"]![0]!["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = "256Mi" },
                ["limits"] = new JsonObject { ["memory"] = "512Mi" },
            };
            Assert.Equal(201, (await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", pod)).Code);
        }

        Cluster.Controllers.RunOnce();
        var (_, quota) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/resourcequotas/compute");

        Assert.Equal(
            """{"limits.memory":"1Gi","requests.cpu":"750m","requests.memory":"512Mi","services.nodeports":"0"}""",
            quota!["status"]!["used"]!.ToJsonString());
        Assert.Equal(quota["spec"]!["hard"]!.ToJsonString(), quota["status"]!["hard"]!.ToJsonString());
    }

    [Fact]
    public async Task DefaultServiceAccount_ComesBackWhenDeleted()
    {
        const string path = "/api/v1/namespaces/default/serviceaccounts/default";
        var (_, before) = await Http.SendAsync(HttpMethod.Get, path);
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Delete, path)).Code);

        // The controllers also run on their own timer, so the account may be back already: a new one, by its uid.
        Cluster.Controllers.RunOnce();

        var (code, after) = await Http.SendAsync(HttpMethod.Get, path);
        Assert.Equal(200, code);
        Assert.NotEqual((string?)before!["metadata"]!["uid"], (string?)after!["metadata"]!["uid"]);
    }

    [Fact]
    public async Task Ingress_RulesAreCheckedAsTheApiServerDoes()
    {
        var (code, status) = await Http.SendAsync(HttpMethod.Post, "/apis/networking.k8s.io/v1/namespaces/default/ingresses", JsonNode.Parse("""
            {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"web"},"spec":{"rules":[
              {"host":"1.2.3.4","http":{"paths":[{"path":"x","pathType":"Prefix","backend":{"service":{"name":"web"}}}]}},
              {"host":"*foo.com","http":{"paths":[{"path":"/","pathType":"Regex","backend":{"service":{"name":"web","port":{"number":80}}}}]}}]}}
            """));

        Assert.Equal(422, code);
        var causes = status!["details"]!["causes"]!.AsArray().Select(c => $"{(string?)c!["field"]}: {(string?)c["message"]}").ToList();
        Assert.Equal(
            [
                "spec.rules[0].host: Invalid value: \"1.2.3.4\": must be a DNS name, not an IP address",
                "spec.rules[0].http.paths[0].path: Invalid value: \"x\": must be an absolute path",
                "spec.rules[0].http.paths[0].backend: Required value: port name or number is required",
                "spec.rules[1].host: Invalid value: \"*foo.com\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, " +
                "which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character " +
                "(e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
                "spec.rules[1].http.paths[0].pathType: Unsupported value: \"Regex\": supported values: \"Exact\", \"ImplementationSpecific\", \"Prefix\"",
            ],
            causes);
    }

    [Fact]
    public async Task IngressClass_NeedsAController_ThatCannotChange()
    {
        var (missing, refusal) = await Http.SendAsync(HttpMethod.Post, "/apis/networking.k8s.io/v1/ingressclasses",
            JsonNode.Parse("""{"apiVersion":"networking.k8s.io/v1","kind":"IngressClass","metadata":{"name":"nginx"},"spec":{}}"""));
        Assert.Equal(422, missing);
        Assert.Equal("IngressClass.networking.k8s.io \"nginx\" is invalid: spec.controller: Required value", (string?)refusal!["message"]);

        Assert.Equal(201, (await Http.SendAsync(HttpMethod.Post, "/apis/networking.k8s.io/v1/ingressclasses",
            JsonNode.Parse("""{"apiVersion":"networking.k8s.io/v1","kind":"IngressClass","metadata":{"name":"nginx"},"spec":{"controller":"k8s.io/ingress-nginx"}}"""))).Code);
        var (changed, immutable) = await Http.SendAsync(HttpMethod.Patch, "/apis/networking.k8s.io/v1/ingressclasses/nginx",
            JsonNode.Parse("""{"spec":{"controller":"example.com/other"}}"""), "application/merge-patch+json");
        Assert.Equal(422, changed);
        Assert.Equal("IngressClass.networking.k8s.io \"nginx\" is invalid: spec.controller: Invalid value: \"example.com/other\": field is immutable", (string?)immutable!["message"]);
    }
}

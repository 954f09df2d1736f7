using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PSKube.FakeCluster;
using PSKube.FakeCluster.Security;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>The fake API server on the wire: authentication, discovery, CRUD, errors as Status, subresources.</summary>
public sealed class FakeClusterApiTests()
    // These tests are about the API server alone: no kubelet runs the pods they create.
    : FakeClusterHttpTest(new FakeClusterOptions { BasicUsers = { ["alice"] = "s3cret" }, SimulateKubelet = false })
{
    [Fact]
    public async Task Auth_WithoutCredentials_Is401Status_ButVersionAndHealthAreOpen()
    {
        using var anonymous = FakeClusterHttp.Client(Cluster, noCertificate: true);
        var (code, body) = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/namespaces");
        Assert.Equal(401, code);
        Assert.Equal("Status", (string?)body!["kind"]);
        Assert.Equal("Unauthorized", (string?)body["reason"]);
        Assert.Equal(401, (int)body["code"]!);

        Assert.Equal(200, (await anonymous.SendAsync(HttpMethod.Get, "/version")).Code);
        Assert.Equal("32", (string?)(await anonymous.SendAsync(HttpMethod.Get, "/version")).Body!["minor"]);
        Assert.Equal("ok", (string?)(await anonymous.SendAsync(HttpMethod.Get, "/readyz")).Body);
    }

    [Fact]
    public async Task Auth_TokenAndBasic_AreAccepted_UnknownOnesAreNot()
    {
        using var withToken = FakeClusterHttp.Client(Cluster, bearerToken: Cluster.Token);
        Assert.Equal(200, (await withToken.SendAsync(HttpMethod.Get, "/api/v1/namespaces")).Code);

        using var badToken = FakeClusterHttp.Client(Cluster, bearerToken: "not-a-token");
        Assert.Equal(401, (await badToken.SendAsync(HttpMethod.Get, "/api/v1/namespaces")).Code);

        using var basic = FakeClusterHttp.Client(Cluster, noCertificate: true);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("alice:s3cret"u8.ToArray()));
        Assert.Equal(200, (await basic.SendAsync(HttpMethod.Get, "/api/v1/namespaces")).Code);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("alice:wrong"u8.ToArray()));
        Assert.Equal(401, (await basic.SendAsync(HttpMethod.Get, "/api/v1/namespaces")).Code);
    }

    [Fact]
    public async Task Auth_ClientCertificateFromAnotherCa_Is401()
    {
        using var otherAuthority = CertificateAuthority.Create("someone-else");
        using var stranger = otherAuthority.IssueClientCertificate("mallory", ["system:masters"], RSA.Create(2048));
        using var client = FakeClusterHttp.Client(Cluster, clientCertificate: stranger);
        Assert.Equal(401, (await client.SendAsync(HttpMethod.Get, "/api/v1/pods")).Code);

        using var rsaUser = Cluster.Authority.IssueClientCertificate("rsa-user", [], RSA.Create(2048));
        using var accepted = FakeClusterHttp.Client(Cluster, clientCertificate: rsaUser);
        Assert.Equal(200, (await accepted.SendAsync(HttpMethod.Get, "/api/v1/pods")).Code);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("v2beta1")]
    public async Task Discovery_Aggregated_AnswersWithTheExactContentType(string version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/apis");
        request.Headers.TryAddWithoutValidation("Accept", $"application/json;g=apidiscovery.k8s.io;v={version};as=APIGroupDiscoveryList,application/json");
        using var response = await Http.SendAsync(request);
        Assert.Equal($"application/json;g=apidiscovery.k8s.io;v={version};as=APIGroupDiscoveryList", response.Content.Headers.NonValidated["Content-Type"].ToString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var apps = body["items"]!.AsArray().Single(i => (string?)i!["metadata"]!["name"] == "apps")!;
        var deployments = apps["versions"]![0]!["resources"]!.AsArray().Single(r => (string?)r!["resource"] == "deployments")!;
        Assert.Equal("deploy", (string?)deployments["shortNames"]![0]);
        Assert.Equal("all", (string?)deployments["categories"]![0]);
        var scale = deployments["subresources"]!.AsArray().Single(s => (string?)s!["subresource"] == "scale")!;
        Assert.Equal("autoscaling", (string?)scale["responseKind"]!["group"]);
        Assert.Equal("Scale", (string?)scale["responseKind"]!["kind"]);
    }

    [Fact]
    public async Task Discovery_Legacy_ListsResourcesAndSubresources()
    {
        var (_, versions) = await Http.SendAsync(HttpMethod.Get, "/api");
        Assert.Equal("APIVersions", (string?)versions!["kind"]);
        var (_, core) = await Http.SendAsync(HttpMethod.Get, "/api/v1");
        var names = core!["resources"]!.AsArray().Select(r => (string?)r!["name"]).ToList();
        Assert.Contains("pods/log", names);
        Assert.Contains("pods/exec", names);
        Assert.Contains("pods/portforward", names);
        Assert.Contains("replicationcontrollers/scale", names);
        var (_, groups) = await Http.SendAsync(HttpMethod.Get, "/apis");
        Assert.Equal(
            ["apps", "authentication.k8s.io", "batch", "metrics.k8s.io", "networking.k8s.io", "policy", "rbac.authorization.k8s.io", "scheduling.k8s.io"],
            groups!["groups"]!.AsArray().Select(g => (string?)g!["name"]));
        var (_, rbac) = await Http.SendAsync(HttpMethod.Get, "/apis/rbac.authorization.k8s.io/v1");
        Assert.Equal(["clusterrolebindings", "clusterroles", "rolebindings", "roles"], rbac!["resources"]!.AsArray().Select(r => (string?)r!["name"]));
        Assert.Contains("serviceaccounts/token", names);
        Assert.Contains("resourcequotas/status", names);
        Assert.Contains("limitranges", names);
        Assert.Equal(404, (await Http.SendAsync(HttpMethod.Get, "/apis/nothing.example.com")).Code);
    }

    [Fact]
    public async Task OpenApi_V3IndexAndDocuments_V2IsNotFound()
    {
        var (_, index) = await Http.SendAsync(HttpMethod.Get, "/openapi/v3");
        var url = (string?)index!["paths"]!["apis/apps/v1"]!["serverRelativeURL"];
        Assert.StartsWith("/openapi/v3/apis/apps/v1?hash=", url);
        var (code, document) = await Http.SendAsync(HttpMethod.Get, url!);
        Assert.Equal(200, code);
        var patch = document!["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("Deployment", (string?)patch["x-kubernetes-group-version-kind"]!["kind"]);
        Assert.Contains(patch["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldValidation");
        Assert.Equal(404, (await Http.SendAsync(HttpMethod.Get, "/openapi/v2")).Code);
    }

    [Fact]
    public async Task UnknownPaths_AreNotFound_PlainTextOutsideTheApi()
    {
        var (code, body) = await Http.SendAsync(HttpMethod.Get, "/nothing-here");
        Assert.Equal(404, code);
        Assert.Equal("404 page not found\n", (string?)body);
        var (apiCode, status) = await Http.SendAsync(HttpMethod.Get, "/api/v1/widgets");
        Assert.Equal(404, apiCode);
        Assert.Equal("NotFound", (string?)status!["reason"]);
    }

    [Fact]
    public async Task Create_SetsServerFields_AndRefusesDuplicates()
    {
        var (code, created) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", FakeClusterHttp.ConfigMap("settings"));
        Assert.Equal(201, code);
        var metadata = created!["metadata"]!;
        Assert.True(Guid.TryParse((string?)metadata["uid"], out _));
        Assert.NotNull((string?)metadata["resourceVersion"]);
        Assert.EndsWith("Z", (string?)metadata["creationTimestamp"]);
        Assert.Equal("default", (string?)metadata["namespace"]);

        var (duplicateCode, status) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", FakeClusterHttp.ConfigMap("settings"));
        Assert.Equal(409, duplicateCode);
        Assert.Equal("AlreadyExists", (string?)status!["reason"]);
        Assert.Equal("configmaps \"settings\" already exists", (string?)status["message"]);
        Assert.Equal("settings", (string?)status["details"]!["name"]);
        Assert.Equal("configmaps", (string?)status["details"]!["kind"]);
    }

    [Fact]
    public async Task Create_WithGenerateName_PicksAUniqueName()
    {
        var pod = FakeClusterHttp.Pod("");
        pod["metadata"]!.AsObject().Remove("name");
        pod["metadata"]!["generateName"] = "worker-";
        var (code, first) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", pod);
        var (_, second) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", pod);
        Assert.Equal(201, code);
        Assert.Matches("^worker-[a-z0-9]{5}$", (string?)first!["metadata"]!["name"]);
        Assert.NotEqual((string?)first["metadata"]!["name"], (string?)second!["metadata"]!["name"]);
    }

    [Fact]
    public async Task Create_LimitWithoutRequest_IsAlsoTheRequest_PerResource()
    {
        // The seed workshop's pod with a 256M memory limit: describe shows Requests memory 256M.
        var pod = FakeClusterHttp.Pod("limited");
        pod["spec"]!["containers"]![0]!["resources"] = JsonNode.Parse("""{"limits":{"memory":"256M","cpu":"1"},"requests":{"cpu":"100m"}}""");

        var (code, created) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", pod);

        Assert.Equal(201, code);
        Assert.Equal("""{"cpu":"100m","memory":"256M"}""", created!["spec"]!["containers"]![0]!["resources"]!["requests"]!.ToJsonString());
        Assert.Equal("Burstable", (string?)created["status"]!["qosClass"]);
    }

    [Fact]
    public async Task Create_InvalidNameOrMissingNamespace_IsRefused()
    {
        var (code, status) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("Not_Valid"));
        Assert.Equal(422, code);
        Assert.Equal("Invalid", (string?)status!["reason"]);
        Assert.Equal("Pod", (string?)status["details"]!["kind"]);
        var cause = status["details"]!["causes"]![0]!;
        Assert.Equal("metadata.name", (string?)cause["field"]);
        Assert.Equal("FieldValueInvalid", (string?)cause["reason"]);

        var (missingCode, missing) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/nowhere/pods", FakeClusterHttp.Pod("p"));
        Assert.Equal(404, missingCode);
        Assert.Equal("namespaces \"nowhere\" not found", (string?)missing!["message"]);
    }

    [Fact]
    public async Task Update_WithAStaleResourceVersion_IsAConflict()
    {
        var (_, created) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", FakeClusterHttp.ConfigMap("cfg"));
        var first = created!.DeepClone();
        first["data"]!["key"] = "one";
        var (code, updated) = await Http.SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cfg", first);
        Assert.Equal(200, code);
        Assert.NotEqual((string?)created["metadata"]!["resourceVersion"], (string?)updated!["metadata"]!["resourceVersion"]);

        var stale = created.DeepClone();
        stale["data"]!["key"] = "two";
        var (staleCode, status) = await Http.SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/configmaps/cfg", stale);
        Assert.Equal(409, staleCode);
        Assert.Equal("Conflict", (string?)status!["reason"]);
        Assert.Equal("Operation cannot be fulfilled on configmaps \"cfg\": the object has been modified; please apply your changes to the latest version and try again", (string?)status["message"]);
    }

    [Fact]
    public async Task DryRun_OnEveryWrite_StoresNothing()
    {
        const string collection = "/api/v1/namespaces/default/configmaps";
        Assert.Equal(201, (await Http.SendAsync(HttpMethod.Post, collection + "?dryRun=All", FakeClusterHttp.ConfigMap("ghost"))).Code);
        Assert.Equal(404, (await Http.SendAsync(HttpMethod.Get, collection + "/ghost")).Code);

        var (_, real) = await Http.SendAsync(HttpMethod.Post, collection, FakeClusterHttp.ConfigMap("real", "before"));
        var changed = real!.DeepClone();
        changed["data"]!["key"] = "after";
        Assert.Equal("after", (string?)(await Http.SendAsync(HttpMethod.Put, collection + "/real?dryRun=All", changed)).Body!["data"]!["key"]);
        var patch = new JsonObject { ["data"] = new JsonObject { ["key"] = "patched" } };
        Assert.Equal("patched", (string?)(await Http.SendAsync(HttpMethod.Patch, collection + "/real?dryRun=All", patch, "application/merge-patch+json")).Body!["data"]!["key"]);
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Delete, collection + "/real?dryRun=All")).Code);
        var (_, stored) = await Http.SendAsync(HttpMethod.Get, collection + "/real");
        Assert.Equal("before", (string?)stored!["data"]!["key"]);
        Assert.Equal((string?)real["metadata"]!["resourceVersion"], (string?)stored["metadata"]!["resourceVersion"]);
        Assert.Equal(400, (await Http.SendAsync(HttpMethod.Delete, collection + "/real?dryRun=Some")).Code);
    }

    [Fact]
    public async Task Delete_AnswersWithTheObjectOrAStatus_AsTheRealServerDoes()
    {
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", FakeClusterHttp.ConfigMap("gone"));
        var (code, deleted) = await Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/gone", new JsonObject { ["propagationPolicy"] = "Background" });
        Assert.Equal(200, code);
        Assert.Equal("ConfigMap", (string?)deleted!["kind"]);

        var service = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = "web" },
            ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) },
        };
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services", service);
        var (serviceCode, status) = await Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/services/web");
        Assert.Equal(200, serviceCode);
        Assert.Equal("Status", (string?)status!["kind"]);
        Assert.Equal("Success", (string?)status["status"]);
        Assert.Equal("web", (string?)status["details"]!["name"]);

        Assert.Equal(404, (await Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/services/web")).Code);
    }

    [Fact]
    public async Task DeletePod_IsGraceful_OnTheClusterClock()
    {
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("slow"));
        // Let the kubelet take the pod on and start its container: a pod whose containers never started goes at once.
        Cluster.Controllers.RunOnce();
        Cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        Cluster.Controllers.RunOnce();
        var (code, terminating) = await Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods/slow", new JsonObject { ["gracePeriodSeconds"] = 60 });
        Assert.Equal(200, code);
        Assert.NotNull(terminating!["metadata"]!["deletionTimestamp"]);
        Assert.Equal(60, (int)terminating["metadata"]!["deletionGracePeriodSeconds"]!);
        await Task.Delay(200);
        Assert.Equal(200, (await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/pods/slow")).Code);

        Cluster.Clock.Advance(TimeSpan.FromSeconds(61));
        await Eventually(async () => (await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/pods/slow")).Code == 404);
    }

    [Fact]
    public async Task DeleteNamespace_TerminatesIt_ThenItsContentAndItGo()
    {
        var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "doomed" } };
        var (_, created) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces", ns);
        Assert.Equal("Active", (string?)created!["status"]!["phase"]);
        Assert.Equal("doomed", (string?)created["metadata"]!["labels"]!["kubernetes.io/metadata.name"]);
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/doomed/configmaps", FakeClusterHttp.ConfigMap("inside"));

        var (code, terminating) = await Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/doomed");
        Assert.Equal(200, code);
        Assert.Equal("Terminating", (string?)terminating!["status"]!["phase"]);
        await Eventually(async () => (await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/doomed")).Code == 404);
        Assert.Equal(404, (await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/doomed/configmaps/inside")).Code);
    }

    [Fact]
    public async Task DeleteCollection_RemovesWhatTheSelectorMatches()
    {
        foreach (var (name, app) in new[] { ("a", "web"), ("b", "web"), ("c", "db") })
        {
            await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod(name, new() { ["app"] = app }));
        }
        var (code, list) = await Http.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb", new JsonObject { ["gracePeriodSeconds"] = 0 });
        Assert.Equal(200, code);
        Assert.Equal("PodList", (string?)list!["kind"]);
        Assert.Equal(2, list["items"]!.AsArray().Count);
        var (_, remaining) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/pods");
        Assert.Equal(["c"], remaining!["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"]));
    }

    [Fact]
    public async Task List_FieldSelectors_AreCheckedAndApplied()
    {
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("one"));
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("two"));
        var (_, byName) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dtwo");
        Assert.Equal(["two"], byName!["items"]!.AsArray().Select(i => (string?)i!["metadata"]!["name"]));
        var (_, byNode) = await Http.SendAsync(HttpMethod.Get, "/api/v1/pods?fieldSelector=spec.nodeName%3Dfake-node-1,status.phase%21%3DRunning");
        Assert.Equal(2, byNode!["items"]!.AsArray().Count);
        var (code, status) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/pods?fieldSelector=spec.image%3Dx");
        Assert.Equal(400, code);
        Assert.Equal("field label not supported: spec.image", (string?)status!["message"]);
        var (badCode, _) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/pods?labelSelector=a%20in%20b");
        Assert.Equal(400, badCode);
    }

    [Fact]
    public async Task List_PagesWithLimitAndContinue()
    {
        for (var i = 0; i < 7; i++)
        {
            await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", FakeClusterHttp.ConfigMap($"cm-{i}"));
        }
        var names = new List<string>();
        var path = "/api/v1/namespaces/default/configmaps?limit=3";
        var pages = 0;
        while (true)
        {
            var (_, page) = await Http.SendAsync(HttpMethod.Get, path);
            pages++;
            names.AddRange(page!["items"]!.AsArray().Select(i => (string)i!["metadata"]!["name"]!));
            if ((string?)page["metadata"]!["continue"] is not { Length: > 0 } token)
            {
                break;
            }
            Assert.True((int)page["metadata"]!["remainingItemCount"]! > 0);
            path = "/api/v1/namespaces/default/configmaps?limit=3&continue=" + Uri.EscapeDataString(token);
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"cm-{i}"), names);
        Assert.Equal(400, (await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?limit=3&continue=garbage")).Code);
    }

    [Fact]
    public async Task Table_HasColumnsRowsAndTheRequestedObject()
    {
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", FakeClusterHttp.ConfigMap("shown"));
        const string accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        var (_, table) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps", accept: accept);
        Assert.Equal("Table", (string?)table!["kind"]);
        Assert.Equal("meta.k8s.io/v1", (string?)table["apiVersion"]);
        Assert.Equal("Name", (string?)table["columnDefinitions"]![0]!["name"]);
        var row = table["rows"]![0]!;
        Assert.Equal("shown", (string?)row["cells"]![0]);
        Assert.Equal("PartialObjectMetadata", (string?)row["object"]!["kind"]);

        var (_, withObject) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?includeObject=Object", accept: accept);
        Assert.Equal("v", (string?)withObject!["rows"]![0]!["object"]!["data"]!["key"]);
        var (_, none) = await Http.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps?includeObject=None", accept: accept);
        Assert.Null(none!["rows"]![0]!["object"]);
    }

    [Fact]
    public async Task StatusSubresource_ChangesOnlyTheStatus_AndMainWritesKeepIt()
    {
        var (_, pod) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("status-pod"));
        var withStatus = pod!.DeepClone();
        withStatus["status"]!["phase"] = "Running";
        withStatus["metadata"]!["labels"] = new JsonObject { ["ignored"] = "yes" };
        var (_, afterStatus) = await Http.SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/pods/status-pod/status", withStatus);
        Assert.Equal("Running", (string?)afterStatus!["status"]!["phase"]);
        Assert.Null(afterStatus["metadata"]!["labels"]);

        var mainWrite = afterStatus.DeepClone();
        mainWrite["status"]!["phase"] = "Failed";
        mainWrite["metadata"]!["labels"] = new JsonObject { ["kept"] = "yes" };
        var (_, afterMain) = await Http.SendAsync(HttpMethod.Put, "/api/v1/namespaces/default/pods/status-pod", mainWrite);
        Assert.Equal("Running", (string?)afterMain!["status"]!["phase"]);
        Assert.Equal("yes", (string?)afterMain["metadata"]!["labels"]!["kept"]);
    }

    [Fact]
    public async Task ScaleSubresource_ReadsAndWritesReplicas()
    {
        var deployment = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx"}]}}}}
            """)!;
        await Http.SendAsync(HttpMethod.Post, "/apis/apps/v1/namespaces/default/deployments", deployment);
        var (_, scale) = await Http.SendAsync(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/web/scale");
        Assert.Equal("Scale", (string?)scale!["kind"]);
        Assert.Equal("autoscaling/v1", (string?)scale["apiVersion"]);
        Assert.Equal(2, (int)scale["spec"]!["replicas"]!);
        Assert.Equal("app=web", (string?)scale["status"]!["selector"]);

        var (code, patched) = await Http.SendAsync(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/web/scale",
            new JsonObject { ["spec"] = new JsonObject { ["replicas"] = 5 } }, "application/merge-patch+json");
        Assert.Equal(200, code);
        Assert.Equal(5, (int)patched!["spec"]!["replicas"]!);
        var (_, stored) = await Http.SendAsync(HttpMethod.Get, "/apis/apps/v1/namespaces/default/deployments/web");
        Assert.Equal(5, (int)stored!["spec"]!["replicas"]!);
        Assert.Equal(2, (int)stored["metadata"]!["generation"]!);

        var (negative, _) = await Http.SendAsync(HttpMethod.Patch, "/apis/apps/v1/namespaces/default/deployments/web/scale",
            new JsonObject { ["spec"] = new JsonObject { ["replicas"] = -1 } }, "application/merge-patch+json");
        Assert.Equal(422, negative);
    }

    [Fact]
    public async Task Patch_MergeJsonAndStrategic_AndUnsupportedMediaType()
    {
        await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/pods", FakeClusterHttp.Pod("patched", new() { ["a"] = "1" }));
        const string path = "/api/v1/namespaces/default/pods/patched";

        var merge = JsonNode.Parse("""{"metadata":{"labels":{"a":null,"b":"2"}}}""")!;
        var (_, merged) = await Http.SendAsync(HttpMethod.Patch, path, merge, "application/merge-patch+json");
        Assert.Null(merged!["metadata"]!["labels"]!["a"]);
        Assert.Equal("2", (string?)merged["metadata"]!["labels"]!["b"]);

        var json = JsonNode.Parse("""[{"op":"add","path":"/metadata/labels/c","value":"3"}]""")!;
        var (_, jsonPatched) = await Http.SendAsync(HttpMethod.Patch, path, json, "application/json-patch+json");
        Assert.Equal("3", (string?)jsonPatched!["metadata"]!["labels"]!["c"]);

        // Containers merge by name: only the image changes, which is all a pod's spec may change.
        var strategic = JsonNode.Parse("""{"spec":{"containers":[{"name":"main","image":"envoy"}]}}""")!;
        var (_, strategicPatched) = await Http.SendAsync(HttpMethod.Patch, path, strategic, "application/strategic-merge-patch+json");
        var container = Assert.Single(strategicPatched!["spec"]!["containers"]!.AsArray())!;
        Assert.Equal(("main", "envoy"), ((string?)container["name"], (string?)container["image"]));

        // Adding a container is refused, as the API server refuses it.
        var sidecar = JsonNode.Parse("""{"spec":{"containers":[{"name":"sidecar","image":"envoy"}]}}""")!;
        var (added, refusal) = await Http.SendAsync(HttpMethod.Patch, path, sidecar, "application/strategic-merge-patch+json");
        Assert.Equal(422, added);
        Assert.Equal("Pod \"patched\" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers", (string?)refusal!["message"]);

        var (code, _) = await Http.SendAsync(HttpMethod.Patch, path, merge, "text/plain");
        Assert.Equal(415, code);
    }

    [Fact]
    public async Task Apply_CreatesWhenAbsent_RecordsTheManager_AndReportsConflicts()
    {
        var applied = FakeClusterHttp.ConfigMap("applied", "one");
        var (code, created) = await Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/applied?fieldManager=pskube", applied, "application/apply-patch+yaml");
        Assert.Equal(201, code);
        var entry = created!["metadata"]!["managedFields"]![0]!;
        Assert.Equal("pskube", (string?)entry["manager"]);
        Assert.Equal("Apply", (string?)entry["operation"]);

        var (conflictCode, status) = await Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/applied?fieldManager=other",
            FakeClusterHttp.ConfigMap("applied", "two"), "application/apply-patch+yaml");
        Assert.Equal(409, conflictCode);
        Assert.Equal("FieldManagerConflict", (string?)status!["details"]!["causes"]![0]!["reason"]);
        Assert.Equal(".data.key", (string?)status["details"]!["causes"]![0]!["field"]);

        var (forcedCode, forced) = await Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/applied?fieldManager=other&force=true",
            FakeClusterHttp.ConfigMap("applied", "two"), "application/apply-patch+yaml");
        Assert.Equal(200, forcedCode);
        Assert.Equal("two", (string?)forced!["data"]!["key"]);

        var (missingManager, _) = await Http.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/applied", applied, "application/apply-patch+yaml");
        Assert.Equal(400, missingManager);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(50);
        }
    }
}

using System.Text.Json.Nodes;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
using PSKube.FakeCluster;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// The fake cluster's Services as the API server's: what its validation refuses, with the fields and wording, and
/// that every Service, Pod, Deployment and Namespace the generators build (and kubectl's own) is accepted.
/// </summary>
public sealed class FakeClusterServiceValidationTests : FakeClusterHttpTest
{
    public static TheoryData<string, string[]> Refused => new()
    {
        { """{"ports":[]}""", ["spec.ports: Required value"] },
        { """{"ports":[{"port":80},{"port":81}]}""", ["spec.ports[0].name: Required value", "spec.ports[1].name: Required value"] },
        { """{"ports":[{"name":"Web","port":80}]}""", ["spec.ports[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label"] },
        { """{"ports":[{"name":"a","port":80},{"name":"a","port":81}]}""", ["spec.ports[1].name: Duplicate value: \"a\""] },
        { """{"ports":[{"name":"a","port":80},{"name":"b","port":80}]}""", ["spec.ports[1]: Duplicate value: port 80/TCP"] },
        { """{"ports":[{"port":70000}]}""", ["spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive", "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive"] },
        { """{"ports":[{"port":80,"targetPort":"Bad_Name"}]}""", ["spec.ports[0].targetPort: Invalid value: \"Bad_Name\": must be no more than 15 characters"] },
        { """{"ports":[{"port":80,"nodePort":30100}]}""", ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
        { """{"type":"NodePort","ports":[{"name":"a","port":80,"nodePort":30100},{"name":"b","port":81,"nodePort":30100}]}""", ["spec.ports[1].nodePort: Duplicate value: node port 30100/TCP"] },
        { """{"type":"NodePort","clusterIP":"None","ports":[{"port":80}]}""", ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"] },
        { """{"type":"ExternalName"}""", ["spec.externalName: Required value"] },
        { """{"type":"ExternalName","externalName":"Bad_Name"}""", ["spec.externalName: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain"] },
        { """{"type":"ExternalName","externalName":"db.example.com","clusterIP":"10.96.0.9"}""", ["spec.clusterIPs: Forbidden: may not be set for ExternalName services"] },
        { """{"clusterIP":"bogus","ports":[{"port":80}]}""", ["spec.clusterIPs[0]: Invalid value: \"bogus\": must be a valid IP address"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Services_TheApiServerRefuses_AreRefusedWithItsCauses(string spec, string[] causes)
    {
        var body = JsonNode.Parse($$"""{"apiVersion":"v1","kind":"Service","metadata":{"name":"bad"},"spec":{{spec}}}""");
        var (code, status) = await Http.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/services", body);

        Assert.Equal(422, code);
        var given = status!["details"]!["causes"]!.AsArray().Select(c => $"{(string?)c!["field"]}: {(string?)c["message"]}").ToList();
        Assert.Equal(causes.Length, given.Count);
        foreach (var (expected, actual) in causes.Zip(given))
        {
            Assert.StartsWith(expected, actual, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GeneratedObjects_AreAllAccepted()
    {
        var client = FakeClusterClient.For(Cluster);
        var services = BuiltInResources.Find("services")!;
        var pods = BuiltInResources.Find("pods")!;
        var deployment = DeploymentGenerator.Generate(new DeploymentOptions { Name = "web", Images = ["nginx", "busybox"], Port = 80 });
        var pod = PodGenerator.Generate(new PodOptions
        {
            Name = "box",
            Image = "busybox",
            Port = 8080,
            Privileged = true,
            Annotations = new Dictionary<string, string> { ["note"] = "x" },
            Overrides = """{"spec":{"terminationGracePeriodSeconds":5}}""",
        });
        Service[] generated =
        [
            ServiceGenerator.Generate(new ServiceOptions { Name = "cs", Ports = ["80:8080", "443:https", "9000"] }),
            ServiceGenerator.Generate(new ServiceOptions { Name = "one", Ports = ["80"], TargetPort = "http" }),
            ServiceGenerator.Generate(new ServiceOptions { Name = "np", Ports = ["80:8080"], NodePort = 30080 }),
            ServiceGenerator.Generate(new ServiceOptions { Name = "np-auto", Type = "NodePort", Ports = ["80", "443"] }),
            ServiceGenerator.Generate(new ServiceOptions { Name = "lb", Type = "LoadBalancer", Ports = ["80"] }),
            ServiceGenerator.Generate(new ServiceOptions { Name = "hl", ClusterIP = "None" }),
            ServiceGenerator.Generate(new ServiceOptions { Name = "fixed", ClusterIP = "10.96.0.50", Ports = ["80"] }),
            ServiceGenerator.Generate(new ServiceOptions { Name = "db", ExternalName = "db.example.com", Ports = ["5432"] }),
            ServiceGenerator.Expose(deployment, new ServiceOptions()),
            ServiceGenerator.Expose(deployment, new ServiceOptions { Name = "web-multi", Ports = ["80", "8080:http"], Type = "NodePort" }),
            ServiceGenerator.Expose(pod, new ServiceOptions { Name = "box-hl", ClusterIP = "None", Selector = new Dictionary<string, string> { ["run"] = "box" } }),
        ];

        await client.CreateAsync(BuiltInResources.Find("deployments")!, deployment, null, default);
        await client.CreateAsync(pods, pod, null, default);
        await client.CreateAsync(BuiltInResources.Find("namespaces")!, NamespaceGenerator.Generate("team"), null, default);
        foreach (var service in generated)
        {
            service.Namespace = "default";
            var created = await client.CreateAsync(services, service, null, default);
            Assert.Equal(service.Name, created.Name);
        }

        var nodePort = await client.GetAsync<Service>(services, "default", "np", default);
        Assert.Equal(30080, nodePort.Spec!.Ports![0].NodePort);
        Assert.Equal("None", (await client.GetAsync<Service>(services, "default", "hl", default)).Spec!.ClusterIP);
    }

    [KubectlFact]
    public async Task KubectlGenerators_AreAccepted_AndABadServiceRefused()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("run", "box", "--image=busybox", "--privileged", "--image-pull-policy=Never", "--annotations", "note=x",
            "--overrides", """{"spec":{"terminationGracePeriodSeconds":5}}""", "--", "sleep", "60")).Succeeded();
        (await kubectl.RunAsync("create", "deployment", "shop", "--image=nginx", "--image=busybox", "--port=80")).Succeeded();
        (await kubectl.RunAsync("expose", "deployment", "shop", "--cluster-ip", "None")).Succeeded();
        (await kubectl.RunAsync("create", "service", "clusterip", "hl", "--clusterip=None")).Succeeded();
        (await kubectl.RunAsync("create", "service", "nodeport", "np", "--tcp=80:8080,443:https")).Succeeded();

        var pod = JsonNode.Parse((await kubectl.RunAsync("get", "pod", "box", "-o", "json")).Succeeded().Stdout)!;
        Assert.True((bool)pod["spec"]!["containers"]![0]!["securityContext"]!["privileged"]!);
        Assert.Equal(5, (int)pod["spec"]!["terminationGracePeriodSeconds"]!);

        // kubectl create service nodeport puts --node-port on every port: the API server refuses the second.
        var twice = await kubectl.RunAsync("create", "service", "nodeport", "twice", "--tcp=80,443", "--node-port=30090");
        Assert.NotEqual(0, twice.ExitCode);
        Assert.Contains("spec.ports[1].nodePort: Duplicate value", twice.Stderr, StringComparison.Ordinal);
        var bad = await kubectl.RunAsync("create", "-f", kubectl.WriteFile("bad.yaml", """
            apiVersion: v1
            kind: Service
            metadata: {name: bad}
            spec:
              type: ExternalName
              externalName: db.example.com
              clusterIP: 10.96.0.9
            """));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("spec.clusterIPs: Forbidden: may not be set for ExternalName services", bad.Stderr, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
using PSKube.Client.Validation;
using static PSKube.Client.Tests.Generators.GeneratorJson;

namespace PSKube.Client.Tests.Generators;

/// <summary>Each generator against kubectl's own generator: the same JSON for the same arguments.</summary>
public sealed partial class GeneratorsKubectlTests
{
    private const string MultiPortPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: multi
          labels: {app: multi, tier: be}
        spec:
          containers:
          - name: a
            image: nginx
            ports:
            - {containerPort: 80, name: http}
            - {containerPort: 53, protocol: TCP}
            - {containerPort: 53, protocol: UDP}
          - name: b
            image: nginx
            ports:
            - {containerPort: 9090}
            - {containerPort: 80}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: bare
        spec:
          containers:
          - name: a
            image: nginx
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: expr
        spec:
          selector:
            matchExpressions:
            - {key: app, operator: In, values: [expr]}
          template:
            metadata:
              labels: {app: expr}
            spec:
              containers:
              - name: a
                image: nginx
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: multi-svc
          labels: {app: multi}
        spec:
          selector: {app: multi, tier: be}
          ports:
          - {name: http, port: 80, targetPort: 80}
          - {name: dns, port: 53, protocol: TCP}
          - {name: dns-udp, port: 53, protocol: UDP}
          - {name: metrics, port: 9090}
        """;

    [KubectlFact]
    public async Task Generators_Pod_MatchesKubectlRun()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        AssertSameAsKubectl(
            await kubectl.RunAsync("run", "web", "--image=nginx", "--dry-run=client", "-o", "json"),
            PodGenerator.Generate(new PodOptions { Name = "web", Image = "nginx" }));

        AssertSameAsKubectl(
            await kubectl.RunAsync("run", "web", "--image=nginx:1.27", "--port", "80", "--env", "A=1", "--env", "B=x=y", "--env", "EMPTY=",
                "--labels", "a=b,c=d", "--annotations", "note=hello world", "--restart", "Never", "--image-pull-policy", "IfNotPresent",
                "-n", "team", "--command", "--dry-run=client", "-o", "json", "--", "sh", "-c", "echo hi"),
            PodGenerator.Generate(new PodOptions
            {
                Name = "web",
                Image = "nginx:1.27",
                Port = 80,
                Env = ["A=1", "B=x=y", "EMPTY="],
                Labels = new Dictionary<string, string> { ["a"] = "b", ["c"] = "d" },
                Annotations = new Dictionary<string, string> { ["note"] = "hello world" },
                RestartPolicy = "Never",
                ImagePullPolicy = "IfNotPresent",
                Namespace = "team",
                ArgumentsAreCommand = true,
                Arguments = ["sh", "-c", "echo hi"],
            }));

        AssertSameAsKubectl(
            await kubectl.RunAsync("run", "pinger", "--image=busybox", "--restart", "OnFailure", "--dry-run=client", "-o", "json", "--", "ping", "127.0.0.1"),
            PodGenerator.Generate(new PodOptions { Name = "pinger", Image = "busybox", RestartPolicy = "OnFailure", Arguments = ["ping", "127.0.0.1"] }));
    }

    [KubectlFact]
    public async Task Generators_PodPrivilegedAndOverrides_MatchKubectlRun()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        AssertSameAsKubectl(
            await kubectl.RunAsync("run", "web", "--image=nginx", "--privileged", "--image-pull-policy", "Never", "--annotations", "a=1", "--annotations", "b=x=y, z",
                "--dry-run=client", "-o", "json"),
            PodGenerator.Generate(new PodOptions
            {
                Name = "web",
                Image = "nginx",
                Privileged = true,
                ImagePullPolicy = "Never",
                Annotations = new Dictionary<string, string> { ["a"] = "1", ["b"] = "x=y, z" },
            }));

        // A merge patch: objects merge, null removes, lists (containers) are replaced whole and get resources: {} back.
        const string Overrides = """{"metadata":{"labels":{"run":null,"tier":"be"},"annotations":{"note":"x"}},"spec":{"nodeName":"fake-node-1","containers":[{"name":"box","image":"busybox","args":["sleep","1"]}],"dnsPolicy":null}}""";
        AssertSameAsKubectl(
            await kubectl.RunAsync("run", "web", "--image=nginx", "--port", "80", "-n", "team", "--overrides", Overrides, "--dry-run=client", "-o", "json"),
            PodGenerator.Generate(new PodOptions { Name = "web", Image = "nginx", Port = 80, Namespace = "team", Overrides = Overrides }));
        AssertSameAsKubectl(
            await kubectl.RunAsync("run", "web", "--image=nginx", "--overrides", """{"spec":{"containers":[{"name":"web","image":"nginx:1.27","securityContext":{"runAsUser":1000}}],"hostNetwork":true}}""", "--dry-run=client", "-o", "json"),
            PodGenerator.Generate(new PodOptions { Name = "web", Image = "nginx", Overrides = """{"spec":{"containers":[{"name":"web","image":"nginx:1.27","securityContext":{"runAsUser":1000}}],"hostNetwork":true}}""" }));
    }

    [KubectlFact]
    public async Task Generators_PodRequestsAndLimits_AreKubectlRunPlusResources()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var expected = FromKubectl(await kubectl.RunAsync("run", "web", "--image=nginx", "--dry-run=client", "-o", "json"));
        expected["spec"]!["containers"]![0]!["resources"] = JsonNode.Parse("""{"requests":{"cpu":"250m","memory":"64Mi"},"limits":{"memory":"128Mi","nvidia.com/gpu":"1"}}""");

        var pod = PodGenerator.Generate(new PodOptions
        {
            Name = "web",
            Image = "nginx",
            Requests = new Dictionary<string, string> { ["cpu"] = "250m", ["memory"] = "64Mi" },
            Limits = new Dictionary<string, string> { ["memory"] = "128Mi", ["nvidia.com/gpu"] = "1" },
        });

        AssertSame(expected, Ours(pod));
    }

    [KubectlFact]
    public async Task Generators_Deployment_MatchesKubectlCreateDeployment()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "--dry-run=client", "-o", "json"),
            DeploymentGenerator.Generate(new DeploymentOptions { Name = "web", Images = ["nginx"] }));

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "deployment", "api", "--image=registry.example.com:5000/team/api:2.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "--replicas", "0", "--port", "8080",
                "-n", "team", "--dry-run=client", "-o", "json", "--", "sleep", "3600"),
            DeploymentGenerator.Generate(new DeploymentOptions
            {
                Name = "api",
                Images = ["registry.example.com:5000/team/api:2.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"],
                Replicas = 0,
                Port = 8080,
                Namespace = "team",
                Command = ["sleep", "3600"],
            }));

        // '_' and '.' in the image's name make kubectl add a random suffix to the container name: compare the pattern, then the rest.
        var kubectlJson = FromKubectl(await kubectl.RunAsync("create", "deployment", "web", "--image=team/my_app.v2:1.0", "--replicas", "3", "--dry-run=client", "-o", "json"));
        var ours = Ours(DeploymentGenerator.Generate(new DeploymentOptions { Name = "web", Images = ["team/my_app.v2:1.0"], Replicas = 3 }));
        var kubectlName = (string)kubectlJson["spec"]!["template"]!["spec"]!["containers"]![0]!["name"]!;
        var ourContainer = ours["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Matches(SanitizedContainerName(), kubectlName);
        Assert.Matches(SanitizedContainerName(), (string)ourContainer["name"]!);
        ourContainer["name"] = kubectlName;
        AssertSame(kubectlJson, ours);
    }

    [KubectlFact]
    public async Task Generators_DeploymentOfSeveralImages_MatchesKubectlCreateDeployment()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "deployment", "multi", "--image=nginx:1.27", "--image=registry.example.com:5000/team/sidecar@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "--port", "80", "--replicas", "2", "--dry-run=client", "-o", "json"),
            DeploymentGenerator.Generate(new DeploymentOptions { Name = "multi", Images = ["nginx:1.27", "registry.example.com:5000/team/sidecar@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"], Port = 80, Replicas = 2 }));
        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "deployment", "multi", "--image=nginx,busybox", "-n", "team", "--dry-run=client", "-o", "json"),
            DeploymentGenerator.Generate(new DeploymentOptions { Name = "multi", Images = ["nginx", "busybox"], Namespace = "team" }));

        // kubectl refuses a command with several images, as the generator does.
        var withCommand = await kubectl.RunAsync("create", "deployment", "multi", "--image=nginx", "--image=busybox", "--dry-run=client", "-o", "json", "--", "sleep", "1");
        Assert.NotEqual(0, withCommand.ExitCode);
    }

    [KubectlFact]
    public async Task Generators_Namespace_MatchesKubectlCreateNamespace()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        AssertSameAsKubectl(await kubectl.RunAsync("create", "namespace", "team", "--dry-run=client", "-o", "json"), NamespaceGenerator.Generate("team"));
    }

    [KubectlFact]
    public async Task Generators_Job_MatchesKubectlCreateJob()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "job", "once", "--image=busybox", "--dry-run=client", "-o", "json"),
            JobGenerator.Generate(new JobOptions { Name = "once", Image = "busybox" }));

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "job", "once", "--image=busybox", "-n", "team", "--dry-run=client", "-o", "json", "--", "sh", "-c", "exit 0"),
            JobGenerator.Generate(new JobOptions { Name = "once", Image = "busybox", Namespace = "team", Command = ["sh", "-c", "exit 0"] }));

        // The settings kubectl create job cannot make go into the spec and nowhere else.
        var expected = FromKubectl(await kubectl.RunAsync("create", "job", "batch", "--image=busybox", "--dry-run=client", "-o", "json", "--", "sleep", "1"));
        var spec = expected["spec"]!.AsObject();
        spec["completions"] = 5;
        spec["parallelism"] = 2;
        spec["backoffLimit"] = 0;
        spec["activeDeadlineSeconds"] = 600;
        AssertSame(expected, Ours(JobGenerator.Generate(new JobOptions
        {
            Name = "batch",
            Image = "busybox",
            Command = ["sleep", "1"],
            Completions = 5,
            Parallelism = 2,
            BackoffLimit = 0,
            ActiveDeadlineSeconds = 600,
        })));
    }

    [KubectlFact]
    public async Task Generators_CronJob_MatchesKubectlCreateCronJob()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *", "--dry-run=client", "-o", "json", "--", "sh", "-c", "date"),
            CronJobGenerator.Generate(new CronJobOptions { Name = "tick", Image = "busybox", Schedule = "*/5 * * * *", Command = ["sh", "-c", "date"] }));

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "cronjob", "nightly", "--image=busybox", "--schedule=@daily", "--restart", "Never", "-n", "team", "--dry-run=client", "-o", "json"),
            CronJobGenerator.Generate(new CronJobOptions { Name = "nightly", Image = "busybox", Schedule = "@daily", RestartPolicy = "Never", Namespace = "team" }));

        var expected = FromKubectl(await kubectl.RunAsync("create", "cronjob", "report", "--image=busybox", "--schedule=30 2 * * MON-FRI", "--dry-run=client", "-o", "json"));
        var spec = expected["spec"]!.AsObject();
        spec["suspend"] = true;
        spec["concurrencyPolicy"] = "Forbid";
        spec["timeZone"] = "Europe/Berlin";
        spec["successfulJobsHistoryLimit"] = 0;
        spec["failedJobsHistoryLimit"] = 5;
        spec["startingDeadlineSeconds"] = 120;
        AssertSame(expected, Ours(CronJobGenerator.Generate(new CronJobOptions
        {
            Name = "report",
            Image = "busybox",
            Schedule = "30 2 * * MON-FRI",
            Suspend = true,
            ConcurrencyPolicy = "Forbid",
            TimeZone = "Europe/Berlin",
            SuccessfulJobsHistoryLimit = 0,
            FailedJobsHistoryLimit = 5,
            StartingDeadlineSeconds = 120,
        })));
    }

    [KubectlFact]
    public async Task Generators_JobFromCronJob_MatchesKubectlCreateJobFrom()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("create", "cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *", "--", "sh", "-c", "date")).Succeeded();
        (await kubectl.RunAsync("label", "cronjob", "tick", "team=a")).Succeeded();
        (await kubectl.RunAsync("patch", "cronjob", "tick", "--type=merge", "-p",
            """{"spec":{"jobTemplate":{"metadata":{"labels":{"kind":"report"},"annotations":{"owner":"ops"}}}}}""")).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);
        var cronJob = await client.GetAsync<CronJob>(BuiltInResources.Find("cronjobs")!, "default", "tick", default);

        var kubectlJson = FromKubectl(await kubectl.RunAsync("create", "job", "by-hand", "--from=cronjob/tick", "-n", "default", "--dry-run=client", "-o", "json"));
        var job = JobGenerator.FromCronJob(cronJob, "by-hand", "default");
        AssertSame(kubectlJson, Ours(job));

        // Without -n kubectl names no namespace, although the CronJob has one.
        AssertSameAsKubectl(await kubectl.RunAsync("create", "job", "by-hand", "--from=cronjob/tick", "--dry-run=client", "-o", "json"), JobGenerator.FromCronJob(cronJob, "by-hand"));
        Assert.Equal(cronJob.Metadata!.Uid, job.Metadata!.OwnerReferences![0].Uid);
        Assert.Null(job.Metadata.OwnerReferences[0].BlockOwnerDeletion);
        Assert.Matches(ManualJobName(), JobGenerator.FromCronJob(cronJob).Name);
    }

    [KubectlFact]
    public async Task Generators_ServiceFromPodsDeploymentsAndServices_MatchesKubectlExpose()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("create", "-f", kubectl.WriteFile("objects.yaml", MultiPortPod))).Succeeded();
        (await kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "--port", "80")).Succeeded();
        // kubectl expose pod multi would make a Service the API server refuses: the pod serves 80 twice, so two ports named port-1-tcp.
        var client = FakeClusterClient.For(kubectl.Cluster);
        var multi = await client.GetAsync<Pod>(BuiltInResources.Find("pods")!, "default", "multi", default);
        var web = await client.GetAsync<Deployment>(BuiltInResources.Find("deployments")!, "default", "web", default);
        var multiService = await client.GetAsync<Service>(BuiltInResources.Find("services")!, "default", "multi-svc", default);

        async Task Compare(KubeObject source, ServiceOptions options, params string[] arguments)
        {
            AssertSameAsKubectl(await kubectl.RunAsync([.. arguments, "-n", "default", "--dry-run=client", "-o", "json"], stdin: null), ServiceGenerator.Expose(source, options with { Namespace = "default" }));
            AssertSameAsKubectl(await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null), ServiceGenerator.Expose(source, options));
        }

        await Compare(web, new ServiceOptions(), "expose", "deployment", "web");
        await Compare(web, new ServiceOptions { Ports = ["8080"], TargetPort = "80", Name = "web-np", Type = "NodePort", Protocol = "UDP" },
            "expose", "deployment", "web", "--port", "8080", "--target-port", "80", "--name", "web-np", "--type", "NodePort", "--protocol", "UDP");
        await Compare(web, new ServiceOptions { Ports = ["8080"], TargetPort = "http", Selector = new Dictionary<string, string> { ["x"] = "y" }, Labels = new Dictionary<string, string> { ["l"] = "v" } },
            "expose", "deployment", "web", "--port", "8080", "--target-port", "http", "--selector", "x=y", "--labels", "l=v");
        await Compare(multi, new ServiceOptions(), "expose", "pod", "multi");
        await Compare(multi, new ServiceOptions { Protocol = "SCTP", Type = "LoadBalancer" }, "expose", "pod", "multi", "--protocol", "SCTP", "--type", "LoadBalancer");
        await Compare(multi, new ServiceOptions { Ports = ["53"] }, "expose", "pod", "multi", "--port", "53");
        await Compare(multi, new ServiceOptions { Ports = ["81", "53"], TargetPort = "7" }, "expose", "pod", "multi", "--port", "81,53", "--target-port", "7");
        await Compare(multiService, new ServiceOptions { Name = "again" }, "expose", "service", "multi-svc", "--name", "again");
        await Compare(multiService, new ServiceOptions { Name = "one", Ports = ["90"] }, "expose", "service", "multi-svc", "--name", "one", "--port", "90");
        await Compare(web, new ServiceOptions { ClusterIP = "None" }, "expose", "deployment", "web", "--cluster-ip", "None");
        await Compare(web, new ServiceOptions { ClusterIP = "10.96.0.50", Type = "ClusterIP" }, "expose", "deployment", "web", "--cluster-ip", "10.96.0.50", "--type", "ClusterIP");
        await Compare(multi, new ServiceOptions { ClusterIP = "None", Ports = ["80", "9090"] }, "expose", "pod", "multi", "--cluster-ip", "None", "--port", "80,9090");
        var bare = await client.GetAsync<Pod>(BuiltInResources.Find("pods")!, "default", "bare", default);
        await Compare(bare, new ServiceOptions { ClusterIP = "None", Selector = new Dictionary<string, string> { ["app"] = "bare" } }, "expose", "pod", "bare", "--cluster-ip", "None", "--selector", "app=bare");
    }

    [KubectlFact]
    public async Task Generators_ServiceFromAName_MatchesKubectlCreateService()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);

        async Task Compare(ServiceOptions options, params string[] arguments) =>
            AssertSameAsKubectl(await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null), ServiceGenerator.Generate(options));

        await Compare(new ServiceOptions { Name = "elastic", Ports = ["9200"] }, "create", "service", "clusterip", "elastic", "--tcp=9200");
        await Compare(new ServiceOptions { Name = "elastic", Ports = ["9200:9200"] }, "create", "service", "clusterip", "elastic", "--tcp=9200:9200");
        await Compare(new ServiceOptions { Name = "web", Ports = ["80:8080", "443:https", "9000"], Namespace = "team" }, "create", "service", "clusterip", "web", "--tcp=80:8080,443:https", "--tcp", "9000", "-n", "team");
        await Compare(new ServiceOptions { Name = "web", Ports = ["80"], TargetPort = "8080" }, "create", "service", "clusterip", "web", "--tcp=80:8080");
        await Compare(new ServiceOptions { Name = "web", Ports = ["80", "443:8443"], TargetPort = "http" }, "create", "service", "clusterip", "web", "--tcp=80:http,443:8443");
        await Compare(new ServiceOptions { Name = "hl", ClusterIP = "None" }, "create", "service", "clusterip", "hl", "--clusterip=None");
        await Compare(new ServiceOptions { Name = "hl", ClusterIP = "None", Ports = ["5432"] }, "create", "service", "clusterip", "hl", "--clusterip=None", "--tcp=5432");
        await Compare(new ServiceOptions { Name = "fixed", ClusterIP = "10.96.0.50", Ports = ["80"] }, "create", "service", "clusterip", "fixed", "--clusterip=10.96.0.50", "--tcp=80");
        await Compare(new ServiceOptions { Name = "np", Type = "NodePort", Ports = ["80:8080"] }, "create", "service", "nodeport", "np", "--tcp=80:8080");
        await Compare(new ServiceOptions { Name = "np", NodePort = 30080, Ports = ["80:8080"] }, "create", "service", "nodeport", "np", "--tcp=80:8080", "--node-port=30080");
        await Compare(new ServiceOptions { Name = "np", Type = "NodePort", NodePort = 30080, Ports = ["80"], Namespace = "team" }, "create", "service", "nodeport", "np", "--tcp=80", "--node-port", "30080", "-n", "team");
        await Compare(new ServiceOptions { Name = "lb", Type = "LoadBalancer", Ports = ["80", "443"] }, "create", "service", "loadbalancer", "lb", "--tcp=80,443");
        await Compare(new ServiceOptions { Name = "db", ExternalName = "db.example.com" }, "create", "service", "externalname", "db", "--external-name", "db.example.com");
        await Compare(new ServiceOptions { Name = "db", Type = "ExternalName", ExternalName = "db.example.com", Ports = ["5432"] }, "create", "service", "externalname", "db", "--external-name", "db.example.com", "--tcp=5432");

        // What kubectl refuses, the generator refuses too.
        string[][] refused =
        [
            ["create", "service", "clusterip", "none"],
            ["create", "service", "externalname", "bad", "--external-name", "Bad_Name"],
            ["create", "service", "clusterip", "web", "--tcp=80:Bad_Name"],
            ["create", "service", "clusterip", "web", "--tcp=x"],
        ];
        foreach (var arguments in refused)
        {
            Assert.NotEqual(0, (await kubectl.RunAsync([.. arguments, "--dry-run=client", "-o", "json"], stdin: null)).ExitCode);
        }

        Assert.Throws<KubeInputException>(() => ServiceGenerator.Generate(new ServiceOptions { Name = "none" }));
        Assert.Throws<KubeInputException>(() => ServiceGenerator.Generate(new ServiceOptions { Name = "bad", ExternalName = "Bad_Name" }));
        Assert.Throws<KubeInputException>(() => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80:Bad_Name"] }));
        Assert.Throws<KubeInputException>(() => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["x"] }));
    }

    [KubectlFact]
    public async Task Generators_ServiceOfAnUnlabelledPortlessPod_MatchesKubectlExpose()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("create", "-f", kubectl.WriteFile("objects.yaml", MultiPortPod))).Succeeded();

        AssertSameAsKubectl(
            await kubectl.RunAsync("expose", "pod", "bare", "--name", "front", "--selector", "app=front", "--port", "80,443", "--labels", "tier=edge", "--dry-run=client", "-o", "json"),
            ServiceGenerator.Expose(await FakeClusterClient.For(kubectl.Cluster).GetAsync<Pod>(BuiltInResources.Find("pods")!, "default", "bare", default), new ServiceOptions
            {
                Name = "front",
                Selector = new Dictionary<string, string> { ["app"] = "front" },
                Ports = ["80", "443"],
                Labels = new Dictionary<string, string> { ["tier"] = "edge" },
            }));

        // kubectl refuses what our generator refuses.
        var unlabelled = await kubectl.RunAsync("expose", "pod", "bare", "--port", "80", "--dry-run=client", "-o", "json");
        Assert.NotEqual(0, unlabelled.ExitCode);
        var expressions = await kubectl.RunAsync("expose", "deployment", "expr", "--port", "80", "--dry-run=client", "-o", "json");
        Assert.NotEqual(0, expressions.ExitCode);

        // A Selector gets around matchExpressions, as --selector does.
        var expr = await FakeClusterClient.For(kubectl.Cluster).GetAsync<Deployment>(BuiltInResources.Find("deployments")!, "default", "expr", default);
        AssertSameAsKubectl(
            await kubectl.RunAsync("expose", "deployment", "expr", "--port", "80", "--selector", "app=expr", "-n", "default", "--dry-run=client", "-o", "json"),
            ServiceGenerator.Expose(expr, new ServiceOptions { Ports = ["80"], Selector = new Dictionary<string, string> { ["app"] = "expr" }, Namespace = "default" }));
    }

    [GeneratedRegex(@"\Amy-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}\z")]
    private static partial Regex SanitizedContainerName();

    [GeneratedRegex(@"\Atick-manual-[bcdfghjklmnpqrstvwxz2456789]{5}\z")]
    private static partial Regex ManualJobName();
}

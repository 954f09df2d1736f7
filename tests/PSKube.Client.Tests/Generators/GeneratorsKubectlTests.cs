using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
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
            DeploymentGenerator.Generate(new DeploymentOptions { Name = "web", Image = "nginx" }));

        AssertSameAsKubectl(
            await kubectl.RunAsync("create", "deployment", "api", "--image=registry.example.com:5000/team/api:2.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "--replicas", "0", "--port", "8080",
                "-n", "team", "--dry-run=client", "-o", "json", "--", "sleep", "3600"),
            DeploymentGenerator.Generate(new DeploymentOptions
            {
                Name = "api",
                Image = "registry.example.com:5000/team/api:2.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                Replicas = 0,
                Port = 8080,
                Namespace = "team",
                Command = ["sleep", "3600"],
            }));

        // '_' and '.' in the image's name make kubectl add a random suffix to the container name: compare the pattern, then the rest.
        var kubectlJson = FromKubectl(await kubectl.RunAsync("create", "deployment", "web", "--image=team/my_app.v2:1.0", "--replicas", "3", "--dry-run=client", "-o", "json"));
        var ours = Ours(DeploymentGenerator.Generate(new DeploymentOptions { Name = "web", Image = "team/my_app.v2:1.0", Replicas = 3 }));
        var kubectlName = (string)kubectlJson["spec"]!["template"]!["spec"]!["containers"]![0]!["name"]!;
        var ourContainer = ours["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Matches(SanitizedContainerName(), kubectlName);
        Assert.Matches(SanitizedContainerName(), (string)ourContainer["name"]!);
        ourContainer["name"] = kubectlName;
        AssertSame(kubectlJson, ours);
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
        var job = JobGenerator.FromCronJob(cronJob, "by-hand");

        AssertSame(kubectlJson, Ours(job));
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
        (await kubectl.RunAsync("expose", "pod", "multi", "--name", "multi-svc")).Succeeded();
        var client = FakeClusterClient.For(kubectl.Cluster);
        var multi = await client.GetAsync<Pod>(BuiltInResources.Find("pods")!, "default", "multi", default);
        var web = await client.GetAsync<Deployment>(BuiltInResources.Find("deployments")!, "default", "web", default);
        var multiService = await client.GetAsync<Service>(BuiltInResources.Find("services")!, "default", "multi-svc", default);

        async Task Compare(KubeObject source, ServiceOptions options, params string[] arguments) =>
            AssertSameAsKubectl(await kubectl.RunAsync([.. arguments, "-n", "default", "--dry-run=client", "-o", "json"], stdin: null), ServiceGenerator.Expose(source, options));

        await Compare(web, new ServiceOptions(), "expose", "deployment", "web");
        await Compare(web, new ServiceOptions { Ports = [8080], TargetPort = "80", Name = "web-np", Type = "NodePort", Protocol = "UDP" },
            "expose", "deployment", "web", "--port", "8080", "--target-port", "80", "--name", "web-np", "--type", "NodePort", "--protocol", "UDP");
        await Compare(web, new ServiceOptions { Ports = [8080], TargetPort = "http", Selector = new Dictionary<string, string> { ["x"] = "y" }, Labels = new Dictionary<string, string> { ["l"] = "v" } },
            "expose", "deployment", "web", "--port", "8080", "--target-port", "http", "--selector", "x=y", "--labels", "l=v");
        await Compare(multi, new ServiceOptions(), "expose", "pod", "multi");
        await Compare(multi, new ServiceOptions { Protocol = "SCTP", Type = "LoadBalancer" }, "expose", "pod", "multi", "--protocol", "SCTP", "--type", "LoadBalancer");
        await Compare(multi, new ServiceOptions { Ports = [53] }, "expose", "pod", "multi", "--port", "53");
        await Compare(multi, new ServiceOptions { Ports = [81, 53], TargetPort = "7" }, "expose", "pod", "multi", "--port", "81,53", "--target-port", "7");
        await Compare(multiService, new ServiceOptions { Name = "again" }, "expose", "service", "multi-svc", "--name", "again");
        await Compare(multiService, new ServiceOptions { Name = "one", Ports = [90] }, "expose", "service", "multi-svc", "--name", "one", "--port", "90");
    }

    [KubectlFact]
    public async Task Generators_ServiceWithoutSource_MatchesKubectlExposeOfAnUnlabelledPortlessPod()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        (await kubectl.RunAsync("create", "-f", kubectl.WriteFile("objects.yaml", MultiPortPod))).Succeeded();

        AssertSameAsKubectl(
            await kubectl.RunAsync("expose", "pod", "bare", "--name", "front", "--selector", "app=front", "--port", "80,443", "--labels", "tier=edge", "--dry-run=client", "-o", "json"),
            ServiceGenerator.Generate(new ServiceOptions
            {
                Name = "front",
                Selector = new Dictionary<string, string> { ["app"] = "front" },
                Ports = [80, 443],
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
            ServiceGenerator.Expose(expr, new ServiceOptions { Ports = [80], Selector = new Dictionary<string, string> { ["app"] = "expr" } }));
    }

    [GeneratedRegex(@"\Amy-app-v2-[bcdfghjklmnpqrstvwxz2456789]{5}\z")]
    private static partial Regex SanitizedContainerName();

    [GeneratedRegex(@"\Atick-manual-[bcdfghjklmnpqrstvwxz2456789]{5}\z")]
    private static partial Regex ManualJobName();
}

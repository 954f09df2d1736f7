using System.Text.RegularExpressions;
using PSKube.Client.Describing;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;

namespace PSKube.Client.Tests.Describing;

/// <summary>
/// PSKube's describe text and kubectl describe's, side by side on the same objects of one fake cluster: the same
/// sections, labels, indentation and alignment. Ages are compared as of the moment kubectl ran: the description is
/// rendered for moments 50 ms apart while kubectl ran, and one must match (or, failing that, differ in ages only,
/// each by no more than kubectl took).
/// </summary>
public sealed class DescribeKubectlTests
{
    [KubectlFact]
    public async Task EveryKind_ReadsAsKubectlDescribe()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        var client = FakeClusterClient.For(kubectl.Cluster);
        (await kubectl.RunAsync("create", "deployment", "web", "--image=nginx", "--replicas=2", "--port=80")).Succeeded();
        (await kubectl.RunAsync("expose", "deployment", "web", "--port=80")).Succeeded();
        var pod = kubectl.WriteFile("pod.yaml", PodManifest);
        (await kubectl.RunAsync("apply", "-f", pod)).Succeeded();
        (await kubectl.RunAsync("create", "job", "once", "--image=alpine", "--", "sh", "-c", "echo done")).Succeeded();
        (await kubectl.RunAsync("create", "cronjob", "hourly", "--image=alpine", "--schedule=0 * * * *", "--", "date")).Succeeded();
        (await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("sets.yaml", SetsManifest))).Succeeded();
        (await kubectl.RunAsync("create", "quota", "small", "--hard=pods=10,cpu=4", "-n", "default")).Succeeded();
        (await kubectl.RunAsync("create", "namespace", "limited")).Succeeded();
        (await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("limits.yaml", LimitRangesManifest))).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=Ready", "pod/probed", "--timeout=60s")).Succeeded();
        (await kubectl.RunAsync("wait", "--for=condition=complete", "job/once", "--timeout=60s")).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "statefulset/db", "--timeout=60s")).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "daemonset/agent", "--timeout=60s")).Succeeded();

        var replicaSet = (await kubectl.RunAsync("get", "rs", "-o", "name")).Succeeded().Lines.Single()["replicaset.apps/".Length..];
        var webPod = (await kubectl.RunAsync("get", "pods", "-l", "app=web", "-o", "name")).Succeeded().Lines.First()["pod/".Length..];
        await AssertSameAsync(kubectl, client, "pods", "default", "probed");
        await AssertSameAsync(kubectl, client, "pods", "default", webPod);
        await AssertSameAsync(kubectl, client, "deployments", "default", "web");
        await AssertSameAsync(kubectl, client, "replicasets", "default", replicaSet);
        await AssertSameAsync(kubectl, client, "statefulsets", "default", "db");
        await AssertSameAsync(kubectl, client, "daemonsets", "default", "agent");
        await AssertSameAsync(kubectl, client, "jobs", "default", "once");
        await AssertSameAsync(kubectl, client, "cronjobs", "default", "hourly");
        await AssertSameAsync(kubectl, client, "services", "default", "web");
        await AssertSameAsync(kubectl, client, "nodes", null, "fake-node-1");
        await AssertSameAsync(kubectl, client, "namespaces", null, "default");
        await AssertSameAsync(kubectl, client, "namespaces", null, "limited");
        await AssertSameAsync(kubectl, client, "limitranges", "limited", "containers");
        await AssertSameAsync(kubectl, client, "limitranges", "limited", null);

        // Every pod at once: one list per related kind, the same text as kubectl describe pods.
        await AssertSameAsync(kubectl, client, "pods", "default", null);

        // After a rollout the deployment has an old replica set besides the new one.
        (await kubectl.RunAsync("set", "image", "deployment/web", "nginx=nginx:1.27")).Succeeded();
        (await kubectl.RunAsync("rollout", "status", "deployment/web", "--timeout=60s")).Succeeded();
        await AssertSameAsync(kubectl, client, "deployments", "default", "web");
        await AssertSameAsync(kubectl, client, "replicasets", "default", null);
        (await kubectl.RunAsync("create", "service", "nodeport", "np", "--tcp=80:8080")).Succeeded();
        await AssertSameAsync(kubectl, client, "services", "default", "np");
    }

    // One object by name, or (name null) every object of the kind, which kubectl separates with two line breaks.
    private static async Task AssertSameAsync(KubectlRunner kubectl, KubeClient client, string plural, string? @namespace, string? name)
    {
        var resource = BuiltInResources.Find(plural)!;
        var objects = name is null
            ? await client.GetResourcesAsync(resource, @namespace, null, CancellationToken.None)
            : [await client.GetResourceAsync(resource, @namespace, name, CancellationToken.None)];
        var before = DateTimeOffset.UtcNow;
        string[] arguments = ["describe", plural, .. name is null ? Array.Empty<string>() : [name], .. @namespace is null ? Array.Empty<string>() : ["-n", @namespace]];
        var expected = Normalised(plural, (await kubectl.RunAsync(arguments, stdin: null)).Succeeded().Stdout);
        var after = DateTimeOffset.UtcNow;
        string? actual = null;
        for (var moment = before.AddMilliseconds(-200); moment <= after.AddSeconds(1); moment += TimeSpan.FromMilliseconds(50))
        {
            actual = Normalised(plural, string.Join("\n\n", (await Describer.DescribeAsync(client, objects, CancellationToken.None, moment)).Select(d => d.Text)));
            if (actual == expected)
            {
                return;
            }
        }

        // No single moment gives kubectl's text: it reads the clock for each age it prints, and event times carry
        // fractions of a second, so one age may have moved on before another. Then the text must be the same but for
        // ages (and the padding their widths give), each within the time kubectl took.
        Assert.NotNull(actual);
        Assert.Equal(WithoutAges(expected), WithoutAges(actual));
        var tolerance = (after - before).TotalSeconds + 1;
        foreach (var (kubectlAge, pskubeAge) in Ages.Matches(expected).Zip(Ages.Matches(actual)))
        {
            Assert.True(Math.Abs(Seconds(kubectlAge) - Seconds(pskubeAge)) <= tolerance, $"age {pskubeAge.Value}, kubectl {kubectlAge.Value}, in:\n{actual}");
        }
    }

    private static string WithoutAges(string text) => Regex.Replace(Ages.Replace(text, "<age>"), " {2,}", " ");

    // kubectl's short durations (duration.HumanDuration): 45s, 3m20s, 5m, 2h10m, 3d4h, 400d, 2y30d; also matches
    // quantities such as 500m, the same on both sides.
    private static readonly Regex Ages = new(@"(?<![\w.])(?:(?<y>\d+)y)?(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?(?![\w.])(?<=\d[ydhms])");

    private static double Seconds(Match age)
    {
        double Part(string unit) => age.Groups[unit].Success ? double.Parse(age.Groups[unit].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (((Part("y") * 365 + Part("d")) * 24 + Part("h")) * 60 + Part("m")) * 60 + Part("s");
    }

    // What the fake cannot give kubectl, and only that: it serves no node leases (kubectl prints the failure), and
    // no EndpointSlices (kubectl 1.32 reads a service's endpoints from them; PSKube from the Endpoints object, which
    // KubectlServiceEndpointsTests compares with kubectl get endpoints). kubectl lists a limit range's resources in
    // an order that changes from run to run (a Go map's), PSKube by name: the rows are compared sorted.
    private static string Normalised(string plural, string text) => plural switch
    {
        "nodes" => Regex.Replace(text, "^Lease:.*\n", "", RegexOptions.Multiline),
        "services" => Regex.Replace(text, "^Endpoints:.*\n", "Endpoints:\n", RegexOptions.Multiline),
        "namespaces" => Regex.Replace(text, "(?<=^ ----.*\n)(?:^ .*\n)+", SortedRows, RegexOptions.Multiline),
        "limitranges" => Regex.Replace(text, "(?<=^----.*\n)(?:^.+\n)+", SortedRows, RegexOptions.Multiline),
        _ => text,
    };

    private static string SortedRows(Match rows) =>
        string.Concat(rows.Value.Split('\n')[..^1].Order(StringComparer.Ordinal).Select(row => row + "\n"));

    // A Container limit range with every bound and a Pod one, in a namespace of their own (they would set the
    // requests of the other tests' pods).
    private const string LimitRangesManifest = """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: containers, namespace: limited}
        spec:
          limits:
          - type: Container
            min: {cpu: 50m, memory: 32Mi}
            max: {cpu: "2", memory: 1Gi}
            default: {cpu: 500m, memory: 256Mi}
            defaultRequest: {cpu: 100m, memory: 64Mi}
            maxLimitRequestRatio: {cpu: "10"}
        ---
        apiVersion: v1
        kind: LimitRange
        metadata: {name: pods, namespace: limited}
        spec:
          limits:
          - type: Pod
            max: {cpu: "4", memory: 2Gi}
            min: {memory: 16Mi}
        """;

    private const string PodManifest = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: probed
          labels: {app: probed, tier: web}
          annotations: {note: a pod with everything describe shows}
        spec:
          containers:
          - name: web
            image: gcr.io/kuar-demo/kuard-amd64:blue
            ports: [{containerPort: 8080, name: http}, {containerPort: 9090, protocol: UDP}]
            resources:
              limits: {cpu: 500m, memory: 128Mi}
              requests: {cpu: 250m, memory: 64Mi}
            livenessProbe:
              httpGet: {path: /healthy, port: 8080}
              initialDelaySeconds: 5
            readinessProbe:
              tcpSocket: {port: http}
            startupProbe:
              exec: {command: [cat, /tmp/ready]}
            env:
            - {name: MODE, value: demo}
            - name: POD_NAME
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
            - name: PASSWORD
              valueFrom: {secretKeyRef: {name: db, key: password, optional: true}}
            volumeMounts:
            - {name: cache, mountPath: /cache}
            - {name: config, mountPath: /etc/config, readOnly: true}
          - name: sidecar
            image: alpine
            command: [sh, -c, "while true; do sleep 5; done"]
          volumes:
          - name: cache
            emptyDir: {}
          - name: config
            configMap: {name: web-config, optional: true}
          - name: podinfo
            downwardAPI:
              items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]
          - name: logs
            hostPath: {path: /var/log, type: Directory}
          - name: bundle
            projected:
              sources: [{configMap: {name: web-config}}, {downwardAPI: {items: [{path: name, fieldRef: {fieldPath: metadata.name}}]}}]
          nodeSelector: {kubernetes.io/os: linux}
          tolerations:
          - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
        """;

    private const string SetsManifest = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          replicas: 1
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: alpine, command: [sleep, "3600"]}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: alpine, command: [sleep, "3600"]}]
        """;
}

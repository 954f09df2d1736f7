namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// Limit ranges on the fake through the real kubectl: created, listed with the API server's columns, described, and
/// enforced on new pods (defaults set, pods out of bounds refused, a controller's refused pods reported as events).
/// </summary>
public sealed class KubectlLimitRangeTests
{
    private const string LimitRange = """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: bounds}
        spec:
          limits:
          - type: Container
            max: {cpu: 800m}
            default: {cpu: 500m}
            defaultRequest: {cpu: 200m}
        """;

    [KubectlFact]
    public async Task LimitRange_IsCreatedListedAndDescribed()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        Assert.Equal(["limitrange/bounds created"], (await kubectl.RunAsync("create", "-f", kubectl.WriteFile("bounds.yaml", LimitRange))).Succeeded().Lines);

        var listed = (await kubectl.RunAsync("get", "limits")).Succeeded().Lines;
        Assert.Equal("NAME CREATED AT", listed[0]);
        Assert.Matches(@"^bounds \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Assert.Single(listed.Skip(1)));
        Assert.Equal(
            ["Name: bounds", "Namespace: default",
             "Type Resource Min Max Default Request Default Limit Max Limit/Request Ratio",
             "---- -------- --- --- --------------- ------------- -----------------------",
             "Container cpu - 800m 200m 500m -"],
            (await kubectl.RunAsync("describe", "limitrange", "bounds")).Succeeded().Lines);
    }

    [KubectlFact]
    public async Task NewPods_GetTheDefaults_AndThoseOutOfBoundsAreRefused()
    {
        await using var kubectl = await KubectlRunner.StartAsync();
        (await kubectl.RunAsync("create", "-f", kubectl.WriteFile("bounds.yaml", LimitRange))).Succeeded();

        (await kubectl.RunAsync("run", "plain", "--image=nginx")).Succeeded();
        Assert.Equal("""{"limits":{"cpu":"500m"},"requests":{"cpu":"200m"}}""",
            (await kubectl.RunAsync("get", "pod", "plain", "-o", "jsonpath={.spec.containers[0].resources}")).Succeeded().Stdout);

        var big = await kubectl.RunAsync("run", "big", "--image=nginx",
            """--overrides={"spec":{"containers":[{"name":"big","image":"nginx","resources":{"limits":{"cpu":"1"}}}]}}""");
        Assert.Equal(1, big.ExitCode);
        Assert.Equal("Error from server (Forbidden): pods \"big\" is forbidden: maximum cpu usage per Container is 800m, but limit is 1", big.Stderr.Trim());

        (await kubectl.RunAsync("apply", "-f", kubectl.WriteFile("huge.yaml", HugeDeployment))).Succeeded();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<string> events;
        while ((events = (await kubectl.RunAsync("get", "events", "--field-selector=reason=FailedCreate", "-o", "custom-columns=MESSAGE:.message", "--no-headers")).Succeeded().Lines).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The replica set never reported the refused pod.");
            await Task.Delay(100);
        }
        Assert.Matches(@"^Error creating: pods ""huge-[a-z0-9]+-[a-z0-9]{5}"" is forbidden: maximum cpu usage per Container is 800m, but limit is 2$", events[0]);
    }

    private const string HugeDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: huge}
        spec:
          selector: {matchLabels: {app: huge}}
          template:
            metadata: {labels: {app: huge}}
            spec:
              containers: [{name: huge, image: nginx, resources: {limits: {cpu: "2"}}}]
        """;
}

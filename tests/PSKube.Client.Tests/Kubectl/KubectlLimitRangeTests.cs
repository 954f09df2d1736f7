namespace PSKube.Client.Tests.Kubectl;

/// <summary>Limit ranges on the fake through the real kubectl: created, listed with the API server's columns, described.</summary>
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
}

using System.Text.Json.Nodes;
using PSKube.FakeCluster.Patching;

namespace PSKube.Client.Tests.Patching;

public class PatchStrategicMergeTests
{
    private const string Deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","finalizers":["a.example.com/x","b.example.com/y"]},
         "spec":{"replicas":2,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}},"template":{"spec":{
           "containers":[
             {"name":"nginx","image":"nginx:1.27","args":["-g","daemon off;"],
              "env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
              "ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443,"protocol":"TCP"}],
              "volumeMounts":[{"name":"data","mountPath":"/data"}]},
             {"name":"sidecar","image":"busybox"}],
           "volumes":[{"name":"data","emptyDir":{}},{"name":"cfg","configMap":{"name":"web"}}]}}}}
        """;

    public static TheoryData<string, string, string> DeploymentCases => new()
    {
        {
            "a container merges by name",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}""",
            "$.spec.template.spec.containers[*].image = nginx:1.28, busybox"
        },
        {
            "a new container is appended",
            """{"spec":{"template":{"spec":{"containers":[{"name":"log","image":"fluent"}]}}}}""",
            "$.spec.template.spec.containers[*].name = nginx, sidecar, log"
        },
        {
            "$patch delete removes a container",
            """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}""",
            "$.spec.template.spec.containers[*].name = nginx"
        },
        {
            "env merges by name",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","env":[{"name":"B","value":"20"},{"name":"C","value":"3"}]}]}}}}""",
            "$.spec.template.spec.containers[0].env[*].value = 1, 20, 3"
        },
        {
            "ports merge by containerPort",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":443,"name":"https"},{"containerPort":8080}]}]}}}}""",
            "$.spec.template.spec.containers[0].ports[*].containerPort = 80, 443, 8080"
        },
        {
            "a port is removed with $patch delete",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":80,"$patch":"delete"}]}]}}}}""",
            "$.spec.template.spec.containers[0].ports[*].containerPort = 443"
        },
        {
            "volumes merge by name",
            """{"spec":{"template":{"spec":{"volumes":[{"name":"cache","emptyDir":{}}]}}}}""",
            "$.spec.template.spec.volumes[*].name = data, cfg, cache"
        },
        {
            "volumeMounts merge by mountPath",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","volumeMounts":[{"name":"cfg","mountPath":"/etc/nginx"}]}]}}}}""",
            "$.spec.template.spec.containers[0].volumeMounts[*].mountPath = /data, /etc/nginx"
        },
        {
            "a list without merge key is replaced",
            """{"spec":{"template":{"spec":{"containers":[{"name":"nginx","args":["-v"]}]}}}}""",
            "$.spec.template.spec.containers[0].args[*] = -v"
        },
        {
            "finalizers merge as a set",
            """{"metadata":{"finalizers":["b.example.com/y","c.example.com/z"]}}""",
            "$.metadata.finalizers[*] = a.example.com/x, b.example.com/y, c.example.com/z"
        },
        {
            "$deleteFromPrimitiveList removes finalizers",
            """{"metadata":{"$deleteFromPrimitiveList/finalizers":["a.example.com/x"]}}""",
            "$.metadata.finalizers[*] = b.example.com/y"
        },
        {
            "$setElementOrder orders the merged list",
            """{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"nginx"}],"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}""",
            "$.spec.template.spec.containers[*].name = sidecar, nginx"
        },
        {
            "$retainKeys clears the other strategy fields",
            """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""",
            "$.spec.strategy.* = Recreate"
        },
        {
            "$patch replace on a map replaces it",
            """{"spec":{"strategy":{"$patch":"replace","type":"Recreate"}}}""",
            "$.spec.strategy.* = Recreate"
        },
        {
            "null removes a field",
            """{"spec":{"strategy":{"rollingUpdate":null}}}""",
            "$.spec.strategy.* = RollingUpdate"
        },
        {
            "$patch replace as a list item replaces the list",
            """{"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"x"}]}}}}""",
            "$.spec.template.spec.containers[*].name = only"
        },
    };

    [Theory]
    [MemberData(nameof(DeploymentCases))]
    public void MergesDeploymentLists(string because, string patch, string expectation)
    {
        var result = StrategicMergePatch.Apply(JsonNode.Parse(Deployment)!, JsonNode.Parse(patch)!, "Deployment");

        var (path, expected) = ParseExpectation(expectation);
        Assert.True(expected == Select(result, path), $"{because}: expected {expected}, got {Select(result, path)}");
    }

    [Fact]
    public void AppliesKubectlsClientSideApplyPatch()
    {
        var live = JsonNode.Parse(Deployment)!;
        var patch = JsonNode.Parse("""{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}\n"}},"spec":{"replicas":3}}""")!;

        var result = StrategicMergePatch.Apply(live, patch, "Deployment");

        Assert.Equal(3, result["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("{}\n", result["metadata"]!["annotations"]!["kubectl.kubernetes.io/last-applied-configuration"]!.GetValue<string>());
        Assert.Equal(2, result["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Count);
        Assert.Equal(2, live["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void MergesServicePortsByPort()
    {
        var service = JsonNode.Parse("""{"kind":"Service","spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}]}}""")!;

        var result = StrategicMergePatch.Apply(service, JsonNode.Parse("""{"spec":{"ports":[{"port":80,"targetPort":9090}]}}""")!, "Service");

        PatchJsonAssert.Equivalent("""{"kind":"Service","spec":{"ports":[{"port":80,"targetPort":9090},{"port":443}]}}""", result);
    }

    [Fact]
    public void ReplacesPortsListsOfKindsThatDoNotMergeThem()
    {
        var endpoints = JsonNode.Parse("""{"kind":"Endpoints","subsets":[{"ports":[{"port":80}]}]}""")!;

        var result = StrategicMergePatch.Apply(endpoints, JsonNode.Parse("""{"subsets":[{"ports":[{"port":81}]}]}""")!, "Endpoints");

        PatchJsonAssert.Equivalent("""{"kind":"Endpoints","subsets":[{"ports":[{"port":81}]}]}""", result);
    }

    [Fact]
    public void MergesPodConditionsByType()
    {
        var pod = JsonNode.Parse("""{"kind":"Pod","status":{"conditions":[{"type":"Ready","status":"False"},{"type":"Initialized","status":"True"}]}}""")!;

        var result = StrategicMergePatch.Apply(pod, JsonNode.Parse("""{"status":{"conditions":[{"type":"Ready","status":"True"}]}}""")!, "Pod");

        PatchJsonAssert.Equivalent("""{"kind":"Pod","status":{"conditions":[{"type":"Ready","status":"True"},{"type":"Initialized","status":"True"}]}}""", result);
    }

    [Theory]
    [InlineData("""{"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""", 500, null, "map: map[image:x] does not contain declared merge key: name")]
    [InlineData("""{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}}""", 422, "Invalid", "the server rejected our request due to an error in our request")]
    [InlineData("""{"spec":{"strategy":{"$retainKeys":"type"}}}""", 400, "BadRequest", "invalid patch format of retainKeys")]
    [InlineData("""{"metadata":{"$deleteFromPrimitiveList/finalizers":"a"}}""", 400, "BadRequest", "invalid patch format of primitive list")]
    [InlineData("""{"spec":{"$setElementOrder/ports":{}}}""", 400, "BadRequest", "invalid patch format of setElementOrder list")]
    [InlineData("""["not","a","map"]""", 400, "BadRequest", "json: cannot unmarshal array into Go value of type map[string]interface {}")]
    public void RejectsMalformedPatchesAsTheServerDoes(string patch, int code, string? reason, string message)
    {
        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(JsonNode.Parse(Deployment)!, JsonNode.Parse(patch)!, "Deployment"));

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(message, error.Message);
    }

    private static (string Path, string Expected) ParseExpectation(string expectation)
    {
        var parts = expectation.Split(" = ", 2);
        return (parts[0], parts[1]);
    }

    /// <summary>A tiny selector for the table: dotted names, [n] and [*] for list items, .* for all values.</summary>
    private static string Select(JsonNode node, string path)
    {
        IEnumerable<JsonNode?> current = [node];
        foreach (var step in path.TrimStart('$', '.').Split('.'))
        {
            var name = step.Split('[')[0];
            current = name == "*"
                ? current.SelectMany(n => n!.AsObject().Select(p => p.Value))
                : current.Select(n => n?[name]);
            if (step.EndsWith("[*]", StringComparison.Ordinal))
            {
                current = current.SelectMany(n => n?.AsArray() ?? []);
            }
            else if (step.Contains('[', StringComparison.Ordinal))
            {
                var index = int.Parse(step[(step.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                current = current.Select(n => n?[index]);
            }
        }

        return string.Join(", ", current.Select(n => n?.ToString()));
    }
}

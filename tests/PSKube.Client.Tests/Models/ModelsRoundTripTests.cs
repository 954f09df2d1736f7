using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Models;

public class ModelsRoundTripTests
{
    // Field names starting with "future" are unknown to the models; everything else is Kubernetes 1.36 wire format.
    private const string PodJson = """
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": {
            "name": "web-7d9c5b8f4-x2kq9",
            "namespace": "shop",
            "uid": "0b5e3c1a-8a51-4f1e-9d43-3c2b8d7f0a11",
            "resourceVersion": "4711",
            "creationTimestamp": "2024-05-01T10:00:00Z",
            "labels": { "app": "web", "pod-template-hash": "7d9c5b8f4" },
            "ownerReferences": [
              { "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-7d9c5b8f4", "uid": "1f0e", "controller": true, "blockOwnerDeletion": true }
            ],
            "managedFields": [
              { "manager": "kube-controller-manager", "operation": "Update", "apiVersion": "v1", "time": "2024-05-01T10:00:00Z",
                "fieldsType": "FieldsV1", "fieldsV1": { "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } } }
            ],
            "futureMetadataField": "kept"
          },
          "spec": {
            "containers": [
              {
                "name": "web",
                "image": "nginx:1.25",
                "ports": [ { "name": "http", "containerPort": 80, "protocol": "TCP" } ],
                "resources": { "limits": { "cpu": "500m", "memory": "128Mi" }, "requests": { "cpu": "250m" } },
                "readinessProbe": { "httpGet": { "path": "/healthz", "port": "http", "scheme": "HTTP" }, "periodSeconds": 10 },
                "livenessProbe": { "tcpSocket": { "port": 80 }, "initialDelaySeconds": 5 },
                "futureContainerField": [ 1, "two", { "three": 3 } ]
              }
            ],
            "restartPolicy": "Always",
            "terminationGracePeriodSeconds": 30,
            "dnsPolicy": "ClusterFirst",
            "nodeName": "node-1",
            "futureSpecField": { "enabled": true, "ratio": 0.5 }
          },
          "status": {
            "phase": "Running",
            "hostIP": "192.168.49.2",
            "hostIPs": [ { "ip": "192.168.49.2" } ],
            "podIP": "10.244.0.7",
            "podIPs": [ { "ip": "10.244.0.7" } ],
            "startTime": "2024-05-01T10:00:01Z",
            "conditions": [
              { "type": "Ready", "status": "True", "lastProbeTime": null, "lastTransitionTime": "2024-05-01T10:00:05Z" }
            ],
            "containerStatuses": [
              { "name": "web", "ready": true, "restartCount": 0, "image": "docker.io/library/nginx:1.25",
                "imageID": "docker.io/library/nginx@sha256:abc", "containerID": "containerd://123", "started": true,
                "state": { "running": { "startedAt": "2024-05-01T10:00:03Z" } } }
            ],
            "qosClass": "Burstable"
          },
          "futureTopLevelField": { "nested": [ "a", "b" ] }
        }
        """;

    [Fact]
    public void UnknownFieldsSurviveReadModifyWrite()
    {
        var pod = KubeJson.Deserialize<Pod>(PodJson)!;
        pod.Spec!.Containers![0].Image = "nginx:1.27";

        var written = JsonNode.Parse(KubeJson.Serialize(pod))!;

        var expected = JsonNode.Parse(PodJson)!;
        expected["spec"]!["containers"]![0]!["image"] = "nginx:1.27";
        // The server's explicit null is a missing value to the model; omitting it on write means the same.
        expected["status"]!["conditions"]![0]!.AsObject().Remove("lastProbeTime");
        Assert.True(JsonNode.DeepEquals(expected, written), $"Round trip changed the pod:\n{written.ToJsonString()}");
    }

    [Theory]
    [InlineData("futureTopLevelField")]
    [InlineData("futureMetadataField")]
    [InlineData("futureSpecField")]
    [InlineData("futureContainerField")]
    public void UnknownFieldsLandInTheNearestExtensionData(string fieldName)
    {
        var pod = KubeJson.Deserialize<Pod>(PodJson)!;

        var holders = new[]
        {
            pod.ExtensionData,
            pod.Metadata!.ExtensionData,
            pod.Spec!.ExtensionData,
            pod.Spec.Containers![0].ExtensionData,
        };

        Assert.Single(holders, holder => holder?.ContainsKey(fieldName) == true);
    }

    [Fact]
    public void ReferencesResolveToTypedModels()
    {
        var pod = KubeJson.Deserialize<Pod>(PodJson)!;

        var container = pod.Spec!.Containers![0];
        Assert.Equal(80, container.Ports![0].ContainerPortValue);
        Assert.Equal("500m", container.Resources!.Limits!["cpu"]);
        Assert.Equal(new IntOrString("http"), container.ReadinessProbe!.HttpGet!.Port);
        Assert.Equal(new IntOrString(80), container.LivenessProbe!.TcpSocket!.Port);
        Assert.Equal("192.168.49.2", pod.PodStatus!.HostIP);
        Assert.Equal("10.244.0.7", Assert.Single(pod.PodStatus.PodIPs!).Ip);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 3, TimeSpan.Zero), pod.PodStatus.ContainerStatuses![0].State!.Running!.StartedAt);
        Assert.Equal("ReplicaSet", pod.Metadata!.OwnerReferences![0].Kind);
        Assert.Equal(JsonValueKind.Object, pod.Metadata.ManagedFields![0].FieldsV1!.ToJsonNode()!["f:metadata"]!["f:labels"]!["."]!.GetValueKind());
    }

    [Fact]
    public void LimitRange_KeepsUnknownFields_AndReadsQuantitiesWrittenAsNumbers()
    {
        const string json = """
            {
              "apiVersion": "v1",
              "kind": "LimitRange",
              "metadata": { "name": "limits", "namespace": "shop" },
              "spec": {
                "limits": [
                  { "type": "Container", "max": { "cpu": "2", "memory": "1Gi" }, "default": { "cpu": "500m" },
                    "defaultRequest": { "cpu": "250m" }, "min": { "cpu": "100m" }, "maxLimitRequestRatio": { "cpu": "4" },
                    "futureItemField": { "strict": true } },
                  { "type": "Pod", "max": { "memory": "2Gi" } }
                ],
                "futureSpecField": "kept"
              }
            }
            """;
        var limitRange = KubeJson.Deserialize<LimitRange>(json)!;
        limitRange.Spec!.Limits![1].Max!["cpu"] = "4";

        var expected = JsonNode.Parse(json)!;
        expected["spec"]!["limits"]![1]!["max"]!["cpu"] = "4";
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(KubeJson.Serialize(limitRange))), KubeJson.Serialize(limitRange));
        Assert.Equal("250m", limitRange.Spec.Limits[0].DefaultRequest!["cpu"]);
        Assert.Equal("2", KubeJson.Deserialize<LimitRange>("""{"spec": {"limits": [{"type": "Pod", "max": {"cpu": 2}}]}}""")!.Spec!.Limits![0].Max!["cpu"]);
    }
}

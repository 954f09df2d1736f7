using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Models;

/// <summary>Quantities written as numbers (cpu: 32, nvidia.com/gpu: 1), which the API server accepts, read as their text.</summary>
public class ModelsQuantityTests
{
    [Fact]
    public void Manifest_WithNumericQuantities_ReadsThemAsText_AndWritesStrings()
    {
        var pod = (Pod)KubeYaml.ObjectsFromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: big}
            spec:
              containers:
              - name: c
                image: nginx
                resources:
                  requests: {cpu: 32, memory: 1Gi, nvidia.com/gpu: 1}
                  limits: {cpu: 0.5}
              volumes:
              - name: scratch
                emptyDir: {sizeLimit: 1000}
            """).Single();

        var resources = pod.Spec!.Containers![0].Resources!;
        Assert.Equal("32", resources.Requests!["cpu"]);
        Assert.Equal("1", resources.Requests["nvidia.com/gpu"]);
        Assert.Equal("1Gi", resources.Requests["memory"]);
        Assert.Equal("0.5", resources.Limits!["cpu"]);
        Assert.Equal("1000", pod.Spec.Volumes![0].EmptyDir!.SizeLimit);
        var json = KubeJson.Serialize(resources);
        Assert.Equal("""{"limits":{"cpu":"0.5"},"requests":{"cpu":"32","memory":"1Gi","nvidia.com/gpu":"1"}}""", json);
    }

    [Fact]
    public void Quantity_OfAnotherShape_IsRefusedWithThePath()
    {
        var error = Assert.Throws<ManifestException>(() => KubeYaml.ObjectsFromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: big}
            spec:
              containers:
              - name: c
                image: nginx
                resources:
                  requests: {cpu: [1]}
            """));

        Assert.Contains("spec.containers[0].resources.requests", error.Message, StringComparison.Ordinal);
    }
}

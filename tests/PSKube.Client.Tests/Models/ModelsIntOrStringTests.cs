using System.Text.Json;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Models;

public class ModelsIntOrStringTests
{
    [Theory]
    [InlineData("""{"port":8080}""", false, 8080, null, "8080")]
    [InlineData("""{"port":"http"}""", true, 0, "http", "http")]
    [InlineData("""{"port":0}""", false, 0, null, "0")]
    public void PortReadsAndWritesBothForms(string json, bool isString, int intValue, string? stringValue, string text)
    {
        var action = KubeJson.Deserialize<TCPSocketAction>(json)!;

        var port = action.Port!.Value;
        Assert.Equal(isString, port.IsString);
        Assert.Equal(intValue, port.IntValue);
        Assert.Equal(stringValue, port.StringValue);
        Assert.Equal(text, port.ToString());
        Assert.Equal(json, KubeJson.Serialize(action));
    }

    [Theory]
    [InlineData("""{"maxSurge":"25%","maxUnavailable":1}""")]
    [InlineData("""{"maxSurge":2,"maxUnavailable":"0%"}""")]
    public void RollingUpdateLimitsRoundTrip(string json)
    {
        var rollingUpdate = KubeJson.Deserialize<RollingUpdateDeployment>(json)!;

        Assert.Equal(json, KubeJson.Serialize(rollingUpdate));
    }

    [Fact]
    public void WritesFromImplicitConversions()
    {
        var servicePort = new ServicePort { Port = 80, TargetPort = "http" };
        var percent = new RollingUpdateDeployment { MaxSurge = "25%", MaxUnavailable = 0 };

        Assert.Equal("""{"port":80,"targetPort":"http"}""", KubeJson.Serialize(servicePort));
        Assert.Equal("""{"maxSurge":"25%","maxUnavailable":0}""", KubeJson.Serialize(percent));
    }

    [Fact]
    public void DefaultIsTheIntegerZeroAsInKubernetes()
    {
        IntOrString value = default;

        Assert.False(value.IsString);
        Assert.Equal(0, value.IntValue);
        Assert.Equal(new IntOrString(0), value);
        Assert.NotEqual(new IntOrString("0"), value);
    }

    [Theory]
    [InlineData("""{"port":true}""")]
    [InlineData("""{"port":1.5}""")]
    [InlineData("""{"port":4294967296}""")]
    [InlineData("""{"port":[80]}""")]
    public void RejectsOtherJson(string json) =>
        Assert.Throws<JsonException>(() => KubeJson.Deserialize<TCPSocketAction>(json));
}

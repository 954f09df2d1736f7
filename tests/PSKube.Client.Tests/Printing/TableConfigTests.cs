namespace PSKube.Client.Tests.Printing;

public class TableConfigTests
{
    [Theory]
    [InlineData("""{"metadata":{"name":"cfg","creationTimestamp":"ago(60)"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}""", "cfg", 3L, "60s")]
    [InlineData("""{"metadata":{"name":"empty"}}""", "empty", 0L, "<unknown>")]
    public void ConfigMapCountsTextAndBinaryKeys(string json, string name, long data, string age) =>
        Assert.Equal(new object?[] { name, data, age }, PrintingTestData.Cells("ConfigMap", json));

    [Fact]
    public void Secret() =>
        Assert.Equal(
            new object?[] { "tls", "kubernetes.io/tls", 2L, "60s" },
            PrintingTestData.Cells("Secret", """
                {"metadata":{"name":"tls","creationTimestamp":"ago(60)"},"type":"kubernetes.io/tls","data":{"tls.crt":"QQ==","tls.key":"QQ=="}}
                """));

    [Theory]
    [InlineData("""{"metadata":{"name":"default","creationTimestamp":"ago(60)"},"secrets":[{"name":"default-token"}]}""", 1L)]
    [InlineData("""{"metadata":{"name":"default","creationTimestamp":"ago(60)"}}""", 0L)]
    public void ServiceAccountCountsSecrets(string json, long secrets) =>
        Assert.Equal(new object?[] { "default", secrets, "60s" }, PrintingTestData.Cells("ServiceAccount", json));
}

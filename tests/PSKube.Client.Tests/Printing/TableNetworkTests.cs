namespace PSKube.Client.Tests.Printing;

public class TableNetworkTests
{
    [Fact]
    public void Service()
    {
        var cells = PrintingTestData.Cells("Service", """
            {"metadata":{"name":"web","creationTimestamp":"ago(300)"},
             "spec":{"type":"ClusterIP","clusterIP":"10.0.0.5","clusterIPs":["10.0.0.5"],"selector":{"app":"web"},
                     "ports":[{"port":80,"protocol":"TCP","targetPort":8080},{"port":443,"protocol":"TCP","targetPort":"https"}]}}
            """);
        Assert.Equal(new object?[] { "web", "ClusterIP", "10.0.0.5", "<none>", "80/TCP,443/TCP", "5m", "app=web" }, cells);
    }

    [Theory]
    [InlineData("defaults", """{"clusterIP":"10.0.0.1","ports":[{"port":80}]}""", "", "ClusterIP", "10.0.0.1", "<none>", "80/TCP")]
    [InlineData("dns", """{"type":"ClusterIP","clusterIPs":["10.96.0.10"],"ports":[{"port":53,"protocol":"UDP"},{"port":53,"protocol":"TCP"}]}""", "",
        "ClusterIP", "10.96.0.10", "<none>", "53/UDP,53/TCP")]
    [InlineData("external IPs", """{"type":"ClusterIP","clusterIPs":["10.0.0.2"],"externalIPs":["1.2.3.4","5.6.7.8"]}""", "",
        "ClusterIP", "10.0.0.2", "1.2.3.4,5.6.7.8", "<none>")]
    [InlineData("headless", """{"clusterIP":"None","clusterIPs":["None"]}""", "", "ClusterIP", "None", "<none>", "<none>")]
    [InlineData("node port", """{"type":"NodePort","clusterIPs":["10.0.0.3"],"ports":[{"port":80,"nodePort":30080,"protocol":"TCP"}]}""", "",
        "NodePort", "10.0.0.3", "<none>", "80:30080/TCP")]
    [InlineData("load balancer pending", """{"type":"LoadBalancer","clusterIPs":["10.0.0.4"],"ports":[{"port":443,"nodePort":31443}]}""", "",
        "LoadBalancer", "10.0.0.4", "<pending>", "443:31443/TCP")]
    [InlineData("load balancer addresses sorted, unique, never shortened", """{"type":"LoadBalancer","clusterIPs":["10.0.0.4"]}""",
        """{"loadBalancer":{"ingress":[{"hostname":"b.example.com"},{"ip":"203.0.113.10"},{"ip":"203.0.113.10","hostname":"ignored"}]}}""",
        "LoadBalancer", "10.0.0.4", "203.0.113.10,b.example.com", "<none>")]
    [InlineData("load balancer and external IPs", """{"type":"LoadBalancer","clusterIPs":["10.0.0.4"],"externalIPs":["198.51.100.1"]}""",
        """{"loadBalancer":{"ingress":[{"ip":"203.0.113.10"}]}}""", "LoadBalancer", "10.0.0.4", "203.0.113.10,198.51.100.1", "<none>")]
    [InlineData("external name", """{"type":"ExternalName","externalName":"db.example.com"}""", "", "ExternalName", "<none>", "db.example.com", "<none>")]
    [InlineData("unknown type", """{"type":"Mystery"}""", "", "Mystery", "<none>", "<unknown>", "<none>")]
    public void ServiceAddressesAndPorts(string why, string spec, string status, string type, string clusterIP, string externalIP, string ports)
    {
        var json = """{"spec":$spec,"status":$status}"""
            .Replace("$spec", spec, StringComparison.Ordinal)
            .Replace("$status", status.Length == 0 ? "{}" : status, StringComparison.Ordinal);
        var cells = PrintingTestData.Cells("Service", json);
        Assert.True(
            Equals(type, cells[1]) && Equals(clusterIP, cells[2]) && Equals(externalIP, cells[3]) && Equals(ports, cells[4]),
            $"{why}: got {string.Join(" | ", cells)}");
    }

    [Fact]
    public void ServiceWithoutSelector() =>
        Assert.Equal("<none>", PrintingTestData.Cells("Service", """{"spec":{"type":"ClusterIP"}}""")[6]);

    [Theory]
    [InlineData("null", "<none>")]
    [InlineData("[]", "<none>")]
    [InlineData("""[{"ports":[{"port":80}]}]""", "")]
    [InlineData("""[{"notReadyAddresses":[{"ip":"10.0.0.9"}],"ports":[{"port":80}]}]""", "")]
    [InlineData("""[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"ports":[{"port":8080}]}]""", "10.0.0.1:8080,10.0.0.2:8080")]
    [InlineData("""[{"addresses":[{"ip":"10.0.0.1"}]}]""", "10.0.0.1")]
    [InlineData("""[{"addresses":[{"ip":"fd00::1"}],"ports":[{"port":443}]}]""", "[fd00::1]:443")]
    [InlineData("""[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"},{"ip":"10.0.0.3"}],"ports":[{"port":80},{"port":81}]}]""",
        "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 3 more...")]
    [InlineData("""[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}]},{"addresses":[{"ip":"10.0.1.1"},{"ip":"10.0.1.2"}],"ports":[{"port":80}]}]""",
        "10.0.0.1,10.0.0.2,10.0.1.1:80 + 1 more...")]
    public void Endpoints(string subsets, string expected)
    {
        var cells = PrintingTestData.Cells("Endpoints", """{"metadata":{"name":"web","creationTimestamp":"ago(60)"},"subsets":$subsets}"""
            .Replace("$subsets", subsets, StringComparison.Ordinal));
        Assert.Equal(new object?[] { "web", expected, "60s" }, cells);
    }
}

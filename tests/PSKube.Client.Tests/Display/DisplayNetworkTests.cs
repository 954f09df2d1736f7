using PSKube.Client.Models;
using PSKube.Client.Tests.Printing;

namespace PSKube.Client.Tests.Display;

public class DisplayNetworkTests
{
    [Fact]
    public void Display_Service_ShowsKubectlsColumns()
    {
        var service = PrintingTestData.Read<Service>("""
            {"metadata":{"name":"web"},
             "spec":{"type":"NodePort","clusterIP":"10.0.0.5","clusterIPs":["10.0.0.5"],"externalIPs":["192.0.2.7"],"selector":{"app":"web"},
                     "ports":[{"port":80,"protocol":"TCP"},{"port":443,"nodePort":30443}]}}
            """);

        Assert.Equal("NodePort", service.Type);
        Assert.Equal("10.0.0.5", service.ClusterIP);
        Assert.Equal("192.0.2.7", service.ExternalIP);
        Assert.Equal("80/TCP,443:30443/TCP", service.Ports);
        Assert.Equal("app=web", service.Selector);
        DisplayCells.Match(
            service,
            ("Type", service.Type),
            ("Cluster-IP", service.ClusterIP),
            ("External-IP", service.ExternalIP),
            ("Port(s)", service.Ports),
            ("Selector", service.Selector));
    }

    [Fact]
    public void Display_Service_LoadBalancerWithoutAddressIsPending()
    {
        var service = PrintingTestData.Read<Service>("""{"spec":{"type":"LoadBalancer","clusterIPs":["10.0.0.4"],"ports":[{"port":443,"nodePort":31443}]}}""");
        Assert.Equal("<pending>", service.ExternalIP);
        DisplayCells.Match(service, ("External-IP", service.ExternalIP), ("Port(s)", service.Ports));
    }

    [Fact]
    public void Display_Service_DefaultsLikeTheServer()
    {
        var service = new Service();
        Assert.Equal("ClusterIP", service.Type);
        Assert.Equal("<none>", service.ClusterIP);
        Assert.Equal("<none>", service.ExternalIP);
        Assert.Equal("<none>", service.Ports);
        Assert.Equal("<none>", service.Selector);
    }

    [Fact]
    public void Display_Endpoints_ListsThreeAddressesThenCounts()
    {
        var endpoints = PrintingTestData.Read<Endpoints>("""
            {"metadata":{"name":"web"},
             "subsets":[{"addresses":[{"ip":"10.1.0.1"},{"ip":"10.1.0.2"},{"ip":"fd00::3"}],"ports":[{"port":8080},{"port":8443}]}]}
            """);

        Assert.Equal("10.1.0.1:8080,10.1.0.2:8080,[fd00::3]:8080 + 3 more...", endpoints.EndpointList);
        DisplayCells.Match(endpoints, ("Endpoints", endpoints.EndpointList));
    }

    [Fact]
    public void Display_Endpoints_WithoutSubsetsShowsNone() => Assert.Equal("<none>", new Endpoints().EndpointList);
}

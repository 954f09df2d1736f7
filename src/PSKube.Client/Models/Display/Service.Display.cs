using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get services -o wide shows, as plain properties; the server-side Table prints these.
public sealed partial class Service
{
    /// <summary>The TYPE column: ClusterIP, NodePort, LoadBalancer or ExternalName.</summary>
    [JsonIgnore]
    public string Type => ServicePrinter.Type(Spec);

    /// <summary>The CLUSTER-IP column: the service's virtual IP, <c>&lt;none&gt;</c> for headless services.</summary>
    [JsonIgnore]
    public string ClusterIP => ServicePrinter.ClusterIP(Spec);

    /// <summary>The EXTERNAL-IP column: external or load-balancer addresses, <c>&lt;pending&gt;</c> while a load balancer is made.</summary>
    [JsonIgnore]
    public string ExternalIP => ServicePrinter.ExternalIP(Spec, Status);

    /// <summary>The PORT(S) column: <c>80/TCP,443:30443/TCP</c> (port, node port, protocol).</summary>
    [JsonIgnore]
    public string Ports => ServicePrinter.Ports(Spec);

    /// <summary>The SELECTOR column: the labels of the pods that back the service, <c>&lt;none&gt;</c> when none.</summary>
    [JsonIgnore]
    public string Selector => LabelFormatting.Labels(Spec?.Selector);
}

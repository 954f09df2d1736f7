using System.Text.Json.Serialization;
using PSKube.Client.Printing;

namespace PSKube.Client.Models;

// What kubectl get ingress shows, as plain properties.
public sealed partial class Ingress
{
    /// <summary>The CLASS column: the IngressClass that serves it, <c>&lt;none&gt;</c> without one.</summary>
    [JsonIgnore]
    public string Class => IngressPrinter.Class(Spec);

    /// <summary>The HOSTS column: the hosts its rules match, <c>*</c> when they match any.</summary>
    [JsonIgnore]
    public string Hosts => IngressPrinter.Hosts(Spec);

    /// <summary>The ADDRESS column: where the ingress controller serves it, empty until the controller says.</summary>
    [JsonIgnore]
    public string Address => IngressPrinter.Address(Status);

    /// <summary>The PORTS column: <c>80</c>, or <c>80, 443</c> with TLS.</summary>
    [JsonIgnore]
    public string Ports => IngressPrinter.Ports(Spec);
}

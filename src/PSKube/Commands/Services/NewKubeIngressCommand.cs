using System.Collections;
using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Services;

/// <summary>New-KubeIngress: routes outside HTTP(S) traffic to services by host and path (kubectl create ingress).</summary>
[Cmdlet(VerbsCommon.New, "KubeIngress", SupportsShouldProcess = true)]
[OutputType(typeof(Ingress))]
public sealed class NewKubeIngressCommand : NewKubeObjectCmdlet<Ingress>
{
    /// <summary>The ingress's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>
    /// Rules as kubectl writes them, host/path=service:port[,tls[=secret]]: 'shop.example.com/api*=api:80' (a path
    /// ending in * matches by prefix, any other exactly), '/=web:http,tls' (no host: any host).
    /// </summary>
    [Parameter(Position = 1)]
    [Alias("Rules")]
    public string[]? Rule { get; set; }

    /// <summary>The service:port for requests no rule matches, e.g. 'web:80'.</summary>
    [Parameter]
    public string? DefaultBackend { get; set; }

    /// <summary>The IngressClass (ingress controller) that serves this ingress, e.g. nginx.</summary>
    [Parameter]
    [Alias("IngressClass")]
    public string? Class { get; set; }

    /// <summary>Annotations, often settings for the ingress controller: @{ 'nginx.ingress.kubernetes.io/rewrite-target' = '/' }.</summary>
    [Parameter]
    public IDictionary? Annotation { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("ingresses")!;

    protected override Ingress Build() => IngressGenerator.Generate(new IngressOptions
    {
        Name = Name,
        Namespace = ExplicitNamespace,
        Rules = Rule,
        DefaultBackend = DefaultBackend,
        IngressClass = Class,
        Annotations = Strings(Annotation),
        ParameterNames = ParameterNames(
            (nameof(IngressOptions.Rules), nameof(Rule)),
            (nameof(IngressOptions.IngressClass), nameof(Class)),
            (nameof(IngressOptions.Annotations), nameof(Annotation))),
    });
}

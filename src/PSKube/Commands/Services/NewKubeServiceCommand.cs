using System.Collections;
using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Services;

/// <summary>
/// New-KubeService: exposes a Deployment, ReplicaSet, Pod or Service from the pipeline (kubectl expose), taking its
/// selector, ports, labels, name and namespace unless told otherwise; or builds a Service from -Name, -Selector and -Port.
/// </summary>
// One parameter set: with two (a source, or -Name -Selector -Port), PowerShell cannot tell them apart when -Name,
// -Selector and -Port are given, since -Selector and -Port also override what a source gives. The generator says
// what is missing without a source, before any request.
[Cmdlet(VerbsCommon.New, "KubeService", SupportsShouldProcess = true)]
[OutputType(typeof(Service))]
public sealed class NewKubeServiceCommand : NewKubeObjectCmdlet<Service>
{
    /// <summary>The object to expose: a Deployment, ReplicaSet, Pod or Service, as read from the cluster.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    /// <summary>
    /// The new Service's name; required without -InputObject. When exposing, the source's name by default (not
    /// bound from piped objects, so a name too long for a Service is shortened as kubectl does).
    /// </summary>
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    /// <summary>The labels of the pods to send traffic to: a hashtable or key=value text; required without -InputObject, else the source's by default.</summary>
    [Parameter]
    [LabelsTransformation]
    [ValidateLabels]
    public IDictionary? Selector { get; set; }

    /// <summary>The ports the Service listens on; required without -InputObject, else the source's container or service ports by default.</summary>
    [Parameter]
    [Alias("Ports")]
    public int[]? Port { get; set; }

    /// <summary>The pods' port, a number or a container port's name such as http; each port's own number by default.</summary>
    [Parameter]
    public string? TargetPort { get; set; }

    /// <summary>The protocol of every port; by default the source port's protocol, else TCP.</summary>
    [Parameter]
    [CanonicalSpelling("TCP", "UDP", "SCTP")]
    [ValidateSet("TCP", "UDP", "SCTP")]
    public string? Protocol { get; set; }

    /// <summary>How the Service is reached; the server's ClusterIP when omitted.</summary>
    [Parameter]
    [CanonicalSpelling("ClusterIP", "NodePort", "LoadBalancer")]
    [ValidateSet("ClusterIP", "NodePort", "LoadBalancer")]
    public string? Type { get; set; }

    /// <summary>The Service's labels; when exposing, the source's by default.</summary>
    [Parameter]
    [LabelsTransformation]
    [ValidateLabels]
    public IDictionary? Label { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("services")!;

    protected override Service Build()
    {
        var options = new ServiceOptions
        {
            Name = Name,
            Namespace = ExplicitNamespace,
            Selector = Strings(Selector),
            Ports = Port,
            TargetPort = TargetPort,
            Protocol = Protocol,
            Type = Type,
            Labels = Strings(Label),
            ParameterNames = ParameterNames((nameof(ServiceOptions.Ports), nameof(Port)), (nameof(ServiceOptions.Labels), nameof(Label))),
        };
        return InputObject is null ? ServiceGenerator.Generate(options) : ServiceGenerator.Expose(InputObject, options);
    }
}

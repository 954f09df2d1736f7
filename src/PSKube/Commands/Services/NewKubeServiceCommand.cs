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
/// selector, ports and labels unless told otherwise, and created in its namespace; or builds a Service from a name
/// (kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp PORT:TARGET).
/// </summary>
// One parameter set: with two (a source, or a name alone), PowerShell cannot tell them apart when -Name, -Selector
// and -Port are given, since they also override what a source gives. The generator says what is missing or does
// not fit, before any request.
[Cmdlet(VerbsCommon.New, "KubeService", SupportsShouldProcess = true)]
[OutputType(typeof(Service))]
public sealed class NewKubeServiceCommand : NewKubeObjectCmdlet<Service>
{
    /// <summary>The object to expose: a Deployment, ReplicaSet, Pod or Service, as read from the cluster.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>
    /// The new Service's name; required without -InputObject. When exposing, the source's name by default (not
    /// bound from piped objects, so a name too long for a Service is shortened as kubectl does).
    /// </summary>
    [Parameter(Position = 0)]
    public string? Name { get; set; }

    /// <summary>The labels of the pods to send traffic to: a hashtable or key=value text; the source's when exposing, else app=NAME.</summary>
    [Parameter]
    [LabelsTransformation]
    [ValidateLabels]
    public IDictionary? Selector { get; set; }

    /// <summary>
    /// The ports the Service listens on, each PORT or PORT:TARGET (kubectl create service --tcp), e.g. 80, 80:8080 or
    /// 443:https; required without -InputObject (unless headless or ExternalName), else the source's ports by default.
    /// </summary>
    [Parameter]
    [Alias("Ports", "Tcp", "TcpPort")]
    public string[]? Port { get; set; }

    /// <summary>The pods' port for every port that names none, a number or a container port's name such as http; each port's own number by default.</summary>
    [Parameter]
    public string? TargetPort { get; set; }

    /// <summary>The protocol of every port; by default the source port's protocol, else TCP.</summary>
    [Parameter]
    [CanonicalSpelling("TCP", "UDP", "SCTP")]
    [ValidateSet("TCP", "UDP", "SCTP")]
    public string? Protocol { get; set; }

    /// <summary>How the Service is reached; ClusterIP when omitted (NodePort with -NodePort, ExternalName with -ExternalName).</summary>
    [Parameter]
    [CanonicalSpelling("ClusterIP", "NodePort", "LoadBalancer", "ExternalName")]
    [ValidateSet("ClusterIP", "NodePort", "LoadBalancer", "ExternalName")]
    public string? Type { get; set; }

    /// <summary>The Service's labels; the source's when exposing, else app=NAME.</summary>
    [Parameter]
    [LabelsTransformation]
    [ValidateLabels]
    public IDictionary? Label { get; set; }

    /// <summary>The cluster IP to ask for, or None (any case) for a headless Service (kubectl --clusterip / expose --cluster-ip).</summary>
    [Parameter]
    public string? ClusterIP { get; set; }

    /// <summary>The port on every node for a NodePort (or LoadBalancer) Service with one port (kubectl create service nodeport --node-port).</summary>
    [Parameter]
    public int? NodePort { get; set; }

    /// <summary>The DNS name an ExternalName Service stands for (kubectl create service externalname --external-name).</summary>
    [Parameter]
    public string? ExternalName { get; set; }

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
            // None in any case, as for -Type; the API server wants it so spelt.
            ClusterIP = string.Equals(ClusterIP, "None", StringComparison.OrdinalIgnoreCase) ? "None" : ClusterIP,
            NodePort = NodePort,
            ExternalName = ExternalName,
            ParameterNames = ParameterNames((nameof(ServiceOptions.Ports), nameof(Port)), (nameof(ServiceOptions.Labels), nameof(Label))),
        };
        return InputObject is null ? ServiceGenerator.Generate(options) : ServiceGenerator.Expose(InputObject, options);
    }
}

using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Workloads;

/// <summary>New-KubeDeployment: a Deployment from one image or several (kubectl create deployment NAME --image I [--image I2] [-- COMMAND]).</summary>
[Cmdlet(VerbsCommon.New, "KubeDeployment", SupportsShouldProcess = true)]
[OutputType(typeof(Deployment))]
public sealed class NewKubeDeploymentCommand : NewKubeObjectCmdlet<Deployment>
{
    /// <summary>The Deployment's name, also its app label and selector.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The container images, one container each named after its image (kubectl create deployment --image a --image b).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string[] Image { get; set; } = [];

    /// <summary>What follows <c>--</c>: the container's command.</summary>
    [Parameter(ValueFromRemainingArguments = true)]
    public string[]? Command { get; set; }

    /// <summary>How many pods to run.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Replicas { get; set; } = 1;

    /// <summary>The port the container exposes.</summary>
    [Parameter]
    public int? Port { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("deployments")!;

    protected override Deployment Build() => DeploymentGenerator.Generate(new DeploymentOptions
    {
        Name = Name,
        Images = Image,
        Namespace = ExplicitNamespace,
        Replicas = Replicas,
        Port = Port,
        Command = Command,
        ParameterNames = ParameterNames((nameof(DeploymentOptions.Images), nameof(Image))),
    });
}

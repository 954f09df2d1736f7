using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Policy;

/// <summary>New-KubePriorityClass: creates a priority class for pods to name (kubectl create priorityclass).</summary>
[Cmdlet(VerbsCommon.New, "KubePriorityClass", SupportsShouldProcess = true)]
[OutputType(typeof(PriorityClass))]
public sealed class NewKubePriorityClassCommand : NewKubeClusterObjectCmdlet<PriorityClass>
{
    /// <summary>The priority class's name, which pods give as spec.priorityClassName.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The priority of the pods that name this class: higher schedules first and may preempt lower; 0 when omitted.</summary>
    [Parameter(Position = 1)]
    public int Value { get; set; }

    /// <summary>Give this priority to pods that name no class; only one class may be the global default.</summary>
    [Parameter]
    public SwitchParameter GlobalDefault { get; set; }

    /// <summary>When to use this class, for people who choose one.</summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary>PreemptLowerPriority (the default) lets these pods evict lower ones to get scheduled; Never only queues them first.</summary>
    [Parameter]
    [CanonicalSpelling("PreemptLowerPriority", "Never")]
    [ValidateSet("PreemptLowerPriority", "Never")]
    public string? PreemptionPolicy { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("priorityclasses")!;

    protected override PriorityClass Build() => PriorityClassGenerator.Generate(new PriorityClassOptions
    {
        Name = Name,
        Value = Value,
        GlobalDefault = GlobalDefault,
        Description = Description,
        PreemptionPolicy = PreemptionPolicy,
        ParameterNames = option => "-" + option,
    });
}

using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Policy;

/// <summary>
/// New-KubePodDisruptionBudget: limits how many of the selected pods voluntary disruptions (node drains, evictions)
/// may take down at once (kubectl create poddisruptionbudget).
/// </summary>
[Cmdlet(VerbsCommon.New, "KubePodDisruptionBudget", SupportsShouldProcess = true, DefaultParameterSetName = MinSet)]
[OutputType(typeof(PodDisruptionBudget))]
public sealed class NewKubePodDisruptionBudgetCommand : NewKubeObjectCmdlet<PodDisruptionBudget>
{
    private const string MinSet = "MinAvailable";
    private const string MaxSet = "MaxUnavailable";

    /// <summary>The budget's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The pods the budget protects, as kubectl -l takes it: app=web, or app=web,tier in (front,back).</summary>
    [Parameter(Mandatory = true)]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string Selector { get; set; } = "";

    /// <summary>How many selected pods must stay available: a number (2) or a percentage ('50%').</summary>
    [Parameter(Mandatory = true, ParameterSetName = MinSet)]
    public string MinAvailable { get; set; } = "";

    /// <summary>How many selected pods may be unavailable at once: a number (1) or a percentage ('25%').</summary>
    [Parameter(Mandatory = true, ParameterSetName = MaxSet)]
    public string MaxUnavailable { get; set; } = "";

    protected override ResourceDefinition Resource => BuiltInResources.Find("poddisruptionbudgets")!;

    protected override PodDisruptionBudget Build() => PodDisruptionBudgetGenerator.Generate(new PodDisruptionBudgetOptions
    {
        Name = Name,
        Namespace = ExplicitNamespace,
        Selector = Selector,
        MinAvailable = ParameterSetName == MinSet ? MinAvailable : null,
        MaxUnavailable = ParameterSetName == MaxSet ? MaxUnavailable : null,
        ParameterNames = ParameterNames(),
    });
}

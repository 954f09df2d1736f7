using System.Collections;
using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Operations;
using PSKube.Client.Waiting;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Pods;

/// <summary>
/// New-KubePod: runs a pod from an image (kubectl run NAME --image I -- ARGS). The words after <c>--</c> become the
/// container's args, or its command with -Command.
/// </summary>
[Cmdlet(VerbsCommon.New, "KubePod", SupportsShouldProcess = true)]
[OutputType(typeof(Pod))]
public sealed class NewKubePodCommand : NewKubeObjectCmdlet<Pod>
{
    /// <summary>The pod's name, also its container's.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The container image.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public string Image { get; set; } = "";

    /// <summary>What follows <c>--</c>: the container's args (its command with -Command).</summary>
    [Parameter(ValueFromRemainingArguments = true)]
    public string[]? Arguments { get; set; }

    /// <summary>Put the words after <c>--</c> into the container's command instead of its args (kubectl run --command).</summary>
    [Parameter]
    public SwitchParameter Command { get; set; }

    /// <summary>The port the container exposes.</summary>
    [Parameter]
    public int? Port { get; set; }

    /// <summary>Environment variables: KEY=value text (kubectl --env) or a hashtable, e.g. <c>[ordered]@{ MODE = 'test' }</c>.</summary>
    [Parameter]
    [KeyValueTransformation]
    public IDictionary? Env { get; set; }

    /// <summary>The pod's annotations: KEY=value text (kubectl --annotations) or a hashtable.</summary>
    [Parameter]
    [KeyValueTransformation]
    public IDictionary? Annotation { get; set; }

    /// <summary>When the kubelet pulls the image: Always, IfNotPresent or Never; the server's default when omitted.</summary>
    [Parameter]
    [CanonicalSpelling("Always", "IfNotPresent", "Never")]
    [ValidateSet("Always", "IfNotPresent", "Never")]
    public string? ImagePullPolicy { get; set; }

    /// <summary>Run the container privileged (kubectl run --privileged).</summary>
    [Parameter]
    public SwitchParameter Privileged { get; set; }

    /// <summary>
    /// Fields merged into the generated pod (kubectl run --overrides): JSON text or a hashtable, merged as a JSON merge
    /// patch (objects merge, $null removes, lists are replaced whole).
    /// </summary>
    [Parameter]
    public object? Overrides { get; set; }

    /// <summary>The pod's labels, as a hashtable or key=value text; <c>run=NAME</c> when omitted.</summary>
    [Parameter]
    [LabelsTransformation]
    [ValidateLabels]
    public IDictionary? Label { get; set; }

    /// <summary>The pod's restart policy.</summary>
    [Parameter]
    [CanonicalSpelling("Always", "OnFailure", "Never")]
    [ValidateSet("Always", "OnFailure", "Never")]
    public string Restart { get; set; } = "Always";

    /// <summary>Resource requests, e.g. <c>@{ cpu = '250m'; memory = '64Mi' }</c>.</summary>
    [Parameter]
    public IDictionary? Requests { get; set; }

    /// <summary>Resource limits, e.g. <c>@{ memory = '128Mi' }</c>.</summary>
    [Parameter]
    public IDictionary? Limits { get; set; }

    /// <summary>Return once the pod runs and is Ready, with progress shown; the pod is output as it is then.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits: a TimeSpan, seconds, or text such as 90s or 5m; 5 minutes when omitted.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    protected override ResourceDefinition Resource => BuiltInResources.Find("pods")!;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Timeout)) && !Wait)
        {
            ThrowInvalidArgument(new ArgumentException("-Timeout only applies with -Wait; add -Wait or drop -Timeout."), "TimeoutWithoutWait", Timeout);
        }
    }

    protected override Pod Created(Pod created)
    {
        if (!Wait)
        {
            return created;
        }
        var target = Describe(Resource.Singular, created.Name ?? Name, created.Namespace);
        var result = AwaitWithProgress($"Starting {target}", "Waiting until it is Ready",
            token => PodConditions.WaitAsync(Client, created.Namespace, created.Name ?? Name, PodWaitCondition.Ready, Timeout, token));
        if (result.Outcome == WaitOutcome.Failed)
        {
            WriteError(WaitErrors.Failed("PodFailed", $"{target} will never be Ready: {PodConditions.WhyNeverReady(result.Object!)}.", result.Object!));
        }
        else if (WaitErrors.Of(result, Resource.Kind, $"{target} to be Ready", Timeout, created) is { } error)
        {
            WriteError(error);
        }
        return result.Object ?? created;
    }

    // Text is kubectl's JSON as it is; a hashtable or object is the JSON it stands for.
    private static string? OverridesJson(object? overrides) =>
        (overrides is PSObject wrapped ? wrapped.BaseObject : overrides) switch
        {
            null => null,
            string json => json,
            var value => PowerShellJson.ToNode(value)?.ToJsonString(),
        };

    protected override Pod Build() => PodGenerator.Generate(new PodOptions
    {
        Name = Name,
        Image = Image,
        Namespace = ExplicitNamespace,
        Port = Port,
        Env = EnvEntries(Env),
        Labels = Strings(Label),
        Annotations = Strings(Annotation),
        ImagePullPolicy = ImagePullPolicy,
        Privileged = Privileged,
        Overrides = OverridesJson(Overrides),
        RestartPolicy = Restart,
        Arguments = Arguments,
        ArgumentsAreCommand = Command,
        Requests = Strings(Requests),
        Limits = Strings(Limits),
        ParameterNames = ParameterNames((nameof(PodOptions.Labels), nameof(Label)), (nameof(PodOptions.Annotations), nameof(Annotation)), (nameof(PodOptions.RestartPolicy), nameof(Restart)), (nameof(PodOptions.ArgumentsAreCommand), nameof(Command))),
    });
}

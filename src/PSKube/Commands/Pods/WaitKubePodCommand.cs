using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Printing;
using PSKube.Client.Resources;
using PSKube.Client.Waiting;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Pods;

/// <summary>
/// Wait-KubePod: waits until pods are Ready or deleted (kubectl wait --for=condition=Ready|delete pod/NAME), with
/// progress shown. Outputs each pod once Ready; a timeout or a pod that fails is an error for that pod.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "KubePod")]
[OutputType(typeof(Pod))]
public sealed class WaitKubePodCommand : KubeNamespacedCmdlet
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    /// <summary>The pods to wait for; piped pods bind theirs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A piped object of this kind; one of another kind is refused with an error that says where it pipes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>What to wait for: Ready (the Ready condition is True) or Deleted.</summary>
    [Parameter]
    public PodWaitCondition For { get; set; } = PodWaitCondition.Ready;

    /// <summary>How long to wait for each pod: a TimeSpan, seconds, or text such as 90s or 5m; 30 seconds as kubectl wait.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    protected override void ProcessRecord()
    {
        var @namespace = TargetNamespace;
        foreach (var name in NamesFor(Pods, InputObject, Name))
        {
            var target = Describe(Pods.Singular, name, @namespace);
            var goal = For == PodWaitCondition.Ready ? "Ready" : "deleted";
            TryApi(Pods.Kind, name, () =>
            {
                var result = AwaitWithProgress($"Waiting for {target}", $"Waiting until it is {goal}",
                    token => PodConditions.WaitAsync(Client, @namespace, name, For, Timeout, token));
                switch (result.Outcome)
                {
                    case WaitOutcome.ConditionMet:
                        WriteObject(result.Object);
                        break;
                    case WaitOutcome.TimedOut:
                        WriteError(WaitErrors.Of(result, Pods.Kind, $"{target} to be {goal}", Timeout, name)!);
                        break;
                    case WaitOutcome.Failed:
                        WriteError(new ErrorRecord(new InvalidOperationException($"{target} will never be Ready: {PodConditions.WhyNeverReady(result.Object!)}."),
                            "PodFailed", ErrorCategory.InvalidResult, name));
                        break;
                    case WaitOutcome.Deleted when For == PodWaitCondition.Ready:
                        WriteError(WaitErrors.Of(result, Pods.Kind, target, Timeout, name)!);
                        break;
                }
            });
        }
    }
}

using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;
using PSKube.Completers;

namespace PSKube.Commands.Workloads;

/// <summary>
/// What the rollout cmdlets share (kubectl rollout history / undo / restart / pause / resume): deployments by name,
/// kubectl's <c>deploy/web</c>, or piped (each in its own namespace), and the refusals kubectl makes before a
/// change as errors with stable ids.
/// </summary>
public abstract class DeploymentRolloutCmdlet : KubeNamespacedCmdlet
{
    /// <summary>The deployments: names or kubectl's <c>deploy/NAME</c>; piped strings and objects' Name bind here.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A deployment from the pipeline; an object of another kind is refused with an error that says where it pipes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    protected static ResourceDefinition Deployments => BuiltInResources.Find("deployments")!;

    protected override void ProcessRecord()
    {
        var @namespace = TargetNamespace;
        foreach (var name in NamesFor(Deployments, InputObject, Name))
        {
            TryApi("Deployment", name, () =>
            {
                try
                {
                    Process(@namespace, name);
                }
                catch (RolloutRefusedException e)
                {
                    WriteRefusal(e, name);
                }
            });
        }
    }

    /// <summary>The command's work on one deployment; API failures and refusals become errors for that deployment.</summary>
    protected abstract void Process(string @namespace, string name);

    private void WriteRefusal(RolloutRefusedException refusal, string name)
    {
        var (id, category, action) = refusal.Reason switch
        {
            RolloutRefusal.Paused => ("DeploymentPaused", ErrorCategory.InvalidOperation, $"Resume-KubeDeployment {name}, then try again."),
            RolloutRefusal.AlreadyPaused => ("DeploymentAlreadyPaused", ErrorCategory.InvalidOperation, $"Nothing to do; Resume-KubeDeployment {name} resumes it."),
            RolloutRefusal.NotPaused => ("DeploymentNotPaused", ErrorCategory.InvalidOperation, $"Nothing to do; Suspend-KubeDeployment {name} pauses it."),
            RolloutRefusal.RevisionNotFound => ("RevisionNotFound", ErrorCategory.ObjectNotFound, $"Get-KubeDeploymentHistory {name} lists the revisions."),
            RolloutRefusal.NoHistory => ("NoRolloutHistory", ErrorCategory.InvalidOperation, "Roll back after a change has made a second revision."),
            _ => ("RestartTooSoon", ErrorCategory.ResourceBusy, "Wait a second and try again."),
        };
        WriteError(new ErrorRecord(refusal, id, category, name)
        {
            ErrorDetails = new ErrorDetails(refusal.Message) { RecommendedAction = action },
        });
    }
}

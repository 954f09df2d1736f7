using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Waiting;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Wait-KubeDeployment: waits until a deployment's rollout has finished (kubectl rollout status), showing its
/// progress; a rollout past its progress deadline is an error. Outputs the rolled-out deployment.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "KubeDeployment")]
[OutputType(typeof(Deployment))]
public sealed class WaitKubeDeploymentCommand : KubeNamespacedCmdlet
{
    /// <summary>The deployments to wait for; piped objects bind theirs.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A piped object of this kind; one of another kind is refused with an error that says where it pipes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>How long to wait for each deployment (a TimeSpan, seconds, or text such as 90s or 5m); no limit when omitted (as kubectl rollout status).</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan? Timeout { get; set; }

    protected override void ProcessRecord()
    {
        var @namespace = TargetNamespace;
        var limit = WaitErrors.Limit(Timeout);
        foreach (var name in NamesFor(BuiltInResources.Find("deployments")!, InputObject, Name))
        {
            TryApi("Deployment", name, () =>
            {
                // A missing deployment is an error at once, not a wait for one to appear.
                Await(token => Client.GetAsync<Deployment>(BuiltInResources.Find("deployments")!, @namespace, name, token));
                var result = AwaitWithProgress($"Waiting for deployment {name} rollout", "Waiting for the rollout to start...",
                    (progress, token) => Client.WaitForRolloutAsync(@namespace, name, limit, progress, token));
                if (WaitErrors.Of(result, "Deployment", $"the rollout of {Describe("deployment", name, @namespace)}", limit, name) is { } error)
                {
                    WriteError(error);
                    return;
                }
                var status = RolloutStatus.Of(result.Object!);
                if (status.Failed)
                {
                    WriteError(WaitErrors.Failed("DeploymentRolloutFailed", status.Message, result.Object!));
                    return;
                }
                WriteVerbose(status.Message);
                WriteObject(result.Object);
            });
        }
    }
}

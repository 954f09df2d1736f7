using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;
using PSKube.Completers;

namespace PSKube.Commands.Workloads;

/// <summary>
/// What the rollout cmdlets share (kubectl rollout history / undo / restart / pause / resume): workloads by name,
/// kubectl's <c>deploy/web</c> (<c>sts/db</c>, <c>ds/agent</c> where the command takes them), or piped (each in its
/// own namespace), and the refusals kubectl makes before a change as errors with stable ids.
/// </summary>
public abstract class DeploymentRolloutCmdlet : KubeNamespacedCmdlet
{
    private static readonly ResourceDefinition Deployments = BuiltInResources.Find("deployments")!;

    /// <summary>The workloads: names, or kubectl's KIND/NAME (<c>deploy/web</c>); piped strings and objects' Name bind here.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>A workload from the pipeline; an object of another kind is refused with an error that says where it pipes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>The kind of plain names (-Kind where the command has it); deployment by default.</summary>
    protected virtual string? KindAsTyped => null;

    /// <summary>The resource types the command works on: deployments, and stateful and daemon sets where kubectl rollout does too.</summary>
    protected virtual IReadOnlyList<string> Kinds => ["deployments"];

    protected override void ProcessRecord()
    {
        var @namespace = TargetNamespace;
        if (InputObject is not null)
        {
            var resource = BuiltInResources.Find(InputObject.Kind ?? "") is { } found && Kinds.Contains(found.Plural) ? found : Deployments;
            foreach (var name in NamesFor(resource, InputObject, []))
            {
                Run(resource, @namespace, name);
            }
            return;
        }
        var typedKind = KindAsTyped is { } kind ? Resolve(kind, kind) : Deployments;
        if (typedKind is null)
        {
            return;
        }
        foreach (var text in Name)
        {
            var (written, name) = KindQualifiedName.Split(text);
            var resource = written is null ? typedKind : Resolve(written, text);
            if (resource is null)
            {
                continue;
            }
            if (written is not null && KindAsTyped is not null && !KindQualifiedName.SameType(resource, typedKind))
            {
                ThrowInvalidArgument(new ArgumentException($"\"{text}\" names a {resource.Singular} but -Kind says {typedKind.Singular}; drop one of them."), "KindNameMixed", text);
            }
            if (IsValidName(resource, name))
            {
                Run(resource, @namespace, name);
            }
        }
    }

    /// <summary>The command's work on one workload; API failures and refusals become errors for that workload.</summary>
    protected abstract void Process(ResourceDefinition resource, string @namespace, string name);

    // A kind this command takes; else an error that says which kinds it takes (null).
    private ResourceDefinition? Resolve(string kind, string typed)
    {
        var resource = BuiltInResources.Find(kind);
        if (resource is not null && Kinds.Contains(resource.Plural))
        {
            return resource;
        }
        if (resource is { Plural: "statefulsets" or "daemonsets" })
        {
            WriteRefusal(new RolloutRefusedException(RolloutRefusal.NotSupported,
                $"\"{typed}\": {MyInvocation.MyCommand.Name} works on deployments only; kubectl rollout pause and resume do not support {resource.Plural} either."), typed);
            return null;
        }
        var takes = string.Join(", ", Kinds.Select(k => BuiltInResources.Find(k)!.Singular));
        WriteError(new ErrorRecord(new ArgumentException($"\"{typed}\": {MyInvocation.MyCommand.Name} works on {takes}, not on \"{kind}\"."), "NameOfOtherKind", ErrorCategory.InvalidArgument, typed));
        return null;
    }

    private void Run(ResourceDefinition resource, string @namespace, string name) =>
        TryApi(resource.Kind, name, () =>
        {
            try
            {
                Process(resource, @namespace, name);
            }
            catch (RolloutRefusedException e)
            {
                WriteRefusal(e, name);
            }
        });

    private void WriteRefusal(RolloutRefusedException refusal, string name)
    {
        var (id, category, action) = refusal.Reason switch
        {
            RolloutRefusal.Paused => ("DeploymentPaused", ErrorCategory.InvalidOperation, $"Resume-KubeDeployment {name}, then try again."),
            RolloutRefusal.AlreadyPaused => ("DeploymentAlreadyPaused", ErrorCategory.InvalidOperation, $"Nothing to do; Resume-KubeDeployment {name} resumes it."),
            RolloutRefusal.NotPaused => ("DeploymentNotPaused", ErrorCategory.InvalidOperation, $"Nothing to do; Suspend-KubeDeployment {name} pauses it."),
            RolloutRefusal.RevisionNotFound => ("RevisionNotFound", ErrorCategory.ObjectNotFound, $"Get-KubeDeploymentHistory {name} lists the revisions."),
            RolloutRefusal.NoHistory => ("NoRolloutHistory", ErrorCategory.InvalidOperation, "Roll back after a change has made a second revision."),
            RolloutRefusal.NotSupported => ("RolloutNotSupported", ErrorCategory.InvalidArgument, "Name a deployment."),
            _ => ("RestartTooSoon", ErrorCategory.ResourceBusy, "Wait a second and try again."),
        };
        WriteError(new ErrorRecord(refusal, id, category, name)
        {
            ErrorDetails = new ErrorDetails(refusal.Message) { RecommendedAction = action },
        });
    }
}

/// <summary>The rollout cmdlets that also work on stateful and daemon sets (history, undo, restart): -Kind, KIND/NAME and piped objects of the three kinds.</summary>
public abstract class WorkloadRolloutCmdlet : DeploymentRolloutCmdlet
{
    /// <summary>The kind of plain names: deployment (the default), statefulset (sts) or daemonset (ds); a piped revision (Get-KubeDeploymentHistory) binds its own.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RolloutKindCompleter))]
    public string? Kind { get; set; }

    protected override string? KindAsTyped => Kind;

    protected override IReadOnlyList<string> Kinds => ["deployments", "statefulsets", "daemonsets"];
}

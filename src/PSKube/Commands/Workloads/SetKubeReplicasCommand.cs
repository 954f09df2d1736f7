using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Waiting;
using PSKube.Completers;

using PSKube.Validation;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Set-KubeReplicas: scales a Deployment, ReplicaSet or StatefulSet through its scale subresource (kubectl scale),
/// by name or from the pipeline; -Wait until the new count is ready.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KubeReplicas", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
[OutputType(typeof(Deployment), typeof(ReplicaSet), typeof(StatefulSet))]
public sealed class SetKubeReplicasCommand : KubeNamespacedCmdlet
{
    private const string NameSet = "Name";

    /// <summary>The replica count to set.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateRange(0, int.MaxValue)]
    public int Replicas { get; set; }

    /// <summary>The workload's name, or kubectl's KIND/NAME (<c>deploy/web</c>, <c>sts/db</c>); piped strings and objects' Name bind here.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>deployment (the default), replicaset or statefulset; short names deploy, rs and sts work too.</summary>
    [Parameter(ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ScalableKindCompleter))]
    public string? Kind { get; set; }

    /// <summary>A Deployment, ReplicaSet or StatefulSet from the pipeline; its kind decides what is scaled (other kinds are refused).</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = NameSet)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>Return once the workload reports the new count of ready replicas, with progress shown.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits (a TimeSpan, seconds, or text such as 90s or 5m); no limit when omitted.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Output the workload after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (Timeout is not null && !Wait)
        {
            ThrowInvalidArgument(new ArgumentException("-Timeout only applies with -Wait; add -Wait or drop -Timeout."), "TimeoutWithoutWait", Timeout);
        }
    }

    protected override void ProcessRecord()
    {
        ScaleTarget target;
        try
        {
            target = InputObject is null ? ScaleTarget.Parse(Name, Kind) : ScaleTarget.Of(InputObject);
        }
        catch (PSKube.Client.Validation.InvalidObjectNameException e)
        {
            WriteInvalidName(e, e.Name);
            return;
        }
        catch (ArgumentException e) when (InputObject is not null)
        {
            WriteError(new ErrorRecord(e, "ObjectCannotBeScaled", ErrorCategory.InvalidArgument, InputObject));
            return;
        }
        catch (ArgumentException e)
        {
            ThrowInvalidArgument(e, "InvalidScaleTarget", Name);
            return;
        }
        var @namespace = TargetNamespace;
        var kind = target.Resource.Kind;
        var description = Describe(target.Resource.Singular, target.Name, @namespace);
        if (!ShouldChange(description, $"Scale to {Replicas} replicas", () => TryApi(kind, target.Name, () =>
                Await(token => Client.SetScaleAsync(target.Resource, @namespace, target.Name, Replicas, new WriteOptions { DryRun = true }, token)))))
        {
            return;
        }
        TryApi(kind, target.Name, () =>
        {
            Await(token => Client.SetScaleAsync(target.Resource, @namespace, target.Name, Replicas, null, token));
            KubeObject? updated = null;
            if (Wait)
            {
                var limit = WaitErrors.Limit(Timeout);
                var result = AwaitWithProgress($"Scaling {description}", $"Waiting for {Replicas} ready replicas",
                    (progress, token) => Client.WaitForReplicasAsync(target, @namespace, Replicas, limit, progress, token));
                if (WaitErrors.Of(result, kind, $"{description} to have {Replicas} ready replicas", limit, target.Name) is { } error)
                {
                    WriteError(error);
                    return;
                }
                updated = result.Object;
            }
            if (PassThru)
            {
                WriteObject(updated ?? Await(token => Client.GetWorkloadAsync(target, @namespace, token)));
            }
        });
    }
}

using System.Management.Automation;
using PSKube.Client.Logs;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Queries;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Logs;

/// <summary>
/// Receive-KubeLog: the logs of pods (kubectl logs), merged like stern when there are many: pods by name or
/// wildcard, by label selector, or from the pipeline (pods, or workloads meaning their pods). Piped input is
/// collected and read together at the end, so the logs merge and -MaxConcurrency applies to all of them.
/// -Name is not mandatory: PowerShell would then favour the set of the other mandatory pipeline parameter
/// (-InputObject) for every piped object and never bind -Name by property name; its absence is checked here instead.
/// </summary>
[Cmdlet(VerbsCommunications.Receive, "KubeLog", DefaultParameterSetName = NameSet)]
[OutputType(typeof(KubeLogRecord), typeof(string))]
public sealed class ReceiveKubeLogCommand : KubeNamespacedCmdlet
{
    private const string NameSet = "Name";
    private const string SelectorSet = "Selector";

    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    /// <summary>The type name of records written with -Timestamps, whose default view shows the time.</summary>
    internal const string TimestampsTypeName = "PSKube.Client.Logs.KubeLogRecord#Timestamps";

    private readonly List<Pod> _pods = [];
    private readonly List<KubeObject> _owners = [];

    /// <summary>
    /// Pod names or wildcard patterns (a pattern is matched against the pods listed now), or kubectl's KIND/NAME:
    /// <c>pod/web-1</c>, or a workload or service (<c>deploy/web</c>) meaning all its pods. Piped strings bind here.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>The pods with these labels (kubectl -l); with -Follow, pods that appear later join.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SelectorSet)]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string? Selector { get; set; }

    /// <summary>With -Selector: the pods of every namespace (kubectl -A).</summary>
    [Parameter(ParameterSetName = SelectorSet)]
    [Alias("A")]
    public SwitchParameter AllNamespaces { get; set; }

    /// <summary>A pod, or a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or Service whose pods to read.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = NameSet)]
    public KubeObject? InputObject { get; set; }

    /// <summary>The container to read in every pod; else the pod's default container (annotation), else its first.</summary>
    [Parameter]
    [Alias("c")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContainerCompleter))]
    public string? Container { get; set; }

    /// <summary>Every container of each pod, init containers first (kubectl --all-containers).</summary>
    [Parameter]
    public SwitchParameter AllContainers { get; set; }

    /// <summary>The log of the previous instance of the container, the one before its last restart (kubectl -p).</summary>
    [Parameter]
    [Alias("p")]
    public SwitchParameter Previous { get; set; }

    /// <summary>Only the last this many lines of each container; -1 for all. Defaults to all, or 10 with a selector or workload.</summary>
    [Parameter]
    [ValidateRange(-1, long.MaxValue)]
    public long? Tail { get; set; }

    /// <summary>Only lines newer than this: a TimeSpan, seconds, or text such as 5m or 2h (kubectl --since).</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan? Since { get; set; }

    /// <summary>Only lines from this time on (kubectl --since-time).</summary>
    [Parameter]
    public DateTime? SinceTime { get; set; }

    /// <summary>Show each line's RFC 3339 timestamp: in the default view of the records, or before each -Raw line (records always carry it).</summary>
    [Parameter]
    public SwitchParameter Timestamps { get; set; }

    /// <summary>Keep streaming new lines until Ctrl+C (or, for pods by name, until they are done).</summary>
    [Parameter]
    [Alias("f")]
    public SwitchParameter Follow { get; set; }

    /// <summary>
    /// How many logs are read at once, 50 by default (stern's); following, a pod whose streams would go over it is
    /// reported (TooManyStreams) and not followed (kubectl --max-log-requests).
    /// </summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxConcurrency { get; set; } = LogFanInOptions.DefaultMaxConcurrency;

    /// <summary>Output each line as a plain string, as kubectl prints it, instead of a KubeLogRecord.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    /// <summary>How to read, without which pods.</summary>
    private LogFanInOptions Reading => new()
    {
        AllContainers = AllContainers,
        MaxConcurrency = MaxConcurrency,
        Log = new PodLogOptions
        {
            Container = Container,
            Follow = Follow,
            Previous = Previous,
            TailLines = Tail,
            Since = Since,
            SinceTime = SinceTime is { } time ? new DateTimeOffset(time) : null,
            Timestamps = Timestamps,
        },
    };

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        try
        {
            Reading.ValidateReading();
        }
        catch (ArgumentException e)
        {
            ThrowInvalidArgument(e, "InvalidLogOptions", null);
        }
    }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case NameSet when InputObject is not null:
                Collect(InputObject);
                break;
            case NameSet when Name.Length == 0:
                ThrowInvalidArgument(new ArgumentException("Say whose logs to read: pod names (-Name), a label selector (-Selector), or pods or workloads piped in."),
                    "NoPodsNamed", null);
                break;
            case NameSet:
                CollectNames(TargetNamespace);
                break;
        }
    }

    protected override void EndProcessing()
    {
        var options = ParameterSetName == SelectorSet
            ? Reading with { LabelSelector = Selector, AllNamespaces = AllNamespaces, Namespace = AllNamespaces ? null : TargetNamespace }
            : Reading with { Pods = _pods, Owners = _owners, Namespace = TargetNamespace };
        if (ParameterSetName != SelectorSet && _pods.Count == 0 && _owners.Count == 0)
        {
            // Every pattern matched nothing, or every object was refused: already reported.
            return;
        }
        LogFanIn fanIn;
        try
        {
            fanIn = new LogFanIn(Client, options with { Health = StreamHealth() });
        }
        catch (ArgumentException e)
        {
            ThrowInvalidArgument(e, "InvalidLogOptions", null);
            return;
        }
        try
        {
            WriteStream(fanIn.ReadAsync, Write);
        }
        catch (KubeApiException e)
        {
            // Listing or watching the pods failed: nothing more can come.
            WriteApiError(e, "Pod", Selector);
        }
    }

    private void Collect(KubeObject input)
    {
        if (input is Pod pod)
        {
            _pods.Add(pod);
            return;
        }
        try
        {
            PodsOf.Query(input);
            _owners.Add(input);
        }
        catch (ArgumentException e)
        {
            WriteError(new ErrorRecord(e, "ObjectHasNoPods", ErrorCategory.InvalidArgument, input));
        }
    }

    /// <summary>
    /// Names as they are (a missing pod is reported when reading); patterns by listing the namespace's pods now;
    /// KIND/NAME of a workload or service by reading it, so its pods are followed as when it is piped.
    /// </summary>
    private void CollectNames(string @namespace)
    {
        var names = new List<string>();
        foreach (var text in Name)
        {
            var (kind, name) = KindQualifiedName.Split(text);
            var owner = kind is null ? null : BuiltInResources.Find(kind);
            if (owner is null || KindQualifiedName.SameType(owner, Pods) || !RelatedObjects.Relations.Any(r => r.TargetPlural == "pods" && r.SourceKind == owner.Kind))
            {
                names.AddRange(NamesOfKind(Pods, [text]));
                continue;
            }
            TryApi(owner.Kind, name, () => Collect(Await(token => Client.GetResourceAsync(owner, owner.Namespaced ? @namespace : null, name, token))));
        }
        var patterns = names.Where(WildcardPattern.ContainsWildcardCharacters).ToList();
        _pods.AddRange(names.Except(patterns).Select(name => new Pod { Metadata = new ObjectMeta { Name = name, Namespace = @namespace } }));
        if (patterns.Count == 0)
        {
            return;
        }
        TryApi("Pod", Name, () =>
        {
            var (listed, _) = Await(token => Client.ListAllAsync<Pod>(Pods, @namespace, new ListOptions(), token));
            foreach (var pattern in patterns)
            {
                var wildcard = new WildcardPattern(pattern, WildcardOptions.IgnoreCase);
                var matched = listed.Where(p => wildcard.IsMatch(p.Name ?? "")).ToList();
                if (matched.Count == 0)
                {
                    WriteWarning($"No pod in namespace {@namespace} matches \"{pattern}\".");
                }
                _pods.AddRange(matched);
            }
        });
    }

    private void Write(KubeLogEvent item)
    {
        switch (item.Kind)
        {
            case KubeLogEventKind.Line when Raw:
                WriteObject(item.Record!.ToLine(Timestamps));
                break;
            case KubeLogEventKind.Line when Timestamps:
                // The extra type name picks the default view with the time column (module/PSKube.format.ps1xml).
                var record = PSObject.AsPSObject(item.Record!);
                record.TypeNames.Insert(0, TimestampsTypeName);
                WriteObject(record);
                break;
            case KubeLogEventKind.Line:
                WriteObject(item.Record);
                break;
            case KubeLogEventKind.ContainerDefaulted:
                // kubectl writes this to stderr; a warning is where PowerShell users see such words.
                WriteWarning(item.Notice);
                break;
            case KubeLogEventKind.Joined or KubeLogEventKind.Left:
                // stern's "+ pod/x" and "- pod/x": shown with -InformationAction Continue, kept out of the output.
                WriteInformation(item.ToString(), ["PSKube", "Log", item.Kind.ToString()]);
                break;
            default:
                WriteError(FailureRecord(item));
                break;
        }
    }

    /// <summary>One pod's or container's failure, with a stable id (PodNotFound, ContainerNotStarted...) and what to do.</summary>
    private static ErrorRecord FailureRecord(KubeLogEvent failed)
    {
        var failure = failed.Failure ?? KubeLogFailure.Other;
        var (id, category) = failure switch
        {
            KubeLogFailure.Other when failed.Error is KubeApiException api => (KubeErrors.ErrorId("Pod", api), CategoryOf(api)),
            KubeLogFailure.Other => ("LogReadFailed", ErrorCategory.ReadError),
            KubeLogFailure.PodNotFound or KubeLogFailure.ContainerNotFound or KubeLogFailure.PreviousContainerNotFound => (failure.ToString(), ErrorCategory.ObjectNotFound),
            KubeLogFailure.ContainerNotStarted or KubeLogFailure.ContainerTerminated => (failure.ToString(), ErrorCategory.ResourceUnavailable),
            KubeLogFailure.TooManyStreams => (failure.ToString(), ErrorCategory.LimitsExceeded),
            _ => (failure.ToString(), ErrorCategory.ConnectionError),
        };
        var action = failure switch
        {
            KubeLogFailure.PodNotFound => "Check the name with Get-KubePod, and -Namespace.",
            KubeLogFailure.ContainerNotFound => "Name one of the pod's containers with -Container, or use -AllContainers.",
            KubeLogFailure.ContainerNotStarted => "Add -Follow to read the log once the container starts; Get-KubePod NAME | Get-KubeEvent shows why it waits.",
            KubeLogFailure.PreviousContainerNotFound => "The container has not restarted: leave out -Previous.",
            KubeLogFailure.TooManyStreams => "Raise -MaxConcurrency to follow more streams at once.",
            _ => null,
        };
        return new ErrorRecord(failed.Error, id, category, failed.Pod)
        {
            ErrorDetails = new ErrorDetails(failed.Error!.Message) { RecommendedAction = action },
        };
    }
}

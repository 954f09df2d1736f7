using System.Management.Automation;
using PSKube.Client.Metrics;
using PSKube.Commands.Common;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Cluster;

/// <summary>
/// Get-KubeTop: CPU and memory use of pods (and their containers) or nodes from the metrics.k8s.io API (kubectl top
/// pods / kubectl top nodes). Usage is typed (millicores, bytes), so Sort-Object and Measure-Object work on it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeTop", DefaultParameterSetName = PodSet)]
[OutputType(typeof(PodUsage), typeof(ContainerUsage), ParameterSetName = [PodSet])]
[OutputType(typeof(NodeUsage), ParameterSetName = [NodeSet])]
public sealed class GetKubeTopCommand : KubeListCmdlet
{
    private const string PodSet = "Pod";
    private const string NodeSet = "Node";

    private bool _unavailable;

    /// <summary>Pod (or, with -Node, node) names or wildcard patterns; every one when omitted. Piped objects' Name binds here.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TopNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Nodes instead of pods (kubectl top nodes).</summary>
    [Parameter(Mandatory = true, ParameterSetName = NodeSet)]
    public SwitchParameter Node { get; set; }

    /// <summary>One row per container instead of per pod (kubectl top pods --containers).</summary>
    [Parameter(ParameterSetName = PodSet)]
    public SwitchParameter Containers { get; set; }

    /// <summary>A label selector (kubectl -l), e.g. <c>app=web</c>.</summary>
    [Parameter]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string? Selector { get; set; }

    /// <summary>The order: Name (namespace and name, the default), or Cpu or Memory, highest first (kubectl --sort-by).</summary>
    [Parameter]
    public TopSortOrder SortBy { get; set; } = TopSortOrder.Name;

    protected override void ProcessRecord()
    {
        if (_unavailable)
        {
            return;
        }
        try
        {
            if (Node)
            {
                WriteNodes(new NameSelection(Name));
            }
            else
            {
                WritePods(new NameSelection(Name));
            }
        }
        catch (KubeMetricsUnavailableException error)
        {
            // Said once: every later record would find the same cluster.
            _unavailable = true;
            WriteError(new ErrorRecord(error, "MetricsApiNotAvailable", ErrorCategory.ResourceUnavailable, Client.Context.ContextName)
            {
                ErrorDetails = new ErrorDetails($"Metrics API not available in context \"{Client.Context.ContextName}\": the cluster serves no metrics.k8s.io API.")
                {
                    RecommendedAction = "Install metrics-server in the cluster (kubectl top needs it too), or choose a context whose cluster has it (-Context).",
                },
            });
        }
    }

    private void WriteNodes(NameSelection names)
    {
        if (names.NeedsList(null) && names.Exact.Count == 0)
        {
            TryApi("NodeMetrics", Selector, () =>
            {
                foreach (var usage in Await(ct => Client.GetNodeUsageAsync(null, Selector, SortBy, ct)).Where(u => names.Selects(u.Name)))
                {
                    WriteObject(usage);
                }
            });
            return;
        }
        foreach (var name in names.Names!)
        {
            TryApi("NodeMetrics", name, () =>
            {
                foreach (var usage in Await(ct => Client.GetNodeUsageAsync(name, null, SortBy, ct)))
                {
                    WriteObject(usage);
                }
            });
        }
    }

    private void WritePods(NameSelection names)
    {
        var @namespace = ListNamespace;
        if (names.Patterns.Count > 0 || names.Names is null || @namespace is null)
        {
            TryApi("PodMetrics", Selector ?? @namespace, () => WritePodUsage(
                Await(ct => Client.GetPodUsageAsync(@namespace, null, Selector, SortBy, ct)).Where(u => names.Selects(u.Name))));
            return;
        }
        foreach (var name in names.Exact)
        {
            TryApi("PodMetrics", name, () => WritePodUsage(Await(ct => Client.GetPodUsageAsync(@namespace, name, null, SortBy, ct))));
        }
    }

    private void WritePodUsage(IEnumerable<PodUsage> pods)
    {
        foreach (var pod in pods)
        {
            if (!Containers)
            {
                WriteListed(pod, AllNamespaces, watch: false);
                continue;
            }
            foreach (var container in pod.Containers)
            {
                WriteListed(container, AllNamespaces, watch: false);
            }
        }
    }
}

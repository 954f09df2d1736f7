using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Queries;
using PSKube.Client.Resources;
using KubeFieldSelector = PSKube.Client.Selectors.FieldSelector;

namespace PSKube.Commands.Events;

/// <summary>
/// Get-KubeEvent: events oldest first (kubectl get events --sort-by=.lastTimestamp); a piped object gives the events
/// about it, as kubectl describe shows them; -Watch follows new ones.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeEvent")]
[OutputType(typeof(Event))]
public sealed class GetKubeEventCommand : KubeListCmdlet
{
    private static readonly ResourceDefinition EventResource = BuiltInResources.Find("events")!;

    /// <summary>The object whose events to get: any pod, deployment, node... piped in; a Namespace gives the events in it.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KubeObject? InputObject { get; set; }

    /// <summary>Only events of this type: Normal or Warning.</summary>
    [Parameter]
    public EventType? Type { get; set; }

    /// <summary>After the current events, output each new one as it happens (kubectl get events -w) until Ctrl+C.</summary>
    [Parameter]
    [Alias("w")]
    public SwitchParameter Watch { get; set; }

    protected override void ProcessRecord()
    {
        EventQuery query;
        if (InputObject is null)
        {
            query = new EventQuery(ListNamespace, new());
        }
        else if (RelatedTo(InputObject, EventResource, TargetNamespace) is { } related)
        {
            // An Event piped in is read again: the one event of that name.
            query = new EventQuery(related.Namespace, related.Name is { } name
                ? related.Options.Narrowed(null, "metadata.name=" + KubeFieldSelector.EscapeValue(name))
                : related.Options);
        }
        else
        {
            return;
        }
        if (Type is not null)
        {
            query = query with { Options = query.Options.Narrowed(null, "type=" + Type) };
        }
        var allNamespaces = InputObject is null && ListNamespace is null;
        if (Watch)
        {
            TryApi("Event", InputObject?.Name, () =>
                WriteStream(token => EventsOf.FollowAsync(Client, query, token), @event => WriteListed(@event, allNamespaces, watch: true)));
            return;
        }
        TryApi("Event", InputObject?.Name, () =>
        {
            foreach (var @event in Await(token => EventsOf.ListAsync(Client, query, token)))
            {
                WriteListed(@event, allNamespaces, watch: false);
            }
        });
    }
}

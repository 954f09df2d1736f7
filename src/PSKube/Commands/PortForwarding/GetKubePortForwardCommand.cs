using System.Management.Automation;
using PSKube.Client.PortForwarding;

namespace PSKube.Commands.PortForwarding;

/// <summary>Get-KubePortForward: the port-forwards of this session (Start-KubePortForward's), running or failed.</summary>
[Cmdlet(VerbsCommon.Get, "KubePortForward")]
[OutputType(typeof(PortForward))]
public sealed class GetKubePortForwardCommand : PSCmdlet
{
    /// <summary>The numbers of the forwards to get; all when omitted.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public int[]? Id { get; set; }

    protected override void ProcessRecord()
    {
        var all = PortForwardRegistry.All;
        if (Id is null)
        {
            WriteObject(all, enumerateCollection: true);
            return;
        }
        foreach (var id in Id)
        {
            if (all.FirstOrDefault(f => f.Id == id) is { } forward)
            {
                WriteObject(forward);
            }
            else
            {
                WriteError(PortForwardErrors.NotFound(id));
            }
        }
    }
}

internal static class PortForwardErrors
{
    public static ErrorRecord NotFound(int id) =>
        new(new ItemNotFoundException($"There is no port-forward with id {id} in this session."), "PortForwardNotFound", ErrorCategory.ObjectNotFound, id)
        {
            ErrorDetails = new ErrorDetails($"There is no port-forward with id {id} in this session.") { RecommendedAction = "Run Get-KubePortForward to see the session's forwards." },
        };
}

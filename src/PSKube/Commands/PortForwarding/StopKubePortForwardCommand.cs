using System.Management.Automation;
using PSKube.Client.PortForwarding;

namespace PSKube.Commands.PortForwarding;

/// <summary>Stop-KubePortForward: stops port-forwards of this session (by object, id, or all), closing their local ports and connections.</summary>
[Cmdlet(VerbsLifecycle.Stop, "KubePortForward", SupportsShouldProcess = true, DefaultParameterSetName = InputObjectSet)]
[OutputType(typeof(void))]
public sealed class StopKubePortForwardCommand : PSCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string IdSet = "Id";
    private const string AllSet = "All";

    /// <summary>Forwards to stop, as Start-KubePortForward and Get-KubePortForward output them.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public PortForward[] InputObject { get; set; } = [];

    /// <summary>The numbers of the forwards to stop.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    public int[] Id { get; set; } = [];

    /// <summary>Stops every forward of the session.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        var running = PortForwardRegistry.All;
        var chosen = ParameterSetName switch
        {
            AllSet => running,
            IdSet => Id.Select(id => running.FirstOrDefault(f => f.Id == id) ?? Missing(id)).OfType<PortForward>().ToList(),
            _ => InputObject,
        };
        foreach (var forward in chosen)
        {
            if (ShouldProcess(forward.ToString(), "Stop port-forward"))
            {
                PortForwardRegistry.StopAsync(forward).GetAwaiter().GetResult();
            }
        }
    }

    private PortForward? Missing(int id)
    {
        WriteError(PortForwardErrors.NotFound(id));
        return null;
    }
}

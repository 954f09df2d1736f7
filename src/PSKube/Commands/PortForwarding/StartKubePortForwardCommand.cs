using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using PSKube.Client.Models;
using PSKube.Client.PortForwarding;
using PSKube.Completers;

namespace PSKube.Commands.PortForwarding;

/// <summary>
/// Start-KubePortForward: kubectl port-forward. Forwards local ports to a pod, a pod a service selects (its port
/// translated to the target port) or a pod of a workload, in the background of the session, and outputs one
/// PortForward per port; -Wait runs in the foreground like kubectl until Ctrl+C, then stops them.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "KubePortForward", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
[OutputType(typeof(PortForward))]
public sealed class StartKubePortForwardCommand : KubeNamespacedCmdlet
{
    private const string NameSet = "Name";
    private const string ServiceSet = "Service";
    private const string InputObjectSet = "InputObject";

    private readonly List<PortForward> _waited = [];

    /// <summary>The pod's name, or TYPE/NAME as kubectl takes it (svc/web, deploy/web, sts/db, ds/x, rs/x, job/x).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>A service: its port is forwarded to the target port of a running pod it selects.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ServiceSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string Service { get; set; } = "";

    /// <summary>A piped pod, service, deployment, replica set, stateful set, daemon set or job.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
    public KubeObject? InputObject { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>
    /// The ports, as kubectl writes them: LOCAL:REMOTE (8080:80), :REMOTE for a free local port, or PORT for the same on
    /// both sides; REMOTE may be a port name. Named after a piped object, since a lone positional value would bind -Name.
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = NameSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ServiceSet)]
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet)]
    [ValidateNotNullOrEmpty]
    public string[] Port { get; set; } = [];

    /// <summary>The local address to listen on: 127.0.0.1 (the default), localhost, or an IP address of this machine (0.0.0.0 for all).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Runs in the foreground like kubectl port-forward, reporting connections (-Verbose) and errors, until Ctrl+C.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    protected override void ProcessRecord()
    {
        if (ListenAddress() is not { } address)
        {
            return;
        }
        var mappings = new List<PortMapping>();
        foreach (var text in Port)
        {
            try
            {
                mappings.Add(PortMapping.Parse(text));
            }
            catch (ArgumentException e)
            {
                WriteError(new ErrorRecord(e, "InvalidPortMapping", ErrorCategory.InvalidArgument, text));
            }
        }
        if (mappings.Count == 0 || FindTarget() is not { } target)
        {
            return;
        }
        var description = $"{target.Kind?.ToLowerInvariant()}/{target.Name}";
        foreach (var mapping in mappings)
        {
            var local = mapping.LocalPort switch { null => "the same port", 0 => "a free port", { } port => port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (!ShouldProcess($"{description} in namespace {target.Namespace}", $"Forward {address}:{local} to port {mapping.Remote}"))
            {
                continue;
            }
            try
            {
                var forwarder = Await(token => Client.StartPortForwardAsync(target, mapping, address, token));
                var forward = PortForwardRegistry.Add(forwarder, description);
                if (Wait)
                {
                    _waited.Add(forward);
                }
                WriteObject(forward);
            }
            catch (KubePortForwardException e)
            {
                WriteError(new ErrorRecord(e, e.Reason, ErrorCategory.ObjectNotFound, target));
            }
            catch (SocketException e)
            {
                WriteError(new ErrorRecord(e, "LocalPortUnavailable", ErrorCategory.ResourceUnavailable, mapping.ToString())
                {
                    ErrorDetails = new ErrorDetails($"Unable to listen on {address}:{mapping.LocalPort ?? mapping.RemoteNumber}: {e.Message}.")
                    {
                        RecommendedAction = $"Choose another local port, or write :{mapping.Remote} for a free one.",
                    },
                });
            }
            catch (PSKube.Client.Transport.KubeApiException e)
            {
                WriteApiError(e, target.Kind ?? "Pod", target);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_waited.Count == 0)
        {
            return;
        }
        try
        {
            while (!Cancellation.IsCancellationRequested && _waited.Any(f => f.State == PortForwardState.Running))
            {
                Task.WhenAny(_waited.Select(f => f.Forwarder.Completion)).Wait(TimeSpan.FromMilliseconds(250));
                WriteNotices();
            }
        }
        finally
        {
            // Ctrl+C (or the end of every forward): stop them all, which closes their connections within 2 s.
            PortForwardRegistry.StopAllOf(_waited).GetAwaiter().GetResult();
        }
        WriteNotices();
    }

    private void WriteNotices()
    {
        foreach (var forward in _waited)
        {
            while (forward.Forwarder.TryReadNotice(out var notice))
            {
                switch (notice.Kind)
                {
                    case PortForwardNoticeKind.Connection:
                        WriteVerbose(notice.Message);
                        break;
                    case PortForwardNoticeKind.Retargeted:
                        WriteWarning(notice.Message);
                        break;
                    case PortForwardNoticeKind.ConnectionError:
                        WriteError(new ErrorRecord(new InvalidOperationException(notice.Message), "PortForwardConnectionFailed", ErrorCategory.ConnectionError, forward));
                        break;
                    case PortForwardNoticeKind.Failed:
                        WriteError(new ErrorRecord(new InvalidOperationException(notice.Message), "PortForwardFailed", ErrorCategory.ResourceUnavailable, forward)
                        {
                            ErrorDetails = new ErrorDetails(notice.Message) { RecommendedAction = "Start the forward again once the pod runs, or forward to its deployment or service, which moves to another pod." },
                        });
                        break;
                }
            }
        }
    }

    private IPAddress? ListenAddress()
    {
        if (Address.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }
        if (IPAddress.TryParse(Address, out var address))
        {
            return address;
        }
        WriteError(new ErrorRecord(new ArgumentException($"'{Address}' is not an IP address: give one of this machine's addresses, localhost, or 0.0.0.0 for all."), "InvalidAddress", ErrorCategory.InvalidArgument, Address));
        return null;
    }

    private KubeObject? FindTarget()
    {
        if (InputObject is not null)
        {
            return InputObject;
        }
        var text = ParameterSetName == ServiceSet ? $"service/{Service}" : Name;
        KubeObject? target = null;
        try
        {
            TryApi(text.Contains('/', StringComparison.Ordinal) ? text[..text.IndexOf('/', StringComparison.Ordinal)] : "Pod", text,
                () => target = Await(token => PortForwardTargets.FindAsync(Client, text, TargetNamespace, token)));
        }
        catch (KubePortForwardException e)
        {
            WriteError(new ErrorRecord(e, e.Reason, ErrorCategory.InvalidArgument, text));
        }
        return target;
    }
}

using System.Net;
using PSKube.Client.Models;
using PSKube.Client.PortForwarding;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    /// <summary>
    /// Starts forwarding <paramref name="address"/>:local port to the pod <paramref name="target"/> is or selects
    /// (see <see cref="PortForwardTargets"/>); a forward from a service or workload moves to another of its pods when
    /// its pod goes away. Runs until stopped, in the background.
    /// </summary>
    /// <exception cref="KubePortForwardException">No running pod, or a port that does not resolve.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The local port cannot be listened on.</exception>
    public async Task<PortForwarder> StartPortForwardAsync(KubeObject target, PortMapping mapping, IPAddress address, CancellationToken cancellationToken)
    {
        var (endpoint, localPort) = await PortForwardTargets.ResolveAsync(this, target, mapping, cancellationToken);
        Func<CancellationToken, Task<PortForwardEndpoint>>? retarget = target is Pod
            ? null
            : async token => (await PortForwardTargets.ResolveAsync(this, target, mapping, token)).Endpoint;
        return PortForwarder.Start(
            address,
            localPort,
            endpoint,
            (path, token) => _connection.ConnectWebSocketAsync(path, [PortForwarder.Subprotocol], token),
            (gone, token) => PortForwardTargets.WhyUnreachableAsync(this, gone, token),
            retarget);
    }
}

using PSKube.Client.RemoteCommands;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    /// <summary>
    /// Starts <paramref name="command"/> in a container of the pod (kubectl exec) and returns the session once the
    /// server has accepted it; a refusal (no such pod or container, a container not running) is a
    /// <see cref="Transport.KubeApiException"/>. Cancelling <paramref name="cancellationToken"/> aborts the session.
    /// </summary>
    public Task<RemoteCommandSession> ExecAsync(string @namespace, string pod, IReadOnlyList<string> command, RemoteCommandOptions options, CancellationToken cancellationToken) =>
        ExecAsync(@namespace, pod, command, options, RemoteCommandSession.Subprotocols, cancellationToken);

    /// <summary><see cref="ExecAsync(string, string, IReadOnlyList{string}, RemoteCommandOptions, CancellationToken)"/> offering only <paramref name="subprotocols"/> (tests of the v4 fallback).</summary>
    internal Task<RemoteCommandSession> ExecAsync(string @namespace, string pod, IReadOnlyList<string> command, RemoteCommandOptions options, IReadOnlyList<string> subprotocols, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pod);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(options);
        if (command.Count == 0 || string.IsNullOrEmpty(command[0]))
        {
            throw new ArgumentException("Name the command to run, and its arguments.", nameof(command));
        }
        var query = command.Select(word => ("command", (string?)word)).Concat(options.Query());
        return ConnectRemoteCommandAsync(WithQuery(ObjectPath(PodResource, @namespace, pod, "exec"), query), subprotocols, cancellationToken);
    }

    /// <summary>Connects to the main process of a container of the pod (kubectl attach); see <see cref="ExecAsync"/>.</summary>
    public Task<RemoteCommandSession> AttachAsync(string @namespace, string pod, RemoteCommandOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pod);
        ArgumentNullException.ThrowIfNull(options);
        return ConnectRemoteCommandAsync(WithQuery(ObjectPath(PodResource, @namespace, pod, "attach"), options.Query()), RemoteCommandSession.Subprotocols, cancellationToken);
    }

    private async Task<RemoteCommandSession> ConnectRemoteCommandAsync(string pathAndQuery, IReadOnlyList<string> subprotocols, CancellationToken cancellationToken)
    {
        var socket = await _connection.ConnectWebSocketAsync(pathAndQuery, subprotocols, cancellationToken);
        if (!RemoteCommandSession.Subprotocols.Contains(socket.SubProtocol))
        {
            socket.Dispose();
            throw new NotSupportedException($"The API server speaks neither {RemoteCommandSession.V5} nor {RemoteCommandSession.V4} for exec and attach; it is too old for PSKube (kubectl falls back to SPDY there).");
        }
        return new RemoteCommandSession(socket, cancellationToken);
    }
}

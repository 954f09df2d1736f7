namespace PSKube.Client.Transport;

/// <summary>Why a request never got an answer from the API server.</summary>
public enum KubeUnreachableReason
{
    /// <summary>Nothing listens at the server's address and port (connection refused).</summary>
    Refused,

    /// <summary>The server's host name does not resolve.</summary>
    HostNotFound,

    /// <summary>No connection could be made in time (a firewall that drops packets, a host that is down).</summary>
    ConnectTimeout,

    /// <summary>A connection could not be made for another reason (no route to the host, network down).</summary>
    ConnectFailed,

    /// <summary>The connection dropped before the server answered, and retrying (reads only) did not help.</summary>
    ConnectionLost,

    /// <summary>The server accepted the connection but did not complete the TLS handshake in time (kubectl: "TLS handshake timeout").</summary>
    TlsHandshakeTimeout,
}

/// <summary>
/// The API server could not be reached: the request got no HTTP answer at all. Carries the server URL and why; the
/// message says what to check, in kubectl's words where it has them. The message never contains credentials.
/// </summary>
public sealed class KubeApiUnreachableException : Exception
{
    public KubeApiUnreachableException(Uri server, KubeUnreachableReason reason, string method, string path, Exception? innerException = null)
        : base(MessageFor(server, reason, method), innerException)
    {
        Server = server;
        Reason = reason;
        Method = method;
        Path = path;
    }

    /// <summary>The server URL of the kubeconfig cluster (no credentials are ever part of it).</summary>
    public Uri Server { get; }

    public KubeUnreachableReason Reason { get; }

    public string Method { get; }

    /// <summary>The request path without the query string.</summary>
    public string Path { get; }

    private static string MessageFor(Uri server, KubeUnreachableReason reason, string method)
    {
        var url = server.GetLeftPart(UriPartial.Authority);
        return reason switch
        {
            KubeUnreachableReason.Refused => $"The connection to the server {url} was refused - did you specify the right host or port?",
            KubeUnreachableReason.HostNotFound => $"Unable to connect to the server {url}: the host name {server.Host} does not resolve - did you specify the right host?",
            KubeUnreachableReason.ConnectTimeout => $"Unable to connect to the server {url}: it did not accept a connection in time - is the cluster running and reachable from here?",
            KubeUnreachableReason.TlsHandshakeTimeout => $"Unable to connect to the server {url}: TLS handshake timeout - it accepted the connection but did not answer; is something other than the API server listening there?",
            KubeUnreachableReason.ConnectionLost when method is "GET" or "HEAD" => $"The connection to the server {url} dropped before it answered, and retrying did not help.",
            KubeUnreachableReason.ConnectionLost => $"The connection to the server {url} dropped before it answered: the change may or may not have been made; read the object to see.",
            _ => $"Unable to connect to the server {url} - is the cluster running and reachable from here?",
        };
    }
}

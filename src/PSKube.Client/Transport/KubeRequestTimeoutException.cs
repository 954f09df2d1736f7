namespace PSKube.Client.Transport;

/// <summary>
/// A single request got no complete answer within the request timeout (<see cref="KubeClientOptions.RequestTimeout"/>,
/// kubectl's --request-timeout): the server was reached but is too slow or stalled. The message never contains credentials.
/// </summary>
public sealed class KubeRequestTimeoutException : TimeoutException
{
    public KubeRequestTimeoutException(Uri server, string method, string path, TimeSpan timeout, Exception? innerException = null)
        : base($"{method} {path}: the server {server.GetLeftPart(UriPartial.Authority)} did not answer within {timeout.TotalSeconds:0.#} s - " +
               $"is it overloaded? To wait longer, set ${KubeRequestTimeout.EnvironmentVariable} (such as 2m; 0 waits for ever).", innerException)
    {
        Server = server;
        Method = method;
        Path = path;
        Timeout = timeout;
    }

    /// <summary>The server URL of the kubeconfig cluster.</summary>
    public Uri Server { get; }

    public string Method { get; }

    /// <summary>The request path without the query string.</summary>
    public string Path { get; }

    /// <summary>The bound that passed.</summary>
    public TimeSpan Timeout { get; }
}

using System.Collections.Concurrent;
using PSKube.Client.Config;
using PSKube.Client.Transport;

namespace PSKube.Client;

/// <summary>
/// The warm connections of one session (a PowerShell runspace): one <see cref="KubeClient"/> per kubeconfig and
/// context, and one pooled connection per cluster and user, so a script's calls reuse the same TCP/TLS connection
/// and an exec plugin's token. The kubeconfig is looked at on each call (parsed only when a file changed, see
/// <see cref="KubeConfigFileCache"/>), so a switched current-context or an edited file takes effect at once.
/// </summary>
public sealed class KubeSessionCache(KubeClientOptions? options = null, Func<KubeConfigLoader>? loader = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, (string Version, KubeClient Client)> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KubeConnection> _connections = new(StringComparer.Ordinal);
    private readonly Func<KubeConfigLoader> _loader = loader ?? KubeConfigLoader.FromEnvironment;

    /// <summary>
    /// The client for a context of the kubeconfig at <paramref name="kubeconfigPath"/> (else KUBECONFIG, else
    /// ~/.kube/config, else in-cluster); <paramref name="contextName"/> null means the current context.
    /// </summary>
    public KubeClient GetClient(string? kubeconfigPath = null, string? contextName = null, bool interactive = false)
    {
        var config = _loader().Load(kubeconfigPath);
        var resolvedName = string.IsNullOrEmpty(contextName) ? config.CurrentContext ?? "" : contextName;
        var key = string.Join('\n', config.Files) + "\n@" + resolvedName + (interactive ? "\n+tty" : "");
        if (_clients.TryGetValue(key, out var cached) && cached.Version == config.Version)
        {
            return cached.Client;
        }
        // A client built from an older content of the files is replaced, not kept beside the new one.
        var context = config.Resolve(contextName, interactive: interactive);
        var endpoint = context.Endpoint;
        var connectionKey = $"{EndpointKey(endpoint)}\n{context.Credentials.CacheKey}";
        var connection = _connections.GetOrAdd(connectionKey, _ => new KubeConnection(endpoint, context.Credentials, options));
        var client = new KubeClient(context, connection);
        _clients[key] = (config.Version, client);
        return client;
    }

    /// <summary>Forgets every client and closes every connection (the next call starts cold).</summary>
    public void Reset()
    {
        _clients.Clear();
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }
        _connections.Clear();
    }

    public void Dispose() => Reset();

    private static string EndpointKey(ClusterEndpoint endpoint) =>
        string.Join('|',
            endpoint.Server,
            endpoint.CertificateAuthorityPem is { } pem ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(pem)) : "",
            endpoint.InsecureSkipTlsVerify,
            endpoint.TlsServerName,
            endpoint.Proxy);
}

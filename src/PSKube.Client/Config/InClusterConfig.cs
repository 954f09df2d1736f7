using PSKube.Client.Auth;
using PSKube.Client.Transport;

namespace PSKube.Client.Config;

/// <summary>
/// The pod's own service account, as client-go's in-cluster config reads it: the API server at
/// https://KUBERNETES_SERVICE_HOST:KUBERNETES_SERVICE_PORT, the CA in ca.crt, the token in token (re-read at most
/// every minute, since the kubelet rotates it) and the namespace from POD_NAMESPACE, else the namespace file,
/// else "default".
/// </summary>
public sealed class InClusterConfig
{
    public const string HostVariable = "KUBERNETES_SERVICE_HOST";
    public const string PortVariable = "KUBERNETES_SERVICE_PORT";
    public const string PodNamespaceVariable = "POD_NAMESPACE";
    public const string DefaultServiceAccountFolder = "/var/run/secrets/kubernetes.io/serviceaccount";
    public const string ContextName = "in-cluster";
    public const string UserName = "service-account";

    private readonly string? _podNamespace;

    public InClusterConfig(string host, string port, string serviceAccountFolder = DefaultServiceAccountFolder, string? podNamespace = null)
    {
        // An IPv6 address needs brackets in a URL.
        var bracketedHost = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        if (!Uri.TryCreate($"https://{bracketedHost}:{port}", UriKind.Absolute, out var server))
        {
            throw new KubeConfigException($"{HostVariable}={host} and {PortVariable}={port} do not make an API server URL");
        }
        Server = server;
        ServiceAccountFolder = serviceAccountFolder;
        _podNamespace = string.IsNullOrEmpty(podNamespace) ? null : podNamespace;
    }

    public Uri Server { get; }

    public string ServiceAccountFolder { get; }

    public string TokenPath => Path.Combine(ServiceAccountFolder, "token");

    public string CertificateAuthorityPath => Path.Combine(ServiceAccountFolder, "ca.crt");

    public string NamespacePath => Path.Combine(ServiceAccountFolder, "namespace");

    /// <summary>
    /// The in-cluster config when the service host and port variables are set and the token file exists (as
    /// client-go decides it is possible), else null. <paramref name="environment"/> defaults to the process environment.
    /// </summary>
    public static InClusterConfig? Detect(string serviceAccountFolder = DefaultServiceAccountFolder, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment(HostVariable);
        var port = environment(PortVariable);
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port) || !File.Exists(Path.Combine(serviceAccountFolder, "token")))
        {
            return null;
        }
        return new InClusterConfig(host, port, serviceAccountFolder, environment(PodNamespaceVariable));
    }

    /// <summary>The namespace: the override, else POD_NAMESPACE, else the service account's, else "default".</summary>
    public KubeContext Resolve(string? namespaceOverride = null)
    {
        // client-go only logs an unreadable CA and goes on with the system trust store.
        var certificateAuthority = File.Exists(CertificateAuthorityPath) ? File.ReadAllBytes(CertificateAuthorityPath) : null;
        var credentials = new TokenFileCredentials(TokenPath, "the in-cluster service account");
        credentials.EnsureReadable();
        var @namespace = !string.IsNullOrEmpty(namespaceOverride) ? namespaceOverride : _podNamespace ?? ReadNamespace() ?? "default";
        return new KubeContext(ContextName, ContextName, UserName, @namespace, new ClusterEndpoint(Server, certificateAuthority), credentials);
    }

    private string? ReadNamespace()
    {
        if (!File.Exists(NamespacePath))
        {
            return null;
        }
        var text = File.ReadAllText(NamespacePath).Trim();
        return text.Length == 0 ? null : text;
    }
}

using PSKube.Client.Auth;
using PSKube.Client.Transport;

namespace PSKube.Client.Config;

/// <summary>
/// The merged kubeconfig (see <see cref="KubeConfigLoader"/> for the rules) and the resolution of a context into
/// a <see cref="KubeContext"/>. When no kubeconfig exists but the process runs in a pod, resolving uses the pod's
/// service account.
/// </summary>
public sealed class KubeConfig
{
    private const string DefaultNamespace = "default";

    internal KubeConfig(
        IReadOnlyList<string> precedence,
        IReadOnlyList<string> files,
        string version,
        string defaultFile,
        IReadOnlyDictionary<string, KubeConfigEntry<KubeConfigCluster>> clusters,
        IReadOnlyDictionary<string, KubeConfigEntry<KubeConfigUser>> users,
        IReadOnlyDictionary<string, KubeConfigEntry<KubeConfigContext>> contexts,
        string? currentContext,
        KubeConfigPreferences? preferences,
        InClusterConfig? inCluster)
    {
        Precedence = precedence;
        Files = files;
        Version = version;
        DefaultFile = defaultFile;
        Clusters = clusters;
        Users = users;
        Contexts = contexts;
        CurrentContext = currentContext;
        Preferences = preferences;
        InCluster = inCluster;
    }

    /// <summary>The candidate files in precedence order, existing or not.</summary>
    public IReadOnlyList<string> Precedence { get; }

    /// <summary>The files that were read, in precedence order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Tells this content of <see cref="Files"/> from any other this process read: equal versions of the same files
    /// mean the same kubeconfig, so what was resolved from one still holds.
    /// </summary>
    public string Version { get; }

    /// <summary>Where kubectl would write current-context and new entries: the explicit file, else the first existing one, else the first candidate.</summary>
    public string DefaultFile { get; }

    public IReadOnlyDictionary<string, KubeConfigEntry<KubeConfigCluster>> Clusters { get; }

    public IReadOnlyDictionary<string, KubeConfigEntry<KubeConfigUser>> Users { get; }

    public IReadOnlyDictionary<string, KubeConfigEntry<KubeConfigContext>> Contexts { get; }

    public string? CurrentContext { get; }

    public KubeConfigPreferences? Preferences { get; }

    /// <summary>The pod's service account, used when no kubeconfig file defines anything.</summary>
    public InClusterConfig? InCluster { get; }

    /// <summary>True when no file defined a cluster, user, context or current-context.</summary>
    public bool IsEmpty => Clusters.Count == 0 && Users.Count == 0 && Contexts.Count == 0 && string.IsNullOrEmpty(CurrentContext);

    /// <summary>Loads the kubeconfig from the process environment (explicit path, else KUBECONFIG, else ~/.kube/config).</summary>
    public static KubeConfig Load(string? explicitPath = null) => KubeConfigLoader.FromEnvironment().Load(explicitPath);

    /// <summary>
    /// Resolves a context (the current one when <paramref name="contextName"/> is null) into an endpoint and
    /// credentials. The namespace is the override, else the context's, else "default". With
    /// <paramref name="interactive"/> false, exec plugins never get a terminal.
    /// </summary>
    public KubeContext Resolve(string? contextName = null, string? namespaceOverride = null, bool interactive = false)
    {
        if (IsEmpty)
        {
            if (string.IsNullOrEmpty(contextName) && InCluster is not null)
            {
                return InCluster.Resolve(namespaceOverride);
            }
            throw new KubeConfigException(NoConfigurationMessage());
        }

        var name = string.IsNullOrEmpty(contextName) ? CurrentContext : contextName;
        if (string.IsNullOrEmpty(name))
        {
            throw new KubeConfigException(
                $"no current-context is set in {DescribeFiles()}; pass a context name or set one with `kubectl config use-context NAME`; available contexts: {Available(Contexts)}");
        }
        if (!Contexts.TryGetValue(name, out var context))
        {
            throw new KubeConfigException($"context \"{name}\" not found in {DescribeFiles()}; available contexts: {Available(Contexts)}");
        }

        var cluster = FindCluster(context);
        var endpoint = CreateEndpoint(cluster);
        var credentials = CreateCredentials(context, cluster, endpoint, interactive);
        var @namespace = !string.IsNullOrEmpty(namespaceOverride) ? namespaceOverride
            : !string.IsNullOrEmpty(context.Value.Namespace) ? context.Value.Namespace
            : DefaultNamespace;
        return new KubeContext(name, cluster.Name, context.Value.User ?? "", @namespace, endpoint, credentials);
    }

    private KubeConfigEntry<KubeConfigCluster> FindCluster(KubeConfigEntry<KubeConfigContext> context)
    {
        var clusterName = context.Value.Cluster;
        if (string.IsNullOrEmpty(clusterName))
        {
            throw new KubeConfigException(
                $"context \"{context.Name}\" in {context.File} names no cluster; set one with `kubectl config set-context {context.Name} --cluster=NAME`; available clusters: {Available(Clusters)}");
        }
        if (!Clusters.TryGetValue(clusterName, out var cluster))
        {
            throw new KubeConfigException(
                $"cluster \"{clusterName}\" of context \"{context.Name}\" is not defined in {DescribeFiles()}; available clusters: {Available(Clusters)}");
        }
        if (string.IsNullOrEmpty(cluster.Value.Server))
        {
            throw new KubeConfigException(
                $"cluster \"{cluster.Name}\" in {cluster.File} has no server; set one with `kubectl config set-cluster {cluster.Name} --server=https://HOST:PORT`");
        }
        return cluster;
    }

    private static ClusterEndpoint CreateEndpoint(KubeConfigEntry<KubeConfigCluster> entry)
    {
        var cluster = entry.Value;
        if (!Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubeConfigException($"cluster \"{entry.Name}\" in {entry.File} has server \"{cluster.Server}\", which is not an http(s) URL");
        }
        Uri? proxy = null;
        if (!string.IsNullOrEmpty(cluster.ProxyUrl) && !Uri.TryCreate(cluster.ProxyUrl, UriKind.Absolute, out proxy))
        {
            throw new KubeConfigException($"cluster \"{entry.Name}\" in {entry.File} has proxy-url \"{cluster.ProxyUrl}\", which is not a URL");
        }
        CheckTlsOptions(entry);
        return new ClusterEndpoint(
            server,
            ReadCertificateAuthority(entry),
            cluster.InsecureSkipTlsVerify,
            string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            proxy);
    }

    /// <summary>TLS options that contradict each other are refused as kubectl refuses them, in its words, before anything is trusted.</summary>
    private static void CheckTlsOptions(KubeConfigEntry<KubeConfigCluster> entry)
    {
        var cluster = entry.Value;
        var caFile = !string.IsNullOrEmpty(cluster.CertificateAuthority);
        var caData = !string.IsNullOrEmpty(cluster.CertificateAuthorityData);
        if (caFile && caData)
        {
            throw new KubeConfigException($"certificate-authority-data and certificate-authority are both specified for {entry.Name}. certificate-authority-data will override. " +
                                          $"Keep one of them in cluster \"{entry.Name}\" of {entry.File}.");
        }
        if (cluster.InsecureSkipTlsVerify && (caFile || caData))
        {
            throw new KubeConfigException("specifying a root certificates file with the insecure flag is not allowed: " +
                                          $"cluster \"{entry.Name}\" in {entry.File} has insecure-skip-tls-verify and a certificate authority; remove one of them.");
        }
    }

    private static byte[]? ReadCertificateAuthority(KubeConfigEntry<KubeConfigCluster> entry)
    {
        var cluster = entry.Value;
        if (!string.IsNullOrEmpty(cluster.CertificateAuthorityData))
        {
            try
            {
                return Convert.FromBase64String(cluster.CertificateAuthorityData);
            }
            catch (FormatException e)
            {
                throw new KubeConfigException($"certificate-authority-data of cluster \"{entry.Name}\" in {entry.File} is not base64", e);
            }
        }
        if (string.IsNullOrEmpty(cluster.CertificateAuthority))
        {
            return null;
        }
        try
        {
            return File.ReadAllBytes(cluster.CertificateAuthority);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read certificate-authority {cluster.CertificateAuthority} of cluster \"{entry.Name}\" (in {entry.File}): {e.Message}", e);
        }
    }

    private IKubeCredentials CreateCredentials(KubeConfigEntry<KubeConfigContext> context, KubeConfigEntry<KubeConfigCluster> cluster, ClusterEndpoint endpoint, bool interactive)
    {
        var userName = context.Value.User;
        // client-go reads no user credentials for a plain-HTTP server: they would travel in clear text.
        var secure = endpoint.Server.Scheme == Uri.UriSchemeHttps;
        if (string.IsNullOrEmpty(userName))
        {
            return AnonymousCredentials.Instance;
        }
        if (!Users.TryGetValue(userName, out var user))
        {
            return secure
                ? throw new KubeConfigException($"user \"{userName}\" of context \"{context.Name}\" is not defined in {DescribeFiles()}; available users: {Available(Users)}")
                : AnonymousCredentials.Instance;
        }
        // Impersonation is no credential: client-go sends it to plain-HTTP servers too.
        var impersonation = Impersonation.FromUser(user);
        var credentials = secure ? KubeCredentialsFactory.Create(user, cluster.Value, endpoint, interactive) : AnonymousCredentials.Instance;
        return impersonation is null ? credentials : new ImpersonatingCredentials(credentials, impersonation);
    }

    private string DescribeFiles() => Files.Count switch
    {
        0 => string.Join(", ", Precedence),
        1 => Files[0],
        _ => string.Join(", ", Files),
    };

    private static string Available<T>(IReadOnlyDictionary<string, KubeConfigEntry<T>> entries) =>
        entries.Count == 0 ? "(none)" : string.Join(", ", entries.Keys.Order(StringComparer.Ordinal));

    private string NoConfigurationMessage()
    {
        var looked = Precedence.Count == 0 ? "" : $" (looked for {string.Join(", ", Precedence)})";
        return $"no kubeconfig found{looked}. Set {KubeConfigLoader.KubeconfigVariableName} to a kubeconfig file, create ~/.kube/config "
            + "(for example with your cloud's `get-credentials` command or `kind create cluster`), pass the path explicitly, "
            + $"or run inside a cluster, where {InClusterConfig.HostVariable} and {InClusterConfig.PortVariable} and the service account token are used.";
    }
}

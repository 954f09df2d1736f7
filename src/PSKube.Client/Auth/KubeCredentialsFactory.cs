using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PSKube.Client.Config;
using PSKube.Client.Transport;

namespace PSKube.Client.Auth;

/// <summary>
/// Makes the credentials of a kubeconfig user, with client-go's validation: token (tokenFile wins when readable)
/// or username/password but not both, a client certificate needs its key, an exec plugin excludes an
/// auth-provider. A certificate combines with a token or an exec plugin. Removed auth-providers fail with the
/// plugin to use instead.
/// </summary>
public static class KubeCredentialsFactory
{
    /// <summary>The cluster extension whose content is passed to exec plugins as <c>spec.cluster.config</c>.</summary>
    public const string ExecClusterExtension = "client.authentication.k8s.io/exec";

    public static IKubeCredentials Create(KubeConfigEntry<KubeConfigUser> entry, KubeConfigCluster cluster, ClusterEndpoint endpoint, bool interactive = false)
    {
        var user = entry.Value;
        var owner = $"user \"{entry.Name}\" (in {entry.File})";
        if (user.AuthProvider is { } provider)
        {
            throw new KubeConfigException(user.Exec is null
                ? UnsupportedProviderMessage(provider.Name, owner)
                : $"{owner} has both an auth-provider and an exec plugin; remove the auth-provider");
        }
        var hasToken = !string.IsNullOrEmpty(user.Token) || !string.IsNullOrEmpty(user.TokenFile);
        var hasBasic = !string.IsNullOrEmpty(user.Username) || !string.IsNullOrEmpty(user.Password);
        if (hasToken && hasBasic)
        {
            throw new KubeConfigException($"{owner} has more than one authentication method (a token and a username/password); keep only one");
        }

        var parts = new List<IKubeCredentials>();
        if (LoadClientCertificate(user, owner) is { } certificate)
        {
            parts.Add(certificate);
        }
        if (!string.IsNullOrEmpty(user.TokenFile))
        {
            parts.Add(new TokenFileCredentials(user.TokenFile, owner, user.Token));
        }
        else if (!string.IsNullOrEmpty(user.Token))
        {
            parts.Add(new BearerTokenCredentials(user.Token));
        }
        if (hasBasic)
        {
            parts.Add(new BasicCredentials(user.Username ?? "", user.Password ?? ""));
        }
        if (user.Exec is { } exec)
        {
            parts.Add(new ExecCredentials(exec, owner, ExecClusterInfo(cluster, endpoint), interactive));
        }
        return parts.Count switch
        {
            0 => AnonymousCredentials.Instance,
            1 => parts[0],
            _ => new CombinedCredentials(parts),
        };
    }

    /// <summary>The <c>spec.cluster</c> an exec plugin with provideClusterInfo receives (client.authentication.k8s.io Cluster).</summary>
    public static JsonObject ExecClusterInfo(KubeConfigCluster cluster, ClusterEndpoint endpoint)
    {
        var info = new JsonObject { ["server"] = endpoint.Server.OriginalString };
        if (endpoint.TlsServerName is { } serverName)
        {
            info["tls-server-name"] = serverName;
        }
        if (endpoint.InsecureSkipTlsVerify)
        {
            info["insecure-skip-tls-verify"] = true;
        }
        if (endpoint.CertificateAuthorityPem is { } authority)
        {
            info["certificate-authority-data"] = Convert.ToBase64String(authority);
        }
        if (endpoint.Proxy is { } proxy)
        {
            info["proxy-url"] = proxy.OriginalString;
        }
        if (cluster.DisableCompression)
        {
            info["disable-compression"] = true;
        }
        if (cluster.Extensions.FirstOrDefault(e => e.Name == ExecClusterExtension)?.Extension is { } config)
        {
            info["config"] = config.DeepClone();
        }
        return info;
    }

    private static ClientCertificateCredentials? LoadClientCertificate(KubeConfigUser user, string owner)
    {
        var hasCertificate = !string.IsNullOrEmpty(user.ClientCertificateData) || !string.IsNullOrEmpty(user.ClientCertificate);
        var hasKey = !string.IsNullOrEmpty(user.ClientKeyData) || !string.IsNullOrEmpty(user.ClientKey);
        if (!hasCertificate)
        {
            return hasKey ? throw new KubeConfigException($"{owner} has a client key but no client-certificate or client-certificate-data") : null;
        }
        if (!hasKey)
        {
            throw new KubeConfigException($"{owner} has a client certificate but no client-key or client-key-data; add the private key that belongs to it");
        }
        var certificatePem = ReadPem(user.ClientCertificateData, "client-certificate-data", user.ClientCertificate, "client-certificate", owner);
        var keyPem = ReadPem(user.ClientKeyData, "client-key-data", user.ClientKey, "client-key", owner);
        try
        {
            return ClientCertificateCredentials.FromPem(certificatePem, keyPem);
        }
        catch (CryptographicException e)
        {
            // The framework's message names what is wrong (no certificate, no key, mismatch) without the key material.
            throw new KubeConfigException($"the client certificate and key of {owner} cannot be used: {e.Message}", e);
        }
    }

    // The -data form (base64 of the PEM text) wins over the file, as in client-go.
    private static string ReadPem(string? data, string dataKey, string? file, string fileKey, string owner)
    {
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException e)
            {
                throw new KubeConfigException($"{dataKey} of {owner} is not base64", e);
            }
        }
        try
        {
            return File.ReadAllText(file!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read {fileKey} {file} of {owner}: {e.Message}", e);
        }
    }

    private static string UnsupportedProviderMessage(string? provider, string owner) => provider switch
    {
        "azure" => $"{owner} uses the azure auth-provider, which Kubernetes clients removed in 1.26; convert the kubeconfig to the kubelogin exec plugin with `kubelogin convert-kubeconfig -l azurecli` (https://github.com/Azure/kubelogin)",
        "gcp" => $"{owner} uses the gcp auth-provider, which Kubernetes clients removed in 1.26; install gke-gcloud-auth-plugin (`gcloud components install gke-gcloud-auth-plugin`) and run `gcloud container clusters get-credentials CLUSTER` to get an exec-plugin entry",
        "oidc" => $"{owner} uses the oidc auth-provider, which PSKube does not support; use an exec plugin such as kubelogin (https://github.com/int128/kubelogin, `kubectl oidc-login setup`) instead",
        _ => $"{owner} uses the auth-provider \"{provider}\", which PSKube does not support; use an exec credential plugin instead",
    };
}

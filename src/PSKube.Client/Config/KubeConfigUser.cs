namespace PSKube.Client.Config;

/// <summary>
/// How a kubeconfig user authenticates. File paths are absolute once loaded. ToString never shows the token,
/// password or key data.
/// </summary>
public sealed record KubeConfigUser
{
    public string? ClientCertificate { get; init; }

    /// <summary>Base64 of the certificate PEM; wins over <see cref="ClientCertificate"/>.</summary>
    public string? ClientCertificateData { get; init; }

    public string? ClientKey { get; init; }

    /// <summary>Base64 of the private key PEM; wins over <see cref="ClientKey"/>.</summary>
    public string? ClientKeyData { get; init; }

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public KubeConfigExec? Exec { get; init; }

    public KubeConfigAuthProvider? AuthProvider { get; init; }

    /// <summary>The user to act as (kubectl --as): sent as Impersonate-User on every request.</summary>
    public string? Impersonate { get; init; }

    /// <summary>The uid to act as (kubectl --as-uid); needs <see cref="Impersonate"/>.</summary>
    public string? ImpersonateUid { get; init; }

    /// <summary>The groups to act as (kubectl --as-group); need <see cref="Impersonate"/>.</summary>
    public IList<string> ImpersonateGroups { get; init; } = [];

    /// <summary>Extra user information to act with (a map of lists); needs <see cref="Impersonate"/>.</summary>
    public IDictionary<string, IList<string>> ImpersonateUserExtra { get; init; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

    public IList<KubeConfigExtension> Extensions { get; init; } = [];

    public override string ToString()
    {
        var parts = new List<string>();
        if (ClientCertificate is not null || ClientCertificateData is not null)
        {
            parts.Add("client certificate");
        }
        if (Token is not null)
        {
            parts.Add("token");
        }
        if (TokenFile is not null)
        {
            parts.Add($"tokenFile {TokenFile}");
        }
        if (Username is not null)
        {
            parts.Add($"basic user {Username}");
        }
        if (Exec is not null)
        {
            parts.Add($"exec {Exec.Command}");
        }
        if (AuthProvider is not null)
        {
            parts.Add($"auth-provider {AuthProvider.Name}");
        }
        var identity = parts.Count == 0 ? "anonymous" : string.Join(", ", parts);
        // Who it acts as is no secret (kubectl prints it with -v), and it explains a 403 better than the credentials.
        var actingAs = string.IsNullOrEmpty(Impersonate) ? "" : $", impersonating {Impersonate}";
        return $"KubeConfigUser {{ {identity}{actingAs} }}";
    }
}

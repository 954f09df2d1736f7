namespace PSKube.Client.Config;

/// <summary>
/// Finds and merges kubeconfig files with client-go's loading rules: an explicit path (like --kubeconfig) is the
/// only file and must exist; else the KUBECONFIG list (empty and missing entries skipped, duplicates dropped); else
/// ~/.kube/config. The first file that defines a cluster, user or context name wins, and the first file that sets
/// current-context wins. The environment is injected through the properties so tests need not touch the process.
/// </summary>
public sealed class KubeConfigLoader
{
    public const string KubeconfigVariableName = "KUBECONFIG";

    /// <summary>The value of KUBECONFIG (a list separated by <see cref="Path.PathSeparator"/>), or null.</summary>
    public string? KubeconfigVariable { get; init; }

    /// <summary>The folder holding .kube/config.</summary>
    public string HomeDirectory { get; init; } = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>The service account to use when no kubeconfig exists, or null outside a pod.</summary>
    public InClusterConfig? InCluster { get; init; }

    /// <summary>A loader reading the process environment: KUBECONFIG, the home folder and the in-cluster service account.</summary>
    public static KubeConfigLoader FromEnvironment() => new()
    {
        KubeconfigVariable = Environment.GetEnvironmentVariable(KubeconfigVariableName),
        InCluster = InClusterConfig.Detect(),
    };

    /// <summary>The candidate files in precedence order, before checking which exist.</summary>
    public IReadOnlyList<string> Precedence(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return [Path.GetFullPath(explicitPath)];
        }
        if (!string.IsNullOrEmpty(KubeconfigVariable))
        {
            return [.. KubeconfigVariable
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath)
                .Distinct(PathComparer)];
        }
        return [DefaultPath];
    }

    /// <summary>~/.kube/config.</summary>
    public string DefaultPath => Path.Combine(HomeDirectory, ".kube", "config");

    public KubeConfig Load(string? explicitPath = null)
    {
        var precedence = Precedence(explicitPath);
        var isExplicit = !string.IsNullOrEmpty(explicitPath);
        var files = new List<string>(precedence.Count);
        var versions = new List<long>(precedence.Count);
        var clusters = new Dictionary<string, KubeConfigEntry<KubeConfigCluster>>(StringComparer.Ordinal);
        var users = new Dictionary<string, KubeConfigEntry<KubeConfigUser>>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeConfigEntry<KubeConfigContext>>(StringComparer.Ordinal);
        string? currentContext = null;
        KubeConfigPreferences? preferences = null;
        foreach (var file in precedence)
        {
            // Parsed once per change of the file (see KubeConfigFileCache); a missing file is skipped.
            if (KubeConfigFileCache.Read(file) is not { } parsed)
            {
                continue;
            }
            files.Add(file);
            versions.Add(parsed.Version);
            var document = parsed.Document;
            foreach (var cluster in document.Clusters)
            {
                clusters.TryAdd(cluster.Name!, new(cluster.Name!, cluster.Cluster ?? new KubeConfigCluster(), file));
            }
            foreach (var user in document.Users)
            {
                users.TryAdd(user.Name!, new(user.Name!, user.User ?? new KubeConfigUser(), file));
            }
            foreach (var context in document.Contexts)
            {
                contexts.TryAdd(context.Name!, new(context.Name!, context.Context ?? new KubeConfigContext(), file));
            }
            if (string.IsNullOrEmpty(currentContext) && !string.IsNullOrEmpty(document.CurrentContext))
            {
                currentContext = document.CurrentContext;
            }
            preferences ??= document.Preferences;
        }
        if (isExplicit && files.Count == 0)
        {
            throw new KubeConfigException($"the kubeconfig file {precedence[0]} given explicitly does not exist; check the path or leave it out to use KUBECONFIG or ~/.kube/config");
        }

        // Like kubectl, writes of current-context (and of new entries) go to the explicit file, else the first
        // existing file, else the first candidate, which is created.
        var defaultFile = isExplicit ? precedence[0] : files.FirstOrDefault() ?? precedence[0];
        var version = string.Join(' ', versions);
        return new KubeConfig(precedence, files, version, defaultFile, clusters, users, contexts, currentContext, preferences, InCluster);
    }

    private static StringComparer PathComparer => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}

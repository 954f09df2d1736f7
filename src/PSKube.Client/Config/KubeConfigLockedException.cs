namespace PSKube.Client.Config;

/// <summary>
/// A kubeconfig file could not be changed because its lock file (<c>&lt;kubeconfig&gt;.lock</c>, which kubectl and
/// PSKube create while they write the file) stayed in place for the whole wait. The message names the lock file and
/// says how to remove one left behind by a process that crashed.
/// </summary>
public sealed class KubeConfigLockedException : Exception
{
    public KubeConfigLockedException()
    {
    }

    public KubeConfigLockedException(string message)
        : base(message)
    {
    }

    public KubeConfigLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal KubeConfigLockedException(string kubeconfigPath, string lockPath, TimeSpan waited, TimeSpan? lockAge)
        : base(Describe(kubeconfigPath, lockPath, waited, lockAge))
    {
        KubeconfigPath = kubeconfigPath;
        LockPath = lockPath;
    }

    /// <summary>The kubeconfig file that was to be changed.</summary>
    public string? KubeconfigPath { get; }

    /// <summary>The lock file that was in the way.</summary>
    public string? LockPath { get; }

    private static string Describe(string kubeconfigPath, string lockPath, TimeSpan waited, TimeSpan? lockAge)
    {
        var age = lockAge is { } value ? $", created {FormatAge(value)} ago" : "";
        return $"the kubeconfig file {kubeconfigPath} is locked by another program: waited {waited.TotalSeconds:0.#} s for the lock file {lockPath}{age} to go away. "
            + "kubectl and PSKube create that file while they change the kubeconfig and remove it when done; "
            + $"if no kubectl or PSKube command is changing the file (a process that crashed leaves its lock behind), remove {lockPath} and try again.";
    }

    private static string FormatAge(TimeSpan age) =>
        age.TotalDays >= 1 ? $"{(int)age.TotalDays} d"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h"
        : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes} min"
        : $"{Math.Max(0, (int)age.TotalSeconds)} s";
}

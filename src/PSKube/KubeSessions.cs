using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PSKube.Client;

namespace PSKube;

/// <summary>
/// One <see cref="KubeSessionCache"/> per runspace, so a script's commands share warm connections while separate
/// runspaces (jobs, ForEach-Object -Parallel) keep their own.
/// </summary>
internal static class KubeSessions
{
    private static readonly ConditionalWeakTable<Runspace, KubeSessionCache> ByRunspace = new();
    private static readonly KubeSessionCache WithoutRunspace = new();

    public static KubeSessionCache ForCurrentRunspace() =>
        Runspace.DefaultRunspace is { } runspace ? ByRunspace.GetValue(runspace, _ => new KubeSessionCache()) : WithoutRunspace;
}

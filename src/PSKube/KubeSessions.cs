using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using PSKube.Client;
using PSKube.Client.Transport;

namespace PSKube;

/// <summary>
/// One <see cref="KubeSessionCache"/> per runspace, so a script's commands share warm connections while separate
/// runspaces (jobs, ForEach-Object -Parallel) keep their own.
/// </summary>
internal static class KubeSessions
{
    // Each command sees the requests it made itself in its -Verbose output (see KubeCmdlet).
    // The request timeout is read from the environment at each request, so setting it applies to the next command.
    private static readonly KubeClientOptions Options = new() { Trace = KubeTraceRouting.Write, RequestTimeoutOverride = KubeRequestTimeout.FromEnvironment };
    private static readonly ConditionalWeakTable<Runspace, KubeSessionCache> ByRunspace = new();
    private static readonly KubeSessionCache WithoutRunspace = new(Options);

    public static KubeSessionCache ForCurrentRunspace() =>
        Runspace.DefaultRunspace is { } runspace ? ByRunspace.GetValue(runspace, _ => new KubeSessionCache(Options)) : WithoutRunspace;
}

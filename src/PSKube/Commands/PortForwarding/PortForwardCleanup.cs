using System.Management.Automation;
using PSKube.Client.PortForwarding;

namespace PSKube.Commands.PortForwarding;

/// <summary>Stops the session's port-forwards when the module is removed, so no listener outlives the cmdlets that manage it.</summary>
public sealed class PortForwardCleanup : IModuleAssemblyCleanup
{
    public void OnRemove(PSModuleInfo psModuleInfo) => PortForwardRegistry.StopAllAsync().GetAwaiter().GetResult();
}

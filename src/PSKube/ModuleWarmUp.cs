using System.Management.Automation;
using PSKube.Client;

namespace PSKube;

/// <summary>
/// Runs when PowerShell imports PSKube.dll: starts <see cref="KubeWarmUp"/>, so the session's first command finds
/// its kubeconfig parsed, the system certificate store read and its decoding code compiled.
/// </summary>
public sealed class ModuleWarmUp : IModuleAssemblyInitializer
{
    public void OnImport() => KubeWarmUp.Start();
}

using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace PSKube;

/// <summary>
/// Runs when PowerShell imports the nested module PSKube.Loader.dll, before it reads PSKube.dll (whose cmdlet types
/// derive from and take PSKube.Client types): makes the default load context ask <see cref="DependencyLoadContext"/>
/// for PSKube.Client and YamlDotNet, and undoes it when the module is removed.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly DependencyLoadContext Dependencies =
        new(DependencyLoadContext.FolderBeside(typeof(ModuleInitializer).Assembly.Location));

    public void OnImport() => AssemblyLoadContext.Default.Resolving += Resolve;

    public void OnRemove(PSModuleInfo psModuleInfo) => AssemblyLoadContext.Default.Resolving -= Resolve;

    // Only what the module ships is answered; everything else is left to PowerShell and the runtime.
    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        Dependencies.Ships(name) ? Dependencies.LoadFromAssemblyName(name) : null;
}

using System.Reflection;
using System.Runtime.Loader;

namespace PSKube;

/// <summary>
/// Loads PSKube.Client and its dependencies (YamlDotNet) from the module's `dependencies` folder into a private load
/// context, so another module that ships a different YamlDotNet cannot break PSKube, nor PSKube break it.
/// PSKube.dll itself stays in the default context, where PowerShell loaded it; its references to PSKube.Client are
/// answered from here (see <see cref="ModuleInitializer"/>).
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public DependencyLoadContext(string folder)
        : base("PSKube", isCollectible: false) => _folder = folder;

    /// <summary>The dependency folder beside the module's own assembly.</summary>
    public static string FolderBeside(string moduleAssemblyPath) =>
        Path.Combine(Path.GetDirectoryName(moduleAssemblyPath)!, "dependencies");

    /// <summary>True for assemblies shipped in the dependency folder (and so served only from this context).</summary>
    public bool Ships(AssemblyName name) => File.Exists(PathOf(name));

    protected override Assembly? Load(AssemblyName assemblyName) =>
        Ships(assemblyName) ? LoadFromAssemblyPath(PathOf(assemblyName)) : null;

    private string PathOf(AssemblyName name) => Path.Combine(_folder, name.Name + ".dll");
}

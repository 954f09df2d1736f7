using System.Reflection;
using System.Runtime.Loader;

namespace PSKube.Module.Tests;

/// <summary>
/// The module's private load context (the cure for clashing YamlDotNet versions): what the module ships comes from
/// its dependencies folder into its own context; everything else is left to the default context.
/// </summary>
public sealed class DependencyIsolationTests
{
    [Fact]
    public void Isolation_ShippedAssembliesLoadPrivately_OthersAreNotTouched()
    {
        // Load the built module into a throwaway context, as a stand-in for PowerShell loading it.
        var host = new AssemblyLoadContext("test-host", isCollectible: true);
        try
        {
            var module = host.LoadFromAssemblyPath(Path.Combine(RepositoryPaths.ModuleFolder, "PSKube.Loader.dll"));
            var contextType = module.GetType("PSKube.DependencyLoadContext", throwOnError: true)!;
            var folder = (string)contextType.GetMethod("FolderBeside")!.Invoke(null, [module.Location])!;
            Assert.Equal(Path.Combine(RepositoryPaths.ModuleFolder, "dependencies"), folder);

            var dependencies = (AssemblyLoadContext)Activator.CreateInstance(contextType, BindingFlags.Public | BindingFlags.Instance, null, [folder], null)!;
            var yaml = dependencies.LoadFromAssemblyName(new AssemblyName("YamlDotNet"));
            Assert.Same(dependencies, AssemblyLoadContext.GetLoadContext(yaml));
            Assert.StartsWith(folder, yaml.Location, StringComparison.Ordinal);

            var client = dependencies.LoadFromAssemblyName(new AssemblyName("PSKube.Client"));
            Assert.Same(dependencies, AssemblyLoadContext.GetLoadContext(client));

            var ships = contextType.GetMethod("Ships")!;
            Assert.True((bool)ships.Invoke(dependencies, [new AssemblyName("YamlDotNet")])!);
            Assert.False((bool)ships.Invoke(dependencies, [new AssemblyName("System.Text.Json")])!);
        }
        finally
        {
            host.Unload();
        }
    }
}

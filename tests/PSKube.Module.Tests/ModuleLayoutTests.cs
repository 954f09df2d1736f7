using System.Reflection;
using System.Xml.Linq;

namespace PSKube.Module.Tests;

/// <summary>The module folder the build lays out: its files, its manifest and its format file.</summary>
public sealed class ModuleLayoutTests
{
    [Theory]
    [InlineData("PSKube.psd1")]
    [InlineData("PSKube.dll")]
    [InlineData("PSKube.Client.dll")]
    [InlineData("YamlDotNet.dll")]
    [InlineData("PSKube.format.ps1xml")]
    public void ModuleFolder_HoldsTheFile(string file) =>
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleFolder, file)), $"{file} is missing from out/PSKube");

    [Fact]
    public void Manifest_DescribesTheBinaryModule()
    {
        var manifest = ModuleManifest.Read(RepositoryPaths.Manifest);
        Assert.Equal("PSKube.dll", manifest.Values["RootModule"]);
        Assert.True(Guid.TryParse(manifest.Values["GUID"], out _));
        Assert.Equal("7.4", manifest.Values["PowerShellVersion"]);
        Assert.Equal(["Core"], manifest.Lists["CompatiblePSEditions"]);
        Assert.All(manifest.Lists["FormatsToProcess"], f => Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleFolder, f))));
    }

    [Fact]
    public void Manifest_VersionComesFromDirectoryBuildProps()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var version = props.Descendants("PSKubeVersion").Single().Value;
        Assert.Equal(version, ModuleManifest.Read(RepositoryPaths.Manifest).Values["ModuleVersion"]);
        Assert.True(Version.TryParse(version, out _));
    }

    [Fact]
    public void Manifest_ExportsExactlyTheCmdletsOfTheAssembly()
    {
        var manifest = ModuleManifest.Read(RepositoryPaths.Manifest);
        var exported = manifest.Lists["CmdletsToExport"];
        Assert.DoesNotContain(exported, name => name.Contains('*', StringComparison.Ordinal));
        Assert.Equal(CmdletNamesInAssembly().Order(), exported.Order());
    }

    [Fact]
    public void FormatFile_IsAFormatConfiguration()
    {
        var format = XDocument.Load(Path.Combine(RepositoryPaths.ModuleFolder, "PSKube.format.ps1xml"));
        Assert.Equal("Configuration", format.Root!.Name.LocalName);
        Assert.NotNull(format.Root.Element("ViewDefinitions"));
    }

    /// <summary>Verb-Noun of every [Cmdlet] class in PSKube.dll, read as metadata (PowerShell is not loaded).</summary>
    private static IEnumerable<string> CmdletNamesInAssembly()
    {
        var folder = RepositoryPaths.ModuleFolder;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var resolver = new PathAssemblyResolver(Directory.GetFiles(runtime, "*.dll").Concat(Directory.GetFiles(folder, "*.dll")));
        using var context = new MetadataLoadContext(resolver);
        var assembly = context.LoadFromAssemblyPath(Path.Combine(folder, "PSKube.dll"));
        foreach (var type in assembly.GetTypes())
        {
            var cmdlet = type.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute");
            if (cmdlet is not null)
            {
                yield return $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
            }
        }
    }
}

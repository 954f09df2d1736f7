using System.Reflection;
using System.Xml.Linq;

namespace PSKube.Module.Tests;

/// <summary>The module folder the build lays out: its files, its manifest and its format file.</summary>
public sealed class ModuleLayoutTests
{
    [Theory]
    [InlineData("PSKube.psd1")]
    [InlineData("PSKube.dll")]
    [InlineData("PSKube.Loader.dll")]
    [InlineData("dependencies/PSKube.Client.dll")]
    [InlineData("dependencies/YamlDotNet.dll")]
    [InlineData("dependencies/DiffPlex.dll")]
    [InlineData("PSKube.format.ps1xml")]
    [InlineData("PSKube.types.ps1xml")]
    [InlineData("en-US/PSKube.dll-Help.xml")]
    [InlineData("en-US/about_PSKube.help.txt")]
    [InlineData("en-US/about_PSKube_Automation.help.txt")]
    [InlineData("LICENSE")]
    public void ModuleFolder_HoldsTheFile(string file) =>
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleFolder, file)), $"{file} is missing from out/PSKube");

    [Fact]
    public void ModuleFolder_KeepsDependenciesOutOfPowerShellsProbingPath() =>
        Assert.Equal(["PSKube.Loader.dll", "PSKube.dll"], Directory.GetFiles(RepositoryPaths.ModuleFolder, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Fact]
    public void Manifest_ImportsTheLoaderFirst_AndTheLoaderNeedsNothingOfTheModule()
    {
        // PowerShell reads PSKube.dll's types (which derive from and take PSKube.Client types) before the root
        // module's initializer could run, so the load context must be set up by a nested module imported first.
        Assert.Equal(["PSKube.Loader.dll"], ModuleManifest.Read(RepositoryPaths.Manifest).Lists["NestedModules"]);
        using var metadata = new MetadataLoadContext(new PathAssemblyResolver(
            Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
                .Append(Path.Combine(RepositoryPaths.ModuleFolder, "PSKube.Loader.dll"))));
        var loader = metadata.LoadFromAssemblyPath(Path.Combine(RepositoryPaths.ModuleFolder, "PSKube.Loader.dll"));
        Assert.DoesNotContain(loader.GetReferencedAssemblies(), a => a.Name is "PSKube" or "PSKube.Client" or "YamlDotNet");
    }

    [Fact]
    public void Manifest_DescribesTheBinaryModule()
    {
        var manifest = ModuleManifest.Read(RepositoryPaths.Manifest);
        Assert.Equal("PSKube.dll", manifest.Values["RootModule"]);
        Assert.True(Guid.TryParse(manifest.Values["GUID"], out _));
        Assert.Equal("7.4", manifest.Values["PowerShellVersion"]);
        Assert.Equal(["Core"], manifest.Lists["CompatiblePSEditions"]);
        Assert.All(manifest.Lists["FormatsToProcess"], f => Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleFolder, f))));
        Assert.Equal(["PSKube.types.ps1xml"], manifest.Lists["TypesToProcess"]);
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
    public void Manifest_NamesTheProjectAndItsLicence_AndShipsItsOwnHelp()
    {
        var manifest = ModuleManifest.Read(RepositoryPaths.Manifest);
        Assert.StartsWith("https://", manifest.Values["ProjectUri"], StringComparison.Ordinal);
        Assert.Equal(manifest.Values["ProjectUri"] + "/blob/main/LICENSE", manifest.Values["LicenseUri"]);
        Assert.StartsWith("MIT License", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LICENSE")), StringComparison.Ordinal);
        Assert.Contains("Kubernetes", manifest.Lists["Tags"]);
        // Help is in the package (en-US); a HelpInfoUri would make Update-Help look for it elsewhere.
        Assert.False(manifest.Values.ContainsKey("HelpInfoUri"));
    }

    [Fact]
    public void Manifest_ReleaseNotesAreTheChangelogSectionOfItsVersion()
    {
        var manifest = ModuleManifest.Read(RepositoryPaths.Manifest);
        var changelog = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "CHANGELOG.md")).ReplaceLineEndings("\n");
        var heading = $"## [{manifest.Values["ModuleVersion"]}] - ";
        var start = changelog.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"CHANGELOG.md has no section '{heading}'");
        var body = changelog[(changelog.IndexOf('\n', start) + 1)..];
        // The section ends at the next version's heading or at the link definitions closing the file.
        var end = new[] { body.IndexOf("\n## [", StringComparison.Ordinal), body.IndexOf("\n[", StringComparison.Ordinal), body.Length }.Where(i => i >= 0).Min();
        Assert.Equal(body[..end].Trim(), manifest.Values["ReleaseNotes"].ReplaceLineEndings("\n"));
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

    private static IEnumerable<string> CmdletNamesInAssembly()
    {
        using var surface = new CmdletSurface();
        return surface.Cmdlets.Select(c => c.Name).ToList();
    }
}

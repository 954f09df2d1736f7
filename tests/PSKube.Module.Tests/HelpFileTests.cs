using System.Xml.Linq;

namespace PSKube.Module.Tests;

/// <summary>
/// The MAML help the build generates from docs/help (out/PSKube/en-US/PSKube.dll-Help.xml), checked against the
/// cmdlets' metadata: Get-Help shows exactly what this file holds.
/// </summary>
public sealed class HelpFileTests : IDisposable
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    // Valid XML or XDocument.Load throws: every test below reads the file through it.
    private static readonly Lazy<XDocument> Help = new(() => XDocument.Load(Path.Combine(RepositoryPaths.ModuleFolder, "en-US", "PSKube.dll-Help.xml")));

    private readonly CmdletSurface _surface = new();

    public static TheoryData<string> CmdletNames() => CmdletSurfaceTests.CmdletNames();

    [Fact]
    public void Help_IsMamlWithOneCommandPerCmdlet()
    {
        var root = Help.Value.Root!;
        Assert.Equal(XName.Get("helpItems", "http://msh"), root.Name);
        Assert.Equal("maml", (string?)root.Attribute("schema"));
        var documented = root.Elements(Command + "command").Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
        Assert.Equal(_surface.Cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_CommandHasSynopsisDescriptionSyntaxAndTwoExamples(string name)
    {
        var command = CommandElement(name);
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Command + "details")!.Element(Maml + "description")?.Value), $"{name} has no synopsis");
        Assert.False(string.IsNullOrWhiteSpace(command.Element(Maml + "description")?.Value), $"{name} has no description");
        Assert.NotEmpty(command.Element(Command + "syntax")!.Elements(Command + "syntaxItem"));
        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.True(examples.Count >= 2, $"{name} has {examples.Count} examples");
        Assert.All(examples, e => Assert.Contains(name, e.Element(Dev + "code")!.Value, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_DocumentsEveryParameterAsTheCmdletDeclaresIt(string name)
    {
        var cmdlet = _surface.Cmdlets.Single(c => c.Name == name);
        var documented = CommandElement(name).Element(Command + "parameters")!.Elements(Command + "parameter")
            .ToDictionary(p => p.Element(Maml + "name")!.Value);
        foreach (var declared in cmdlet.Parameters.GroupBy(p => p.Name))
        {
            Assert.True(documented.TryGetValue(declared.Key, out var help), $"{name} -{declared.Key} is not in the help");
            Assert.False(string.IsNullOrWhiteSpace(help.Element(Maml + "description")?.Value), $"{name} -{declared.Key} has no description");
            Assert.Equal(ShownTypeName(declared.First().Property.PropertyType), help.Element(Dev + "type")!.Element(Maml + "name")!.Value);
            var positions = declared.Select(p => p.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named");
            Assert.Contains((string)help.Attribute("position")!, positions);
            Assert.Equal(PipelineInput(declared), (string)help.Attribute("pipelineInput")!);
            var aliases = declared.First().Aliases;
            Assert.True(string.Join(", ", aliases.DefaultIfEmpty("none")) == (string)help.Attribute("aliases")!,
                $"{name} -{declared.Key}: the help page should say \"Aliases: {string.Join(", ", aliases)}\"");
        }
        // Besides the declared parameters, only the ones PowerShell adds for ShouldProcess.
        string[] added = cmdlet.SupportsShouldProcess ? ["WhatIf", "Confirm"] : [];
        Assert.Empty(documented.Keys.Except(cmdlet.Parameters.Select(p => p.Name)).Except(added));
    }

    private static XElement CommandElement(string name) =>
        Help.Value.Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == name);

    // Help names an int? parameter Int32, as PowerShell binds it. (A metadata type: Nullable.GetUnderlyingType cannot read it.)
    private static string ShownTypeName(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0].Name : type.Name;

    // How Get-Help words it: "True (ByPropertyName, ByValue)", "True (ByValue)", "False".
    private static string PipelineInput(IEnumerable<ParameterInfo> declared)
    {
        var kinds = new List<string>();
        if (declared.Any(p => p.FromPipelineByPropertyName))
        {
            kinds.Add("ByPropertyName");
        }
        if (declared.Any(p => p.FromPipeline))
        {
            kinds.Add("ByValue");
        }
        return kinds.Count == 0 ? "False" : $"True ({string.Join(", ", kinds)})";
    }

    public void Dispose() => _surface.Dispose();
}

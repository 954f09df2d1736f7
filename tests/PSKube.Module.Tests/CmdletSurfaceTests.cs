using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PSKube.Module.Tests;

/// <summary>
/// The cmdlet surface read from PSKube.dll's metadata: verbs, ShouldProcess, output types and their views,
/// parameter sets, pipeline binding, and help pages. These hold for every cmdlet, present and future.
/// </summary>
public sealed partial class CmdletSurfaceTests : IDisposable
{
    // Verbs whose cmdlets only read or stream: everything else changes the cluster or the kubeconfig.
    private static readonly HashSet<string> ReadOnlyVerbs = ["Get", "Receive", "Wait", "Watch", "ConvertTo", "ConvertFrom", "Enter", "Invoke", "Compare"];

    private readonly CmdletSurface _surface = new();

    public static TheoryData<string> CmdletNames()
    {
        using var surface = new CmdletSurface();
        var data = new TheoryData<string>();
        foreach (var cmdlet in surface.Cmdlets)
        {
            data.Add(cmdlet.Name);
        }
        return data;
    }

    private CmdletInfo Cmdlet(string name) => _surface.Cmdlets.Single(c => c.Name == name);

    [Fact]
    public void Surface_TheModuleHasCmdlets() => Assert.NotEmpty(_surface.Cmdlets);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_UsesAnApprovedVerbAndTheKubeNounPrefix(string name)
    {
        var cmdlet = Cmdlet(name);
        Assert.Contains(cmdlet.Verb, _surface.ApprovedVerbs);
        Assert.StartsWith("Kube", cmdlet.Noun, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_CmdletsThatChangeSomethingSupportShouldProcess(string name)
    {
        var cmdlet = Cmdlet(name);
        if (!ReadOnlyVerbs.Contains(cmdlet.Verb))
        {
            Assert.True(cmdlet.SupportsShouldProcess, $"{name} changes something but has no -WhatIf/-Confirm");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_EveryCmdletDeclaresItsOutputType_AndEachHasAView(string name)
    {
        var outputs = Cmdlet(name).OutputTypeNames;
        Assert.NotEmpty(outputs);
        var format = XDocument.Load(Path.Combine(RepositoryPaths.ModuleFolder, "PSKube.format.ps1xml"));
        var viewed = format.Descendants("TypeName").Select(t => t.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        // Text and other framework types need no view of ours.
        Assert.All(outputs.Where(type => !type.StartsWith("System.", StringComparison.Ordinal)), type => Assert.Contains(type, viewed));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_PositionsAreUniqueAndPipelineInputUnambiguousPerParameterSet(string name)
    {
        var parameters = Cmdlet(name).Parameters;
        var sets = parameters.Select(p => p.ParameterSet).Distinct().Where(s => s != "__AllParameterSets").DefaultIfEmpty("__AllParameterSets");
        foreach (var set in sets)
        {
            var inSet = parameters.Where(p => p.ParameterSet == set || p.ParameterSet == "__AllParameterSets").ToList();
            var positions = inSet.Where(p => p.Position is not null).Select(p => p.Position).ToList();
            Assert.Equal(positions.Count, positions.Distinct().Count());
            var byValueTypes = inSet.Where(p => p.FromPipeline).Select(p => p.Property.PropertyType.FullName).ToList();
            Assert.Equal(byValueTypes.Count, byValueTypes.Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_PipedObjectsBindNameAndNamespaceByPropertyName(string name)
    {
        var parameters = Cmdlet(name).Parameters;
        if (!parameters.Any(p => p.FromPipeline || p.FromPipelineByPropertyName))
        {
            return;
        }
        // Objects piped in carry Namespace: it must bind, or a pod from another namespace would be looked up in the default one.
        if (DerivesFrom(Cmdlet(name).Type, "PSKube.KubeNamespacedCmdlet"))
        {
            Assert.Contains(parameters, p => p.Name == "Namespace" && p.FromPipelineByPropertyName);
        }
        var takesObjects = parameters.Any(p => p.FromPipeline && IsKubeObject(p.Property.PropertyType));
        if (parameters.Any(p => p.Name == "Name") && !takesObjects)
        {
            Assert.Contains(parameters, p => p.Name == "Name" && p.FromPipelineByPropertyName);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_KubernetesOutputTypesHaveNameAndNamespace(string name)
    {
        foreach (var type in Cmdlet(name).OutputTypes.Where(IsKubeObject))
        {
            var properties = type.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("Name", properties);
            Assert.Contains("Namespace", properties);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_NamesNamespacesContextsAndKindsComplete(string name)
    {
        var cmdlet = Cmdlet(name);
        // A New-* cmdlet's -Name is a name that does not exist yet: nothing to complete.
        var completed = cmdlet.Verb == "New" ? new[] { "Namespace", "Context", "Kind" } : ["Name", "Namespace", "Context", "Kind"];
        foreach (var parameter in cmdlet.Parameters.Where(p => completed.Contains(p.Name)).Select(p => p.Property).Distinct())
        {
            Assert.True(parameter.CustomAttributes.Any(a => a.AttributeType.Name == "ArgumentCompleterAttribute"),
                $"{name} -{parameter.Name} has no argument completer");
        }
    }

    // kubectl's short flags as aliases: -n, -l, -A, -c. A -Selector that is not a label query (New-KubeService's is
    // the service's selector, a dictionary) keeps its name only: there -l is short for -Label, as kubectl expose -l.
    private static readonly Dictionary<string, string> KubectlAliases = new()
    {
        ["Namespace"] = "n",
        ["Selector"] = "l",
        ["AllNamespaces"] = "A",
        ["Container"] = "c",
    };

    // PowerShell's common parameters and their aliases: no PSKube parameter may take these names.
    private static readonly HashSet<string> CommonParameterNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "vb", "Debug", "db", "ErrorAction", "ea", "WarningAction", "wa", "InformationAction", "infa",
        "ProgressAction", "proga", "ErrorVariable", "ev", "WarningVariable", "wv", "InformationVariable", "iv",
        "OutVariable", "ov", "OutBuffer", "ob", "PipelineVariable", "pv", "WhatIf", "wi", "Confirm", "cf",
    };

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_KubectlShortFlagsAreAliases_AndNoNameIsTakenTwice(string name)
    {
        var parameters = Cmdlet(name).Parameters.DistinctBy(p => p.Name).ToList();
        foreach (var parameter in parameters.Where(p => KubectlAliases.ContainsKey(p.Name)))
        {
            if (parameter.Name == "Selector" && parameter.Property.PropertyType.FullName != "System.String")
            {
                Assert.DoesNotContain("l", parameter.Aliases);
                continue;
            }
            Assert.True(parameter.Aliases.Contains(KubectlAliases[parameter.Name], StringComparer.Ordinal),
                $"{name} -{parameter.Name} should have the alias -{KubectlAliases[parameter.Name]}, as kubectl's flag");
        }
        var names = parameters.SelectMany(p => p.Aliases.Prepend(p.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(names, CommonParameterNames.Contains);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Surface_ContainersAndLabelSelectorsComplete(string name)
    {
        foreach (var parameter in Cmdlet(name).Parameters.DistinctBy(p => p.Name)
                     .Where(p => p.Name == "Container" || (p.Name == "Selector" && p.Property.PropertyType.FullName == "System.String")))
        {
            Assert.True(parameter.HasCompleter, $"{name} -{parameter.Name} has no argument completer");
        }
    }

    private static bool IsKubeObject(Type type) =>
        DerivesFrom(type.IsArray ? type.GetElementType()! : type, "PSKube.Client.Models.KubeObject");

    private static bool DerivesFrom(Type type, string baseName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.FullName == baseName)
            {
                return true;
            }
        }
        return false;
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_EveryCmdletHasAPageDocumentingEachParameterWithTwoExamples(string name)
    {
        var page = Path.Combine(RepositoryPaths.Root, "docs", "help", name + ".md");
        Assert.True(File.Exists(page), $"docs/help/{name}.md is missing");
        var text = File.ReadAllText(page);
        foreach (var section in new[] { "## SYNOPSIS", "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS" })
        {
            Assert.Contains(section, text);
        }
        Assert.True(ExampleHeading().Matches(text).Count >= 2, $"{name} needs at least two examples");
        foreach (var parameter in Cmdlet(name).Parameters.Select(p => p.Name).Distinct())
        {
            Assert.Contains($"### -{parameter}", text);
        }
        var synopsis = text[(text.IndexOf("## SYNOPSIS", StringComparison.Ordinal) + 11)..text.IndexOf("## SYNTAX", StringComparison.Ordinal)].Trim();
        Assert.False(string.IsNullOrWhiteSpace(synopsis));
    }

    [GeneratedRegex(@"^### Example \d+", RegexOptions.Multiline)]
    private static partial Regex ExampleHeading();

    public void Dispose() => _surface.Dispose();
}

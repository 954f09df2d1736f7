using System.Xml.Linq;

namespace PSKube.Module.Tests;

/// <summary>One view of the format file: the type it is for, its control, and what it shows.</summary>
internal sealed record FormatView(string Name, string TypeName, string Control, XElement Element)
{
    /// <summary>The column labels of a table view, in order.</summary>
    public IReadOnlyList<string> Headers =>
        Element.Descendants("TableColumnHeader").Select(header => header.Element("Label")?.Value ?? string.Empty).ToList();

    /// <summary>What each table column shows: a property name, or a script block's text.</summary>
    public IReadOnlyList<string> Columns =>
        Element.Descendants("TableColumnItem").Select(item => item.Element("PropertyName")?.Value ?? item.Element("ScriptBlock")?.Value ?? string.Empty).ToList();

    public IEnumerable<string> PropertyNames => Element.Descendants("PropertyName").Select(property => property.Value.Trim());

    public IEnumerable<string> ScriptBlocks => Element.Descendants("ScriptBlock").Select(script => script.Value);
}

/// <summary>The module's PSKube.format.ps1xml, as the build lays it out, read as XML.</summary>
internal static class FormatFile
{
    public static string Path => System.IO.Path.Combine(RepositoryPaths.ModuleFolder, "PSKube.format.ps1xml");

    public static XDocument Load() => XDocument.Load(Path);

    /// <summary>Every view, in file order (a type's first view is its default).</summary>
    public static IReadOnlyList<FormatView> Views() =>
        Load().Root!.Element("ViewDefinitions")!.Elements("View")
            .SelectMany(view => view.Element("ViewSelectedBy")!.Elements("TypeName").Select(type => new FormatView(
                view.Element("Name")!.Value,
                type.Value.Trim(),
                view.Elements().Single(element => element.Name.LocalName.EndsWith("Control", StringComparison.Ordinal)).Name.LocalName,
                view)))
            .ToList();
}

/// <summary>The module's PSKube.types.ps1xml, as the build lays it out: each type's DefaultDisplayPropertySet.</summary>
internal static class TypesFile
{
    public static string Path => System.IO.Path.Combine(RepositoryPaths.ModuleFolder, "PSKube.types.ps1xml");

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultDisplayPropertySets() =>
        XDocument.Load(Path).Root!.Elements("Type").ToDictionary(
            type => type.Element("Name")!.Value.Trim(),
            type => (IReadOnlyList<string>)type.Descendants("PropertySet")
                .Single(set => set.Element("Name")!.Value == "DefaultDisplayPropertySet")
                .Element("ReferencedProperties")!.Elements("Name").Select(name => name.Value.Trim()).ToList(),
            StringComparer.Ordinal);
}

using System.Text;
using System.Xml;
using PSKube.HelpGenerator;

// Usage: HelpGenerator <docs/help folder> <module's culture folder, e.g. out/PSKube/en-US>
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: HelpGenerator <markdown folder> <output culture folder>");
    return 2;
}
var (source, target) = (args[0], args[1]);
Directory.CreateDirectory(target);
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var commands = new List<CommandHelp>();
foreach (var page in Directory.GetFiles(source, "*.md").Order(StringComparer.Ordinal))
{
    try
    {
        var markdown = File.ReadAllText(page);
        var name = Path.GetFileNameWithoutExtension(page);
        if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllText(Path.Combine(target, name + ".help.txt"), AboutTopicWriter.Write(markdown), utf8);
        }
        else
        {
            commands.Add(CommandPageReader.Read(markdown));
        }
    }
    catch (Exception e) when (e is InvalidDataException or YamlDotNet.Core.YamlException)
    {
        // The canonical "file: error CODE: text" form, so that MSBuild shows it as an error of the page.
        Console.Error.WriteLine($"{Path.GetFullPath(page)}: error PSKUBEHELP: {e.Message}");
        return 1;
    }
}
using (var writer = XmlWriter.Create(Path.Combine(target, "PSKube.dll-Help.xml"), new XmlWriterSettings { Indent = true, Encoding = utf8 }))
{
    MamlWriter.Write(commands).Save(writer);
}
Console.WriteLine($"HelpGenerator: {commands.Count} commands -> {target}");
return 0;

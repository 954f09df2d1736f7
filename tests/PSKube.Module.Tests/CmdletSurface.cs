using System.Reflection;

namespace PSKube.Module.Tests;

/// <summary>One cmdlet of PSKube.dll as metadata: its name, attributes, parameters and output types.</summary>
internal sealed record CmdletInfo(string Verb, string Noun, Type Type, CustomAttributeData Attribute)
{
    public string Name => $"{Verb}-{Noun}";

    public bool SupportsShouldProcess => Named("SupportsShouldProcess") is true;

    public object? Named(string argument) =>
        Attribute.NamedArguments.FirstOrDefault(a => a.MemberName == argument).TypedValue.Value;

    public IReadOnlyList<string> OutputTypeNames =>
        Type.CustomAttributes
            .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [arg.Value])
            .Select(v => v is Type t ? t.FullName! : v?.ToString() ?? "")
            .ToList();

    public IReadOnlyList<Type> OutputTypes =>
        Type.CustomAttributes
            .Where(a => a.AttributeType.Name == "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [arg.Value])
            .OfType<Type>()
            .ToList();

    public IReadOnlyList<ParameterInfo> Parameters =>
        Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(p => p.CustomAttributes.Where(a => a.AttributeType.Name == "ParameterAttribute").Select(a => new ParameterInfo(p, a)))
            .ToList();
}

/// <summary>One [Parameter] attribute of a property (a property has one per parameter set it belongs to).</summary>
internal sealed record ParameterInfo(PropertyInfo Property, CustomAttributeData Attribute)
{
    public string Name => Property.Name;

    public string ParameterSet => Named("ParameterSetName") as string ?? "__AllParameterSets";

    public int? Position => Named("Position") is int position && position >= 0 ? position : null;

    public bool FromPipeline => Named("ValueFromPipeline") is true;

    public bool FromPipelineByPropertyName => Named("ValueFromPipelineByPropertyName") is true;

    /// <summary>The names the [Alias] attribute gives the parameter.</summary>
    public IReadOnlyList<string> Aliases =>
        Property.CustomAttributes
            .Where(a => a.AttributeType.Name == "AliasAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [arg.Value])
            .OfType<string>()
            .ToList();

    public bool HasCompleter => Property.CustomAttributes.Any(a => a.AttributeType.Name == "ArgumentCompleterAttribute");

    private object? Named(string argument) =>
        Attribute.NamedArguments.FirstOrDefault(a => a.MemberName == argument).TypedValue.Value;
}

/// <summary>Reads PSKube.dll from the built module folder with MetadataLoadContext: PowerShell is never loaded.</summary>
internal sealed class CmdletSurface : IDisposable
{
    private readonly MetadataLoadContext _context;

    public CmdletSurface()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var files = Directory.GetFiles(runtime, "*.dll")
            .Concat(Directory.GetFiles(RepositoryPaths.ModuleFolder, "*.dll", SearchOption.AllDirectories))
            .Append(Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll"));
        _context = new MetadataLoadContext(new PathAssemblyResolver(files));
        var assembly = _context.LoadFromAssemblyPath(Path.Combine(RepositoryPaths.ModuleFolder, "PSKube.dll"));
        Automation = _context.LoadFromAssemblyName("System.Management.Automation");
        Cmdlets = assembly.GetTypes()
            .Select(type => (type, attribute: type.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute")))
            .Where(pair => pair.attribute is not null)
            .Select(pair => new CmdletInfo((string)pair.attribute!.ConstructorArguments[0].Value!, (string)pair.attribute.ConstructorArguments[1].Value!, pair.type, pair.attribute))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    public IReadOnlyList<CmdletInfo> Cmdlets { get; }

    public Assembly Automation { get; }

    /// <summary>The approved verbs: the constants of PowerShell's Verbs* classes.</summary>
    public IReadOnlySet<string> ApprovedVerbs =>
        Automation.GetTypes()
            .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    public void Dispose() => _context.Dispose();
}

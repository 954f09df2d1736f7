using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Manifests;

/// <summary>ConvertFrom-KubeYaml: a YAML manifest (one or many documents) as typed Kubernetes objects.</summary>
[Cmdlet(VerbsData.ConvertFrom, "KubeYaml", DefaultParameterSetName = TextSet)]
[OutputType(typeof(KubeObject))]
public sealed class ConvertFromKubeYamlCommand : PSCmdlet
{
    private const string TextSet = "Text";
    private const string PathSet = "Path";
    private readonly List<string> _lines = [];

    /// <summary>The YAML text; lines piped one by one (Get-Content) are joined into one manifest.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TextSet)]
    [AllowEmptyString]
    public string[] Yaml { get; set; } = [];

    /// <summary>Manifest files to read; wildcards are resolved by the provider.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    protected override void ProcessRecord()
    {
        if (ParameterSetName == PathSet)
        {
            foreach (var file in Path.SelectMany(p => GetResolvedProviderPathFromPSPath(p, out _)))
            {
                Convert(File.ReadAllText(file), file);
            }
            return;
        }
        _lines.AddRange(Yaml);
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == TextSet)
        {
            Convert(string.Join('\n', _lines), null);
        }
    }

    private void Convert(string text, string? file)
    {
        try
        {
            foreach (var obj in KubeYaml.ObjectsFromYaml(text))
            {
                WriteObject(obj);
            }
        }
        catch (YamlJsonException e)
        {
            var where = file is null ? "" : $"{file}: ";
            WriteError(new ErrorRecord(new FormatException(where + e.Message, e), "InvalidKubeYaml", ErrorCategory.ParserError, file));
        }
    }
}

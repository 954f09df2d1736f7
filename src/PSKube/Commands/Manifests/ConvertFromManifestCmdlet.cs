using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Manifests;

/// <summary>
/// What ConvertFrom-KubeYaml and ConvertFrom-KubeJson share: a text from the pipeline (lines piped one by one are
/// joined into one text) or files from -Path, read into typed objects; a text that cannot be read is one error,
/// which says where (file:line:column) and, for a field of the wrong type, its path in the manifest.
/// </summary>
public abstract class ConvertFromManifestCmdlet : PSCmdlet
{
    protected const string TextSet = "Text";
    protected const string PathSet = "Path";
    private readonly List<string> _lines = [];

    /// <summary>Files to read; wildcards are resolved by the provider.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    /// <summary>The text parameter of the cmdlet (-Yaml, -Json).</summary>
    protected abstract string[] Text { get; }

    /// <summary>The error id of a text that cannot be read.</summary>
    protected abstract string ErrorId { get; }

    protected abstract IReadOnlyList<KubeObject> Read(string text);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == PathSet)
        {
            foreach (var file in Path.SelectMany(p => GetResolvedProviderPathFromPSPath(p, out _)))
            {
                Convert(() => YamlLimits.ReadFile(file), file);
            }
            return;
        }
        _lines.AddRange(Text);
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == TextSet)
        {
            Convert(() => string.Join('\n', _lines), null);
        }
    }

    private void Convert(Func<string> text, string? file)
    {
        try
        {
            foreach (var obj in Read(text()))
            {
                WriteObject(obj);
            }
        }
        catch (ManifestException e)
        {
            // file:line:column as compilers write it, so editors and terminals can jump to it.
            WriteError(new ErrorRecord(new FormatException(e.Describe(file), e), ErrorId, ErrorCategory.ParserError, file));
        }
    }
}

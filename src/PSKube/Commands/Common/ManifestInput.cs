using System.Collections;
using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;

namespace PSKube.Commands.Common;

/// <summary>
/// Manifest input for cmdlets that take it as kubectl -f does, whatever their base: paths resolved by the provider
/// into files (<see cref="ManifestSource"/> reads them), and pipeline input of any form. Piped strings of one line
/// each (Get-Content) are joined into one text until something else comes or the input ends; a string with line
/// breaks (Get-Content -Raw) is a text of its own; KubeObjects are used as they are; files (Get-ChildItem) are read;
/// hashtables and custom objects are read as the JSON they stand for. Documents come out in input order.
/// </summary>
internal sealed class ManifestInput(PSCmdlet cmdlet)
{
    private readonly List<string> _lines = [];

    /// <summary>
    /// The documents of <paramref name="paths"/>: wildcards expanded by the provider unless <paramref name="literal"/>;
    /// a path that matches nothing is an error for that path (the provider's), written here, and the others go on.
    /// </summary>
    public IEnumerable<ManifestDocument> FromPaths(IEnumerable<string> paths, bool literal, bool recurse)
    {
        foreach (var path in paths)
        {
            List<string> resolved;
            try
            {
                resolved = literal
                    ? [cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path)]
                    : [.. cmdlet.GetResolvedProviderPathFromPSPath(path, out _)];
            }
            catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException)
            {
                cmdlet.WriteError(new ErrorRecord(e, "ManifestPathNotFound", ErrorCategory.ObjectNotFound, path)
                {
                    ErrorDetails = new ErrorDetails($"The path \"{path}\" does not exist.") { RecommendedAction = "Check the path: give manifest files or directories holding .yaml, .yml or .json files." },
                });
                continue;
            }
            foreach (var document in resolved.SelectMany(file => ManifestSource.ReadPath(file, recurse)))
            {
                yield return document;
            }
        }
    }

    /// <summary>The documents one piped item makes ready: none yet for a line of text (it waits for the next lines).</summary>
    public IEnumerable<ManifestDocument> FromPipeline(object? item)
    {
        var raw = item is PSObject wrapped ? wrapped.BaseObject : item;
        if (raw is string line && !line.Contains('\n', StringComparison.Ordinal))
        {
            _lines.Add(line);
            return [];
        }
        var pending = Flush();
        return raw switch
        {
            null => pending,
            string text => [.. pending, .. ManifestSource.ReadText(text)],
            KubeObject obj => [.. pending, new ManifestDocument(ManifestOrigin.PipelineObject, obj)],
            FileInfo file => [.. pending, .. ManifestSource.ReadFile(file.FullName)],
            DirectoryInfo directory => [.. pending, .. ManifestSource.ReadPath(directory.FullName, recurse: false)],
            IDictionary or PSCustomObject => [.. pending, .. ManifestSource.ReadNode(PowerShellJson.ToNode(item))],
            _ => [.. pending, new ManifestDocument(ManifestOrigin.PipelineObject, new ManifestException(
                $"a {raw.GetType().Name} is not a manifest: pipe YAML or JSON text, files, Kubernetes objects (ConvertFrom-KubeYaml, Get-Kube*), or hashtables", 0, 0))],
        };
    }

    /// <summary>The documents of the lines piped so far, joined into one text; call it at the end of the input.</summary>
    public IReadOnlyList<ManifestDocument> Flush()
    {
        if (_lines.Count == 0)
        {
            return [];
        }
        var text = string.Join('\n', _lines);
        _lines.Clear();
        return ManifestSource.ReadText(text);
    }
}

using System.Collections.Specialized;
using System.Management.Automation;
using System.Text.Json.Nodes;
using PSKube.Client.Editing;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Validation;
using PSKube.Commands.Common;

namespace PSKube.Commands.Resources;

/// <summary>
/// Update-KubeResource: kubectl patch. One merge, strategic merge or JSON patch, given as PowerShell values or as
/// JSON/YAML text and checked before any request, sent to objects of any kind (or their status or scale), which
/// come back as the server stored them.
/// </summary>
[Cmdlet(VerbsData.Update, "KubeResource", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
[OutputType(typeof(KubeObject))]
public sealed class UpdateKubeResourceCommand : ResourceTargetCmdlet
{
    private (PatchKind Kind, JsonNode Patch, string Parameter) _patch;

    /// <summary>A JSON merge patch (RFC 7386): the fields to set, $null to remove one, lists replaced whole. A hashtable or JSON/YAML text.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? MergePatch { get; set; }

    /// <summary>
    /// A strategic merge patch (kubectl patch's default): like a merge patch, but lists such as containers merge by
    /// their key (name). Built-in kinds only. A hashtable or JSON/YAML text.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public object? StrategicPatch { get; set; }

    /// <summary>A JSON patch (RFC 6902): a list of operations (op, path, value), as hashtables or JSON/YAML text.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? JsonPatch { get; set; }

    /// <summary>Patch this subresource instead of the object (kubectl --subresource): status or scale.</summary>
    [Parameter]
    [ValidateSet("status", "scale")]
    public string? Subresource { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var given = new (PatchKind Kind, object? Value, string Parameter)[]
        {
            (PatchKind.Merge, MergePatch, nameof(MergePatch)),
            (PatchKind.Strategic, StrategicPatch, nameof(StrategicPatch)),
            (PatchKind.Json, JsonPatch, nameof(JsonPatch)),
        }.Where(p => p.Value is not null).ToList();
        if (given.Count != 1)
        {
            ThrowInvalidArgument(new ArgumentException("Give exactly one patch: -MergePatch, -StrategicPatch or -JsonPatch."),
                given.Count == 0 ? "NoPatch" : "SeveralPatches", string.Join(", ", given.Select(p => p.Parameter)));
        }
        var (kind, value, parameter) = given[0];
        try
        {
            _patch = (kind, PatchDocument.Read(value!, kind, parameter, Unwrap), parameter);
        }
        catch (KubeInputException e)
        {
            ThrowInvalidArgument(e, "Invalid" + parameter, value);
        }
    }

    protected override void ProcessRecord()
    {
        foreach (var (resource, @namespace, name) in Targets())
        {
            Patch(resource, @namespace, name);
        }
    }

    private void Patch(ResourceDefinition resource, string? @namespace, string name)
    {
        var (kind, patch, parameter) = _patch;
        var target = Describe(Subresource is null ? resource.Singular : $"{resource.Singular}/{Subresource}", name, @namespace);
        if (kind == PatchKind.Strategic && !PatchDocument.TakesStrategicPatch(resource))
        {
            var message = $"{target}: {resource.Plural}.{resource.Group} is a custom resource, which takes no strategic merge patch; use -MergePatch or -JsonPatch.";
            WriteError(new ErrorRecord(new ArgumentException(message), "StrategicPatchNotSupported", ErrorCategory.InvalidArgument, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Give the same fields with -MergePatch instead of -{parameter}." },
            });
            return;
        }
        if (!ShouldChange(target, $"Update ({parameter})", () => TryApi(resource.Kind, name, () =>
                Await(token => Client.PatchResourceAsync(resource, @namespace, name, kind, patch, new WriteOptions { DryRun = true }, token, Subresource)))))
        {
            return;
        }
        TryApi(resource.Kind, name, () =>
        {
            // Read first, as kubectl patch does, to tell "patched" from "patched (no change)".
            var before = Await(token => Client.GetAsync<GenericKubeObject>(resource, @namespace, name, token));
            var patched = Await(token => Client.PatchResourceAsync(resource, @namespace, name, kind, patch, null, token, Subresource));
            var changed = patched.Metadata?.ResourceVersion != before.Metadata?.ResourceVersion;
            // Verbose, as Set-KubeLabel reports "unchanged": a patch that changes nothing is how an idempotent script
            // succeeds, and the object is output either way.
            WriteVerbose($"{target} patched{(changed ? "" : " (no change)")}");
            WriteObject(patched);
        });
    }

    // PowerShell's wrappers as the values they stand for: a PSCustomObject's properties as an ordered map.
    private static object? Unwrap(object value)
    {
        if (value is not PSObject wrapped)
        {
            return value;
        }
        if (wrapped.BaseObject is not PSCustomObject)
        {
            return wrapped.BaseObject;
        }
        var properties = new OrderedDictionary();
        foreach (var property in wrapped.Properties)
        {
            properties[property.Name] = property.Value;
        }
        return properties;
    }
}

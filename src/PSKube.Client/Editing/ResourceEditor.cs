using System.Text.Json.Nodes;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Transport;

namespace PSKube.Client.Editing;

/// <summary>
/// kubectl edit: the objects' YAML (one object, or several as a v1 List) in a file under a comment header, opened
/// in an editor; an unchanged or emptied file cancels; otherwise each changed object is sent as the merge patch from
/// what was shown to what was saved, after checking that its apiVersion, kind, name and namespace were kept. A
/// change the server finds invalid reopens the file with the server's causes as comments (saving it unchanged then
/// gives up); any other refusal (a 409 Conflict when the edited resourceVersion is stale, a deleted object) ends the
/// edit with the file kept, as kubectl does. A change made meanwhile by someone else does not conflict: the patch
/// carries only the fields the user changed.
/// </summary>
public sealed class ResourceEditor
{
    private readonly KubeClient _client;
    private readonly Func<string, CancellationToken, Task> _openEditor;

    /// <param name="client">Where to send the changes.</param>
    /// <param name="openEditor">Opens the file at the path and returns once the user closed it (<see cref="EditorCommand.EditAsync"/>).</param>
    public ResourceEditor(KubeClient client, Func<string, CancellationToken, Task> openEditor)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _openEditor = openEditor ?? throw new ArgumentNullException(nameof(openEditor));
    }

    /// <summary>Edits <paramref name="targets"/> in one file until the changes go through, the user gives up, or the server refuses for good.</summary>
    public async Task<EditOutcome> EditAsync(IReadOnlyList<EditTarget> targets, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            return new EditOutcome();
        }
        var originals = targets.Select(t => (Target: t, Json: WireForm.Of(t.Object, includeManagedFields: false)!.AsObject())).ToList();
        var shown = KubeYaml.ToYaml(originals.Count == 1 ? originals[0].Json : ListOf(originals.Select(o => o.Json)));
        var path = NewFile();
        var edited = new Dictionary<string, KubeObject>(StringComparer.Ordinal);
        var reasons = new List<EditReason>();
        var failures = new List<EditFailure>();
        string? previous = null;
        var rounds = 0;
        var keepFile = false;
        try
        {
            while (true)
            {
                await File.WriteAllTextAsync(path, EditFile.Compose(reasons, previous ?? shown), cancellationToken);
                await _openEditor(path, cancellationToken);
                rounds++;
                var saved = EditFile.WithoutComments(await File.ReadAllTextAsync(path, cancellationToken));
                if (previous is not null && saved == previous)
                {
                    keepFile = true;
                    return Outcome("Edit cancelled, no valid changes were saved.", path);
                }
                // Reverting a refused change, or emptying the file, leaves nothing pending: the refusals are over.
                if (saved == EditFile.WithoutComments(shown))
                {
                    failures.Clear();
                    return Outcome("Edit cancelled, no changes made.", null);
                }
                if (!EditFile.HasContent(saved))
                {
                    failures.Clear();
                    return Outcome("Edit cancelled, saved file was empty.", null);
                }
                previous = saved;
                reasons.Clear();
                failures.Clear();
                List<JsonObject> items;
                try
                {
                    items = Items(saved);
                }
                catch (ManifestException e)
                {
                    reasons.Add(new EditReason($"The edited file had a syntax error: {e.Message}", []));
                    continue;
                }
                var unchanged = new List<EditTarget>();
                var invalid = false;
                foreach (var item in items)
                {
                    var (target, error) = Match(originals, item);
                    if (target is null)
                    {
                        keepFile = true;
                        return Outcome(error!, path);
                    }
                    var original = originals.First(o => ReferenceEquals(o.Target, target)).Json;
                    var patch = MergePatchDiff.Between(original, item);
                    if (patch.Count == 0)
                    {
                        unchanged.Add(target);
                        continue;
                    }
                    try
                    {
                        var obj = target.Object;
                        edited[obj.Metadata?.Uid ?? obj.Name ?? ""] = await _client.PatchResourceAsync(
                            target.Resource, obj.Namespace is { Length: > 0 } ns ? ns : null, obj.Name!, PatchKind.Merge, patch, options, cancellationToken);
                    }
                    catch (KubeApiException e) when (KubeErrors.Classify(e) == KubeErrorKind.Invalid)
                    {
                        invalid = true;
                        failures.Add(new EditFailure(target, e));
                        reasons.Add(new EditReason($"{target.Describe()} was not valid",
                            e.Causes.Count > 0 ? e.Causes.Select(c => $"{c.Field}: {c.Message}").ToList() : [e.Message]));
                    }
                    catch (KubeApiException e)
                    {
                        // Not found or any other refusal (a stale resourceVersion's 409): kubectl stops and keeps the file.
                        failures.Add(new EditFailure(target, e));
                    }
                }
                if (failures.Any(f => KubeErrors.Classify(f.Error) != KubeErrorKind.Invalid))
                {
                    keepFile = true;
                    return Outcome(null, path, unchanged);
                }
                if (!invalid)
                {
                    return Outcome(null, null, unchanged);
                }
            }
        }
        finally
        {
            if (!keepFile)
            {
                File.Delete(path);
            }
        }

        EditOutcome Outcome(string? cancelled, string? savedFile, IReadOnlyList<EditTarget>? unchanged = null) => new()
        {
            Edited = [.. edited.Values],
            Unchanged = unchanged ?? [],
            Failures = [.. failures],
            Cancelled = cancelled,
            SavedFile = savedFile,
            Rounds = rounds,
        };
    }

    private static JsonObject ListOf(IEnumerable<JsonObject> items) => new()
    {
        ["apiVersion"] = "v1",
        ["items"] = new JsonArray([.. items.Select(i => (JsonNode)i.DeepClone())]),
        ["kind"] = "List",
        ["metadata"] = new JsonObject(),
    };

    // The objects of the saved file: its documents, Lists unrolled.
    private static List<JsonObject> Items(string saved)
    {
        var items = new List<JsonObject>();
        foreach (var document in YamlJson.ToJsonDocuments(saved))
        {
            if (document is not JsonObject obj)
            {
                throw new ManifestException("the file must hold the objects (mappings), not a list or a value", 0, 0);
            }
            if ((string?)obj["kind"] == "List" && obj["items"] is JsonArray list)
            {
                items.AddRange(list.Select(i => i as JsonObject ?? throw new ManifestException("an item of the List is not an object", 0, 0)));
            }
            else
            {
                items.Add(obj);
            }
        }
        return items;
    }

    // The shown object an edited one stands for (by uid, as kubectl matches them), after checking that what names
    // it was kept; else why it cannot be sent.
    private static (EditTarget? Target, string? Error) Match(List<(EditTarget Target, JsonObject Json)> originals, JsonObject item)
    {
        var uid = (string?)item["metadata"]?["uid"];
        var found = originals.FirstOrDefault(o => uid is not null && (string?)o.Json["metadata"]?["uid"] == uid);
        if (found.Target is null)
        {
            var name = (string?)item["metadata"]?["name"] ?? "(no name)";
            return (null, $"The edited file holds {item["kind"]}/{name}, which was not among the objects opened for editing (matched by metadata.uid); keep metadata.uid as it was.");
        }
        foreach (var (field, original, now) in new[]
        {
            ("apiVersion", found.Json["apiVersion"], item["apiVersion"]),
            ("kind", found.Json["kind"], item["kind"]),
            ("metadata.name", found.Json["metadata"]?["name"], item["metadata"]?["name"]),
            ("metadata.namespace", found.Json["metadata"]?["namespace"], item["metadata"]?["namespace"]),
        })
        {
            if (!JsonNode.DeepEquals(original, now))
            {
                return (null, $"At least one of apiVersion, kind, name and namespace was changed ({field} of {found.Target.Describe()}); an edit cannot rename or move an object.");
            }
        }
        return (found.Target, null);
    }

    // A new file only this user can read (it may hold a Secret's data), named as kubectl names its own.
    private static string NewFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pskube-edit-{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}.yaml");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (new FileStream(path, options))
        {
        }
        return path;
    }
}

using PSKube.Client.Models;
using PSKube.Client.Resources;

namespace PSKube.Client.Editing;

/// <summary>An object to edit, with its resource type.</summary>
public sealed record EditTarget(ResourceDefinition Resource, KubeObject Object)
{
    /// <summary>kubectl's name for it in messages: <c>pods "web"</c>, <c>deployments.apps "web"</c>.</summary>
    public string Describe() =>
        $"{(Resource.Group.Length == 0 ? Resource.Plural : $"{Resource.Plural}.{Resource.Group}")} \"{Object.Name}\"";
}

/// <summary>An object whose change did not go through, with the server's refusal (or why it was not sent).</summary>
public sealed record EditFailure(EditTarget Target, Exception Error);

/// <summary>How an edit ended.</summary>
public sealed class EditOutcome
{
    /// <summary>The objects as the server stored them after the change.</summary>
    public IReadOnlyList<KubeObject> Edited { get; init; } = [];

    /// <summary>Objects in the file that the user left as they were (kubectl's "skipped").</summary>
    public IReadOnlyList<EditTarget> Unchanged { get; init; } = [];

    /// <summary>Changes that did not go through.</summary>
    public IReadOnlyList<EditFailure> Failures { get; init; } = [];

    /// <summary>Why nothing more was sent, in kubectl's words ("Edit cancelled, no changes made."); null when every change was sent.</summary>
    public string? Cancelled { get; init; }

    /// <summary>The file that keeps the user's changes when some could not be sent; null when it was deleted.</summary>
    public string? SavedFile { get; init; }

    /// <summary>How many times the editor was opened.</summary>
    public int Rounds { get; init; }
}

namespace PSKube.Client.Operations;

/// <summary>Which objects a list, watch or delete-collection covers.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Objects per page; kubectl uses 500. Paging is automatic.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// These options with more requirements: the objects must match both the selectors already here and the given
    /// ones (selectors joined with commas mean "and"), e.g. a deployment's pods narrowed by the user's -Selector.
    /// </summary>
    public ListOptions Narrowed(string? labelSelector, string? fieldSelector) =>
        this with { LabelSelector = Both(LabelSelector, labelSelector), FieldSelector = Both(FieldSelector, fieldSelector) };

    private static string? Both(string? first, string? second) => (string.IsNullOrEmpty(first), string.IsNullOrEmpty(second)) switch
    {
        (true, true) => null,
        (true, false) => second,
        (false, true) => first,
        _ => $"{first},{second}",
    };
}

/// <summary>Options every write takes.</summary>
public record WriteOptions
{
    /// <summary>Ask the server to do everything but store the result (dryRun=All): validation, defaults, conflicts.</summary>
    public bool DryRun { get; init; }

    /// <summary>The field manager PSKube records in managedFields unless told otherwise.</summary>
    public const string PSKubeFieldManager = "pskube";

    /// <summary>The field manager recorded in managedFields.</summary>
    public string FieldManager { get; init; } = PSKubeFieldManager;
}

/// <summary>Server-side apply options.</summary>
public sealed record ApplyOptions : WriteOptions
{
    /// <summary>Take over fields that other managers own instead of failing with a conflict.</summary>
    public bool Force { get; init; }
}

/// <summary>How a delete proceeds, as kubectl's flags set it.</summary>
public sealed record DeleteOptions
{
    public static DeleteOptions Default { get; } = new();

    /// <summary>Background (kubectl's default), Foreground or Orphan.</summary>
    public string PropagationPolicy { get; init; } = "Background";

    /// <summary>Seconds to let the object go gracefully; null takes the object's own default.</summary>
    public long? GracePeriodSeconds { get; init; }

    /// <summary>Delete at once without waiting for confirmation that the pod stopped (grace period 0).</summary>
    public bool Force { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Only delete if the object still has this uid.</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Only delete if the object still has this resourceVersion.</summary>
    public string? PreconditionResourceVersion { get; init; }
}

/// <summary>The patch formats the API server accepts, with their content types.</summary>
public enum PatchKind
{
    /// <summary>RFC 7386 JSON merge patch (application/merge-patch+json).</summary>
    Merge,

    /// <summary>RFC 6902 JSON patch (application/json-patch+json).</summary>
    Json,

    /// <summary>Strategic merge patch (application/strategic-merge-patch+json), built-in kinds only.</summary>
    Strategic,
}

using PSKube.Client.Models;

namespace PSKube.Client.Apply;

/// <summary>Says which fields of an object other managers own, in the words of Set-KubeResource's error.</summary>
public static class ApplyConflictReport
{
    private const string CausePrefix = "conflict with ";

    /// <summary>
    /// "Applying deployment.apps/web would change a field another manager owns: .spec.replicas (owned by
    /// "kubectl"). Run it again with -Force..." from the server's FieldManagerConflict causes.
    /// </summary>
    public static string Describe(string objectName, IReadOnlyList<StatusCause> causes)
    {
        ArgumentNullException.ThrowIfNull(causes);
        var conflicts = causes.Where(c => c.Reason == "FieldManagerConflict").ToList();
        var fields = conflicts.Select(c => $"{c.Field} (owned by {Owner(c.Message)})");
        return $"Applying {objectName} would change {(conflicts.Count == 1 ? "a field another manager owns" : "fields other managers own")}: " +
               string.Join("; ", fields) + ". " +
               "Run it again with -Force to take them over, or remove them from the manifest (or give them their current values) to leave them to their managers.";
    }

    // The cause reads: conflict with "kubectl" with subresource "scale" using apps/v1; the version says nothing useful here.
    private static string Owner(string? message)
    {
        var owner = message is not null && message.StartsWith(CausePrefix, StringComparison.Ordinal) ? message[CausePrefix.Length..] : message ?? "";
        var version = owner.LastIndexOf(" using ", StringComparison.Ordinal);
        owner = version > 0 ? owner[..version] : owner;
        if (owner == PSKubeOwner || owner.StartsWith(PSKubeOwner + " ", StringComparison.Ordinal))
        {
            // PSKube's own commands that change a field directly (Set-KubeImage, Update-KubeResource...) own it as an
            // updater, which the server keeps apart from Set-KubeResource's apply, as kubectl set and kubectl apply.
            return owner + ", set by an earlier PSKube command such as Set-KubeImage, Set-KubeLabel, Update-KubeResource or Edit-KubeResource, not by Set-KubeResource";
        }
        return owner.Length == 0 ? "another manager" : owner;
    }

    private static readonly string PSKubeOwner = $"\"{Operations.WriteOptions.PSKubeFieldManager}\"";
}

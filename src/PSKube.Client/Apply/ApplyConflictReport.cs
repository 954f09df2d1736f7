namespace PSKube.Client.Apply;

/// <summary>Says which fields of an object other managers own, in the words of Set-KubeResource's error.</summary>
public static class ApplyConflictReport
{
    /// <summary>
    /// "Applying deployment.apps/web would change fields other managers own: .spec.replicas (owned by kubectl-scale)..."
    /// with each field on its own line.
    /// </summary>
    public static string Describe(string objectName, IReadOnlyList<(string Field, string Manager)> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var lines = conflicts.Select(c => $"  {c.Field} (owned by {(c.Manager.Length == 0 ? "another manager" : c.Manager)})");
        return $"Applying {objectName} would change {(conflicts.Count == 1 ? "a field another manager owns" : "fields other managers own")}:\n" +
               string.Join('\n', lines) + "\n" +
               "Run it again with -Force to take them over, or remove them from the manifest (or give them their current values) to leave them to their managers.";
    }
}

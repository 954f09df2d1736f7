using PSKube.Client.Models;

namespace PSKube.Client.Apply;

/// <summary>What one server-side apply did.</summary>
/// <param name="Applied">The object as the server holds it after the apply (as it would, on a dry run), typed by its kind.</param>
/// <param name="Created">It did not exist and the apply created it.</param>
/// <param name="Changed">The apply changed it (created it or gave it a new resourceVersion); false when nothing differed.</param>
/// <param name="TookOverFrom">The earlier kubectl apply managers whose fields the apply took over (see <see cref="ManagedFieldsMigration"/>).</param>
public sealed record ApplyOutcome(KubeObject Applied, bool Created, bool Changed, IReadOnlyList<string> TookOverFrom);

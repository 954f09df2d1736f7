using System.Management.Automation;

namespace PSKube;

// Which table a listed object is shown in: kubectl get -A puts NAMESPACE first, and a watch's rows keep the widths
// of its first rows (PowerShell sizes a table from the objects it sees first), so both have views of their own,
// chosen by a type name put before the object's own.
public abstract partial class KubeCmdlet
{
    /// <summary>The type-name suffix of the views with NAMESPACE first (module/PSKube.format.ps1xml).</summary>
    public const string AllNamespacesView = "#AllNamespaces";

    /// <summary>The type-name suffix of the views whose columns have fixed widths, for -Watch.</summary>
    public const string WatchView = "#Watch";

    /// <summary>
    /// Writes a listed object (possibly already wrapped) so it shows in the view for <paramref name="allNamespaces"/>
    /// and <paramref name="watch"/>; a type without such a view falls back to its own.
    /// </summary>
    protected void WriteListed(object obj, bool allNamespaces, bool watch)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (!allNamespaces && !watch)
        {
            WriteObject(obj);
            return;
        }
        var listed = PSObject.AsPSObject(obj);
        var view = listed.BaseObject.GetType().FullName + (allNamespaces ? AllNamespacesView : "") + (watch ? WatchView : "");
        listed.TypeNames.Insert(0, view);
        WriteObject(listed);
    }
}

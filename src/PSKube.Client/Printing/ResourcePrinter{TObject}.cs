using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>A printer for one typed model; rejects objects of any other type.</summary>
internal abstract class ResourcePrinter<TObject> : ResourcePrinter
    where TObject : KubeObject
{
    public sealed override IReadOnlyList<object?> Cells(KubeObject obj, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj is TObject typed
            ? RowOf(typed, now)
            : throw new ArgumentException($"Expected a {typeof(TObject).Name}, got a {obj.GetType().Name}.", nameof(obj));
    }

    protected abstract object?[] RowOf(TObject obj, DateTimeOffset now);
}

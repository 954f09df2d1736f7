using PSKube.Client.Models;

namespace PSKube.Client.Describing;

/// <summary>kubectl describe limitrange: a row per type and resource with its bounds and defaults.</summary>
public sealed class LimitRangeDescription : KubeDescription
{
    internal LimitRangeDescription(LimitRange limitRange)
        : base(limitRange, [])
    {
        LimitRangeObject = limitRange;
        Limits = LimitRangeRows.Of(limitRange).ToList();
        Text = Render();
    }

    public LimitRange LimitRangeObject { get; }

    /// <summary>The rows of the table: type, resource, min, max, default request, default limit, max limit/request ratio.</summary>
    public IReadOnlyList<DescribedLimit> Limits { get; }

    private string Render()
    {
        var w = new DescriptionWriter();
        w.Field(0, "Name", Name);
        w.Field(0, "Namespace", Namespace);
        w.Line(0, LimitRangeRows.Header);
        w.Line(0, LimitRangeRows.Rule);
        LimitRangeRows.Write(w, Limits, "");
        return w.ToString();
    }
}

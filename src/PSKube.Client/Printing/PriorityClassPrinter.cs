using PSKube.Client.Models;

namespace PSKube.Client.Printing;

/// <summary>Priority classes: NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY.</summary>
internal sealed class PriorityClassPrinter : ResourcePrinter<PriorityClass>
{
    public override IReadOnlyList<PrintColumn> Columns { get; } =
    [
        PrintColumns.Name,
        PrintColumns.Integer("Value", "The value of this priority class."),
        new("Global-Default", "boolean", string.Empty, "globalDefault specifies whether this PriorityClass should be considered as the default priority.", 0),
        PrintColumns.Age,
        PrintColumns.Text("PreemptionPolicy", "PreemptionPolicy is the Policy for preempting pods with lower priority."),
    ];

    protected override object?[] RowOf(PriorityClass obj, DateTimeOffset now) =>
        [PrintCells.Name(obj), (long)(obj.Value ?? 0), obj.IsGlobalDefault, PrintCells.Age(obj, now), obj.PreemptionPolicy ?? string.Empty];
}

using System.Text.Json.Nodes;
using PSKube.Client.Models;

namespace PSKube.Client.Operations;

/// <summary>A server-side Table read as rows of named cells: what kubectl get shows, for any kind.</summary>
public sealed class KubeTable
{
    private KubeTable(IReadOnlyList<TableColumnDefinition> columns, IReadOnlyList<string> columnNames, IReadOnlyList<KubeTableRow> rows, string? resourceVersion)
    {
        Columns = columns;
        ColumnNames = columnNames;
        Rows = rows;
        ResourceVersion = resourceVersion;
    }

    public IReadOnlyList<TableColumnDefinition> Columns { get; }

    /// <summary>The names the cells go by, in the server's column order (a column without a name is <c>ColumnN</c>).</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    public IReadOnlyList<KubeTableRow> Rows { get; }

    public string? ResourceVersion { get; }

    public static KubeTable From(Table table)
    {
        var columns = table.ColumnDefinitions ?? [];
        var names = columns.Select((column, i) => column.Name ?? $"Column{i}").ToList();
        var rows = new List<KubeTableRow>();
        foreach (var row in table.Rows ?? [])
        {
            var cells = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Count; i++)
            {
                cells[names[i]] = i < (row.Cells?.Count ?? 0) ? Scalar(row.Cells![i]) : null;
            }
            rows.Add(new KubeTableRow(cells, row.Object));
        }
        return new KubeTable(columns, names, rows, table.Metadata?.ResourceVersion);
    }

    // Cells are JSON scalars: give them their natural .NET types so they sort and compare as they read.
    private static object? Scalar(JsonNode? cell) => cell switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonValue value when value.TryGetValue(out long number) => number,
        JsonValue value when value.TryGetValue(out double real) => real,
        JsonValue value when value.TryGetValue(out bool flag) => flag,
        _ => cell.ToJsonString(),
    };
}

/// <summary>One row: cells by column name (case-insensitive), and the row's object as the server embedded it.</summary>
public sealed record KubeTableRow(IReadOnlyDictionary<string, object?> Cells, JsonObject? Object);

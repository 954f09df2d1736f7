using System.Text.Json.Serialization;
using PSKube.Client.Models;

namespace PSKube.Client.Resources;

/// <summary>
/// An object of a kind without a generated model (custom resources, ReplicationController...) as kubectl get shows
/// it: the whole object, like <see cref="GenericKubeObject"/>, plus the cells of the server-side Table row by column
/// name. Being a <see cref="KubeObject"/>, it pipes into every cmdlet that takes objects and writes as YAML; it is a
/// view of what was read, not a wire model, so it is never deserialized itself.
/// </summary>
public sealed class KubeTableObject : KubeObject
{
    public KubeTableObject(GenericKubeObject obj, IReadOnlyList<string> columnNames, IReadOnlyDictionary<string, object?> columns)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ApiVersion = obj.ApiVersion;
        Kind = obj.Kind;
        Metadata = obj.Metadata;
        ExtensionData = obj.ExtensionData;
        ColumnNames = columnNames;
        Columns = columns;
    }

    /// <summary>The server's column names in its order (NAME first, wide columns included), e.g. Name, Desired, Current, Ready, Age.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The row's cells by column name, case-insensitive: strings, numbers, booleans or null, as the server sent them.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, object?> Columns { get; }
}

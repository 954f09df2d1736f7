using System.Diagnostics.CodeAnalysis;

namespace PSKube.FakeCluster.Protobuf;

/// <summary>A message descriptor: its name and its fields, in the order they are written to JSON.</summary>
internal sealed class ProtobufMessageType
{
    private readonly Dictionary<int, ProtobufField> _fieldsByNumber;

    public ProtobufMessageType(string name, IReadOnlyList<ProtobufField> fields)
    {
        Name = name;
        Fields = fields;
        _fieldsByNumber = fields.ToDictionary(field => field.Number);
    }

    public string Name { get; }

    public IReadOnlyList<ProtobufField> Fields { get; }

    public bool TryGetField(int number, [NotNullWhen(true)] out ProtobufField? field) =>
        _fieldsByNumber.TryGetValue(number, out field);
}

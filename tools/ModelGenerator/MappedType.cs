namespace PSKube.ModelGenerator;

/// <summary>The C# type a schema maps to.</summary>
/// <param name="ConverterType">A JsonConverter the property needs, or null.</param>
internal sealed record MappedType(string Name, bool IsValueType, string? ConverterType = null)
{
    public string Nullable => Name + "?";
}

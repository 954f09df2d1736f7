namespace PSKube.ModelGenerator;

/// <summary>One generated property.</summary>
/// <param name="Type">The C# type, nullable already (e.g. <c>List&lt;Container&gt;?</c>).</param>
/// <param name="ConverterType">A JsonConverter applied to this property, or null.</param>
internal sealed record ModelProperty(string WireName, string Name, string Type, string? ConverterType);

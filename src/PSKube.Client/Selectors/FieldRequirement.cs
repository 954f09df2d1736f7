namespace PSKube.Client.Selectors;

/// <summary>One term of a field selector, with its value unescaped.</summary>
/// <param name="Field">The field path, e.g. <c>metadata.name</c> or <c>status.phase</c>.</param>
/// <param name="Operator">Equality or inequality.</param>
/// <param name="Value">The literal value (backslash escapes removed).</param>
public sealed record FieldRequirement(string Field, FieldSelectorOperator Operator, string Value)
{
    /// <summary>The term as it appears in a selector, with the value escaped again.</summary>
    public override string ToString() =>
        $"{Field}{(Operator == FieldSelectorOperator.Equals ? "=" : "!=")}{FieldSelector.EscapeValue(Value)}";
}

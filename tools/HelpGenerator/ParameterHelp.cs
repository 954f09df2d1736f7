namespace PSKube.HelpGenerator;

/// <summary>A parameter as its `### -Name` section and yaml block describe it.</summary>
public sealed record ParameterHelp(
    string Name,
    IReadOnlyList<string> Description,
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    bool Required,
    int? Position,
    string DefaultValue,
    string PipelineInput,
    bool Wildcards)
{
    /// <summary>What the yaml block says of a parameter that belongs to every parameter set.</summary>
    public const string AllSets = "(All)";

    public bool IsSwitch => Type == "SwitchParameter";

    public bool IsIn(string parameterSet) => ParameterSets.Contains(AllSets) || ParameterSets.Contains(parameterSet);
}

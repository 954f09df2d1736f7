namespace PSKube.HelpGenerator;

/// <summary>The help of one cmdlet as its markdown page states it.</summary>
public sealed record CommandHelp(
    string Name,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<RelatedLink> RelatedLinks)
{
    public string Verb => Name[..Name.IndexOf('-', StringComparison.Ordinal)];

    public string Noun => Name[(Name.IndexOf('-', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// The parameters of each syntax: one per parameter set named under SYNTAX (every parameter when there is none),
    /// positional ones first by position, the others in page order, as PowerShell writes a syntax line.
    /// </summary>
    public IEnumerable<(string ParameterSet, IReadOnlyList<ParameterHelp> Parameters)> Syntaxes()
    {
        var sets = ParameterSets.Count > 0 ? ParameterSets : [ParameterHelp.AllSets];
        foreach (var set in sets)
        {
            var members = Parameters.Where(p => ParameterSets.Count == 0 || p.IsIn(set)).ToList();
            yield return (set, [.. members.Where(p => p.Position is not null).OrderBy(p => p.Position), .. members.Where(p => p.Position is null)]);
        }
    }
}

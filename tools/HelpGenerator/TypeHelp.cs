namespace PSKube.HelpGenerator;

/// <summary>A type a cmdlet takes from the pipeline or outputs, and what the page says of it.</summary>
public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

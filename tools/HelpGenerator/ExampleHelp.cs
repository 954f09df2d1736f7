namespace PSKube.HelpGenerator;

/// <summary>An example: its title (without "Example N: "), its code as written and the remarks after it.</summary>
public sealed record ExampleHelp(int Number, string Title, string Code, IReadOnlyList<string> Remarks);

namespace PSKube.HelpGenerator;

/// <summary>A related link: another command (no address) or a web page.</summary>
public sealed record RelatedLink(string Text, string Uri);

namespace PSKube.Client.Operations;

/// <summary>What the API server reports at /version.</summary>
public sealed record ServerVersion(string Major, string Minor, string GitVersion, string Platform, string GoVersion, string BuildDate);

namespace PSKube.Client.Operations;

/// <summary>
/// Who the API server takes the caller for (kubectl auth whoami): the user after authentication and any
/// impersonation, with its groups and extra information, and the context that asked.
/// </summary>
public sealed record KubeIdentity(
    string Username,
    string Uid,
    IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Extra,
    string Context);

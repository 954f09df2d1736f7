namespace PSKube.Client.Operations;

/// <summary>The versions `kubectl version` prints: this client's and the server's, with the context asked.</summary>
public sealed record KubeVersionInfo(string ClientVersion, string ServerVersion, string Platform, string Context, ServerVersion Server);

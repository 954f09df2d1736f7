namespace PSKube.Client.Config;

/// <summary>A named cluster, user or context of the merged kubeconfig, with the file that defined it (the first one that did).</summary>
public sealed record KubeConfigEntry<T>(string Name, T Value, string File);

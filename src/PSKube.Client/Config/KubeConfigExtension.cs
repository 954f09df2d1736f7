using System.Text.Json.Nodes;

namespace PSKube.Client.Config;

/// <summary>A named extension (free-form data other tools keep in a kubeconfig), read as JSON.</summary>
public sealed record KubeConfigExtension
{
    public string? Name { get; init; }

    public JsonNode? Extension { get; init; }
}

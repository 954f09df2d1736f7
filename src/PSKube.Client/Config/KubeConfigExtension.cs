using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>A named extension (free-form data other tools keep in a kubeconfig), read as JSON.</summary>
public sealed record KubeConfigExtension
{
    [YamlMember(Alias = "name")]
    public string? Name { get; init; }

    [YamlMember(Alias = "extension")]
    public JsonNode? Extension { get; init; }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// kubectl's <c>--overrides</c> with its default <c>--override-type merge</c>: the generated object as JSON, a JSON
/// merge patch (RFC 7386: objects merge, null removes, anything else, lists included, replaces) applied to it, and
/// the result read back as the same kind.
/// </summary>
internal static class GeneratorOverrides
{
    /// <summary>The pod with <paramref name="overrides"/> (JSON text) merged in; null or blank leaves it as it is.</summary>
    public static Pod Apply(Pod pod, string? overrides, string parameter)
    {
        if (string.IsNullOrWhiteSpace(overrides))
        {
            return pod;
        }

        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(overrides);
        }
        catch (JsonException e)
        {
            throw new KubeInputException($"{parameter} is not JSON: {e.Message} Give a JSON object such as '{{\"spec\":{{\"nodeName\":\"node-1\"}}}}', or a hashtable.", parameter);
        }

        if (patch is not JsonObject)
        {
            throw new KubeInputException($"{parameter} must be a JSON object with the fields to change, such as '{{\"spec\":{{\"nodeName\":\"node-1\"}}}}'.", parameter);
        }

        var merged = Merge(JsonNode.Parse(KubeJson.Serialize(pod)), patch) as JsonObject;
        if ((string?)merged?["apiVersion"] != pod.ApiVersion || (string?)merged?["kind"] != pod.Kind)
        {
            throw new KubeInputException($"{parameter} changes the object's apiVersion or kind; the overrides must keep them ({pod.ApiVersion} {pod.Kind}).", parameter);
        }

        Pod result;
        try
        {
            result = KubeJson.Deserialize<Pod>(merged!.ToJsonString())!;
        }
        catch (JsonException e)
        {
            throw new KubeInputException($"{parameter} gives a field a value of the wrong type: {e.Message} Check the field against the Pod's schema (kubectl explain pod).", parameter);
        }

        // kubectl reads the result into its typed Pod and writes that, which always has each container's resources.
        foreach (var container in (result.Spec?.Containers ?? []).Concat(result.Spec?.InitContainers ?? []))
        {
            container.Resources ??= new ResourceRequirements();
        }

        return result;
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else if (value is JsonObject && result[name] is JsonObject existing)
            {
                Merge(existing, value);
            }
            else
            {
                result[name] = Merge(null, value);
            }
        }

        return result;
    }
}

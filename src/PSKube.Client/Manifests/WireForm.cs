using System.Text.Json.Nodes;
using PSKube.Client.Models;

namespace PSKube.Client.Manifests;

/// <summary>
/// An object as `kubectl get -o yaml|json` shows it: the fields the API knows (camelCase, no nulls, none of the
/// display properties the models add) and, unless asked for, without metadata.managedFields, which kubectl has
/// hidden since 1.21 (--show-managed-fields shows them).
/// </summary>
public static class WireForm
{
    public static JsonNode? Of(KubeObject obj, bool includeManagedFields)
    {
        var node = KubeJson.SerializeToNode(obj);
        if (!includeManagedFields && node?["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
        }
        return node;
    }
}

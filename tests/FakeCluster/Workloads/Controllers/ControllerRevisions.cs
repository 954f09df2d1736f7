using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>
/// The rollout history of stateful and daemon sets, as their controllers keep it: one ControllerRevision per pod
/// template (NAME-HASH), numbered in .revision, holding the template as the strategic merge patch kubectl rollout
/// undo sends back (<c>{"spec":{"template":{..., "$patch":"replace"}}}</c>); a template that comes back gets the
/// next number; the oldest beyond revisionHistoryLimit go.
/// </summary>
internal static class ControllerRevisions
{
    private const string HashLabel = "controller.kubernetes.io/hash";

    public static void Record(ControllerClient client, JsonObject set, string hash)
    {
        var ns = ObjectFields.Namespace(set);
        var owned = client.List("controllerrevisions", ns, revision => ObjectFields.IsControlledBy(revision, set));
        var latest = owned.Select(Number).DefaultIfEmpty(0).Max();
        var name = $"{ObjectFields.Name(set)}-{hash}";
        if (owned.FirstOrDefault(revision => ObjectFields.Name(revision) == name) is { } existing)
        {
            if (Number(existing) < latest)
            {
                var renumbered = existing.DeepClone().AsObject();
                renumbered["revision"] = latest + 1;
                client.Update("controllerrevisions", renumbered);
            }
        }
        else
        {
            var template = Sorted(set["spec"]?["template"])?.AsObject() ?? [];
            template["$patch"] = "replace";
            var labels = new JsonObject();
            foreach (var (key, value) in ObjectFields.StringMap(set["spec"]?["template"]?["metadata"]?["labels"]))
            {
                labels[key] = value;
            }
            labels[HashLabel] = hash;
            var annotations = new JsonObject();
            foreach (var (key, value) in ObjectFields.StringMap(set["metadata"]?["annotations"]).Where(a => a.Key != "kubectl.kubernetes.io/last-applied-configuration"))
            {
                annotations[key] = value;
            }
            client.Create("controllerrevisions", new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["name"] = name,
                    ["namespace"] = ns,
                    ["labels"] = labels,
                    ["annotations"] = annotations,
                    ["ownerReferences"] = new JsonArray(ObjectFields.OwnerReference(set)),
                },
                ["data"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = template } },
                ["revision"] = latest + 1,
            });
        }
        var limit = ObjectFields.Long(set["spec"]?["revisionHistoryLimit"], 10);
        var old = client.List("controllerrevisions", ns, revision => ObjectFields.IsControlledBy(revision, set) && ObjectFields.Name(revision) != name)
            .OrderBy(Number).ToList();
        foreach (var revision in old.Take(Math.Max(0, old.Count - (int)limit)))
        {
            client.Delete("controllerrevisions", revision);
        }
    }

    private static long Number(JsonObject revision) => ObjectFields.Long(revision["revision"]);

    // Keys in order and no null fields, as the controllers' Go encoding writes the template.
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}

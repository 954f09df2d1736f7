using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// The defaults the API server fills in on create, so objects read back look as they do on a real cluster
/// (kubectl get -o yaml shows them; controllers and printers rely on them).
/// </summary>
public static class ObjectDefaults
{
    public static void Apply(string kind, JsonObject obj)
    {
        var spec = obj["spec"] as JsonObject;
        switch (kind)
        {
            case "Pod" when spec is not null:
                PodSpec(spec);
                obj["status"] ??= new JsonObject { ["phase"] = "Pending", ["qosClass"] = QosClass(spec) };
                break;
            case "Deployment" when spec is not null:
                spec["replicas"] ??= 1;
                spec["revisionHistoryLimit"] ??= 10;
                spec["progressDeadlineSeconds"] ??= 600;
                var strategy = Ensure(spec, "strategy");
                strategy["type"] ??= "RollingUpdate";
                if ((string?)strategy["type"] == "RollingUpdate")
                {
                    var rolling = Ensure(strategy, "rollingUpdate");
                    rolling["maxUnavailable"] ??= "25%";
                    rolling["maxSurge"] ??= "25%";
                }
                PodTemplate(spec);
                break;
            case "ReplicaSet" or "ReplicationController" when spec is not null:
                spec["replicas"] ??= 1;
                PodTemplate(spec);
                break;
            case "StatefulSet" when spec is not null:
                spec["replicas"] ??= 1;
                spec["podManagementPolicy"] ??= "OrderedReady";
                spec["revisionHistoryLimit"] ??= 10;
                Ensure(spec, "updateStrategy")["type"] ??= "RollingUpdate";
                PodTemplate(spec);
                break;
            case "DaemonSet" when spec is not null:
                spec["revisionHistoryLimit"] ??= 10;
                Ensure(spec, "updateStrategy")["type"] ??= "RollingUpdate";
                PodTemplate(spec);
                break;
            case "Job" when spec is not null:
                JobSpec(spec);
                JobSelector(obj, spec);
                break;
            case "CronJob" when spec is not null:
                spec["concurrencyPolicy"] ??= "Allow";
                spec["suspend"] ??= false;
                spec["successfulJobsHistoryLimit"] ??= 3;
                spec["failedJobsHistoryLimit"] ??= 1;
                if (Ensure(spec, "jobTemplate")["spec"] is JsonObject jobSpec)
                {
                    JobSpec(jobSpec, cronTemplate: true);
                }
                break;
            case "Service":
                ServiceSpec(spec ?? Ensure(obj, "spec"));
                obj["status"] ??= new JsonObject { ["loadBalancer"] = new JsonObject() };
                break;
            case "Namespace":
                Ensure(Ensure(obj, "metadata"), "labels")["kubernetes.io/metadata.name"] = (string?)obj["metadata"]!["name"];
                Ensure(obj, "spec")["finalizers"] ??= new JsonArray("kubernetes");
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case "Secret":
                obj["type"] ??= "Opaque";
                break;
            case "RoleBinding" or "ClusterRoleBinding":
                BindingReferences(obj);
                break;
            case "Ingress":
                obj["status"] ??= new JsonObject { ["loadBalancer"] = new JsonObject() };
                break;
            case "PriorityClass":
                obj["preemptionPolicy"] ??= "PreemptLowerPriority";
                break;
            case "LimitRange" when spec is not null && spec["limits"] is JsonArray items:
                foreach (var item in items.OfType<JsonObject>())
                {
                    LimitRangeItem(item);
                }
                break;
        }
    }

    /// <summary>
    /// A Container item's default limit is its max where unset, and its default request the default limit, else the
    /// min (the API server's LimitRangeItem defaults).
    /// </summary>
    private static void LimitRangeItem(JsonObject item)
    {
        foreach (var field in new[] { "max", "min", "default", "defaultRequest", "maxLimitRequestRatio" })
        {
            QuantitiesAsText(item[field]);
        }
        if ((string?)item["type"] != "Container")
        {
            return;
        }
        foreach (var (from, to) in new[] { ("max", "default"), ("default", "defaultRequest"), ("min", "defaultRequest") })
        {
            foreach (var (resource, quantity) in (item[from] as JsonObject)?.ToList() ?? [])
            {
                if (item[to]?[resource] is null)
                {
                    Ensure(item, to)[resource] = quantity?.DeepClone();
                }
            }
            // By name, as the API server writes a map.
            if (item[to] is JsonObject filled)
            {
                item[to] = new JsonObject(filled.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            }
        }
    }

    private static void JobSpec(JsonObject spec, bool cronTemplate = false)
    {
        spec["parallelism"] ??= 1;
        spec["backoffLimit"] ??= 6;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        if (spec["completions"] is null && !cronTemplate)
        {
            spec["completions"] = 1;
        }
        spec["podReplacementPolicy"] ??= "TerminatingOrFailed";
        PodTemplate(spec);
    }

    /// <summary>
    /// Like the real Job strategy: unless manualSelector is set, select the Job's pods by its uid and label the
    /// pod template with the uid and the job name.
    /// </summary>
    private static void JobSelector(JsonObject job, JsonObject spec)
    {
        if (spec["manualSelector"]?.GetValue<bool>() == true)
        {
            return;
        }
        var uid = (string?)job["metadata"]?["uid"];
        var name = (string?)job["metadata"]?["name"];
        spec["selector"] = new JsonObject
        {
            ["matchLabels"] = new JsonObject { ["batch.kubernetes.io/controller-uid"] = uid },
        };
        var labels = Ensure(Ensure(Ensure(spec, "template"), "metadata"), "labels");
        labels["batch.kubernetes.io/controller-uid"] = uid;
        labels["batch.kubernetes.io/job-name"] = name;
        labels["controller-uid"] = uid;
        labels["job-name"] = name;
    }

    private static void PodTemplate(JsonObject spec)
    {
        if (spec["template"]?["spec"] is JsonObject podSpec)
        {
            PodSpec(podSpec);
        }
    }

    /// <summary>
    /// A quantity written as a YAML number (cpu: 32, cpu: 0.5) is stored as a resource.Quantity always serializes:
    /// a string ("32", "500m"), which is what clients read back.
    /// </summary>
    private static void QuantitiesAsText(JsonNode? quantities)
    {
        if (quantities is not JsonObject byName)
        {
            return;
        }
        foreach (var name in byName.Select(pair => pair.Key).ToList())
        {
            if (byName[name] is JsonValue value && value.TryGetValue<decimal>(out var number))
            {
                byName[name] = decimal.Truncate(number) == number
                    ? number.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
                    : decimal.Ceiling(number * 1000).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "m";
            }
        }
    }

    private static void PodSpec(JsonObject spec)
    {
        spec["restartPolicy"] ??= "Always";
        spec["terminationGracePeriodSeconds"] ??= 30;
        spec["dnsPolicy"] ??= "ClusterFirst";
        spec["securityContext"] ??= new JsonObject();
        spec["schedulerName"] ??= "default-scheduler";
        spec["enableServiceLinks"] ??= true;
        foreach (var listName in new[] { "initContainers", "containers" })
        {
            if (spec[listName] is JsonArray containers)
            {
                foreach (var container in containers.OfType<JsonObject>())
                {
                    Container(container);
                }
            }
        }
    }

    private static void Container(JsonObject container)
    {
        container["resources"] ??= new JsonObject();
        QuantitiesAsText(container["resources"]?["requests"]);
        QuantitiesAsText(container["resources"]?["limits"]);
        if (container["resources"]?["limits"] is JsonObject { Count: > 0 } limits && container["resources"] is JsonObject resources)
        {
            // A limit without a request is also the request, per resource (the API server's pod defaults).
            if (resources["requests"] is not JsonObject requests)
            {
                requests = [];
                resources["requests"] = requests;
            }
            foreach (var (name, limit) in limits)
            {
                requests[name] ??= limit?.DeepClone();
            }
        }
        container["terminationMessagePath"] ??= "/dev/termination-log";
        container["terminationMessagePolicy"] ??= "File";
        container["imagePullPolicy"] ??= ImagePullPolicy((string?)container["image"]);
        if (container["ports"] is JsonArray ports)
        {
            foreach (var port in ports.OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
            }
        }
    }

    /// <summary>Always for :latest or untagged images, else IfNotPresent (digests count as tags).</summary>
    private static string ImagePullPolicy(string? image)
    {
        if (image is null || image.Contains('@', StringComparison.Ordinal))
        {
            return "IfNotPresent";
        }
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        return colon < 0 || image[(colon + 1)..] == "latest" ? "Always" : "IfNotPresent";
    }

    internal static string QosClass(JsonObject spec)
    {
        var containers = (spec["containers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var anyResources = containers.Any(c => c["resources"]?["requests"] is JsonObject { Count: > 0 } || c["resources"]?["limits"] is JsonObject { Count: > 0 });
        if (!anyResources)
        {
            return "BestEffort";
        }
        var guaranteed = containers.All(c =>
            c["resources"]?["limits"] is JsonObject limits && limits["cpu"] is not null && limits["memory"] is not null &&
            (c["resources"]?["requests"] is not JsonObject requests ||
             (Same(requests["cpu"], limits["cpu"]) && Same(requests["memory"], limits["memory"]))));
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private static bool Same(JsonNode? request, JsonNode? limit) => request is null || request.ToJsonString() == limit?.ToJsonString();

    private static void ServiceSpec(JsonObject spec)
    {
        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        spec["ipFamilyPolicy"] ??= "SingleStack";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        spec["internalTrafficPolicy"] ??= "Cluster";
        if (spec["ports"] is JsonArray ports)
        {
            foreach (var port in ports.OfType<JsonObject>())
            {
                port["protocol"] ??= "TCP";
                port["targetPort"] ??= port["port"]?.DeepClone();
            }
        }
    }

    /// <summary>rbac/v1 defaults: an empty roleRef.apiGroup is the RBAC group, as is a User or Group subject's apiGroup.</summary>
    private static void BindingReferences(JsonObject binding)
    {
        if (binding["roleRef"] is JsonObject roleRef && string.IsNullOrEmpty((string?)roleRef["apiGroup"]))
        {
            roleRef["apiGroup"] = "rbac.authorization.k8s.io";
        }
        foreach (var subject in (binding["subjects"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (string.IsNullOrEmpty((string?)subject["apiGroup"]) && (string?)subject["kind"] is "User" or "Group")
            {
                subject["apiGroup"] = "rbac.authorization.k8s.io";
            }
        }
    }

    internal static JsonObject Ensure(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }
        var created = new JsonObject();
        parent[name] = created;
        return created;
    }
}

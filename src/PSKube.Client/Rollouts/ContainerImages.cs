using System.Text.Json.Nodes;
using PSKube.Client.Validation;

namespace PSKube.Client.Rollouts;

/// <summary>
/// The image changes of kubectl set image: <c>container=image</c> pairs, or <c>*=image</c> for every container
/// (init containers included, as kubectl does), checked before any request. <see cref="Plan"/> turns them into a
/// strategic merge patch of only the containers whose image changes, wherever the kind keeps its pod template.
/// </summary>
public sealed class ContainerImages
{
    /// <summary>The container name that stands for every container.</summary>
    public const string All = "*";

    private ContainerImages(IReadOnlyList<KeyValuePair<string, string>> pairs) => Pairs = pairs;

    /// <summary>Container name to image, in the order typed.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>Reads <c>NAME=IMAGE</c> texts (<c>nginx=nginx:1.27</c>, <c>*=busybox</c>).</summary>
    /// <exception cref="KubeInputException">A text is not a pair, an image is not a valid reference, a container is named twice, or * comes with other pairs.</exception>
    public static ContainerImages Parse(IEnumerable<string> pairs, string parameter)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var read = new List<KeyValuePair<string, string>>();
        foreach (var text in pairs)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == text.Length - 1)
            {
                throw new KubeInputException($"\"{text}\" is not a container=image pair: write NAME=IMAGE (nginx=nginx:1.27), or *=IMAGE for every container.", parameter);
            }
            read.Add(new(text[..equals], text[(equals + 1)..]));
        }
        return Of(read, parameter);
    }

    /// <summary>The pairs of a table (<c>@{nginx='nginx:1.27'}</c>), checked as <see cref="Parse"/> checks them.</summary>
    /// <exception cref="KubeInputException">As for <see cref="Parse"/>.</exception>
    public static ContainerImages Of(IEnumerable<KeyValuePair<string, string>> pairs, string parameter)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var read = pairs.ToList();
        if (read.Count == 0)
        {
            throw new KubeInputException("Give at least one container=image pair (nginx=nginx:1.27).", parameter);
        }
        foreach (var (container, image) in read)
        {
            if (string.IsNullOrEmpty(container) || string.IsNullOrEmpty(image))
            {
                throw new KubeInputException($"\"{container}={image}\" is not a container=image pair: both the container name and the image are needed.", parameter);
            }
            if (!ImageReference.IsValid(image))
            {
                throw new KubeInputException($"\"{image}\" (for container {container}) is not a valid image reference: {ImageReference.InvalidFormat}. Write it as [registry/]repository[:tag][@digest].", parameter);
            }
        }
        if (read.GroupBy(pair => pair.Key, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } twice)
        {
            throw new KubeInputException($"Container \"{twice.Key}\" is given more than one image; give each container once.", parameter);
        }
        if (read.Count > 1 && read.Any(pair => pair.Key == All))
        {
            throw new KubeInputException("All containers are already named by *; give either *=IMAGE alone or container=image pairs.", parameter);
        }
        return new ContainerImages(read);
    }

    /// <summary>
    /// The strategic merge patch that gives <paramref name="obj"/> (the JSON of a pod, deployment, replica set, stateful
    /// set, daemon set, job or cron job) these images: only containers whose image differs, by name; null when every
    /// container already runs its image.
    /// </summary>
    /// <exception cref="ContainerNotFoundException">A named container is in neither the containers nor the init containers.</exception>
    /// <exception cref="ArgumentException">The kind has no pod template.</exception>
    public JsonObject? Plan(JsonObject obj, string kind)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var path = PodSpecPath(kind);
        var podSpec = path.Aggregate((JsonNode?)obj, (node, field) => node?[field]) as JsonObject;
        var lists = new[] { "initContainers", "containers" }
            .Select(list => (List: list, Containers: (podSpec?[list] as JsonArray)?.OfType<JsonObject>().ToList() ?? []))
            .ToList();
        var missing = Pairs.Select(pair => pair.Key)
            .Where(container => container != All && !lists.Any(l => l.Containers.Any(c => (string?)c["name"] == container)))
            .ToList();
        if (missing.Count > 0)
        {
            var existing = lists.SelectMany(l => l.Containers).Select(c => (string?)c["name"] ?? "").ToList();
            throw new ContainerNotFoundException(missing, existing);
        }
        var changes = new JsonObject();
        foreach (var (list, containers) in lists)
        {
            var changed = new JsonArray();
            foreach (var container in containers)
            {
                var name = (string?)container["name"];
                var image = Pairs.FirstOrDefault(pair => pair.Key == name || pair.Key == All).Value;
                if (image is not null && (string?)container["image"] != image)
                {
                    changed.Add(new JsonObject { ["name"] = name, ["image"] = image });
                }
            }
            if (changed.Count > 0)
            {
                changes[list] = changed;
            }
        }
        if (changes.Count == 0)
        {
            return null;
        }
        JsonNode patch = changes;
        foreach (var field in path.AsEnumerable().Reverse())
        {
            patch = new JsonObject { [field] = patch };
        }
        return (JsonObject)patch;
    }

    /// <summary>The kinds set image works on, as kubectl: those that hold a pod template, and pods.</summary>
    public static bool HasPodTemplate(string kind) => kind is "Pod" or "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "CronJob" or "ReplicationController";

    private static string[] PodSpecPath(string kind) => kind switch
    {
        "Pod" => ["spec"],
        "CronJob" => ["spec", "jobTemplate", "spec", "template", "spec"],
        _ when HasPodTemplate(kind) => ["spec", "template", "spec"],
        _ => throw new ArgumentException($"A {kind} has no containers whose image could be set; set images on pods, deployments, replica sets, stateful sets, daemon sets, jobs or cron jobs.", nameof(kind)),
    };
}

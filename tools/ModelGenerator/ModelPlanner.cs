using System.Text.Json;

namespace PSKube.ModelGenerator;

/// <summary>
/// Decides which schema definitions become classes (those reachable from the roots), what they are called,
/// and the C# type of each property. Schema shapes it does not understand stop the run instead of guessing.
/// </summary>
internal sealed class ModelPlanner(JsonElement definitions)
{
    private const string ReferencePrefix = "#/definitions/";
    private const string ObjectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    // Wire properties KubeObject already declares.
    private static readonly HashSet<string> KubeObjectWireNames = ["apiVersion", "kind", "metadata"];

    // Members of KubeObject that a kind's own property must not hide.
    private static readonly HashSet<string> KubeObjectMembers = ["ApiVersion", "Kind", "Metadata", "Name", "Namespace", "Age", "Created"];

    // Wire properties whose C# name would take the name of a display property: kubectl's STATUS column is a
    // string people filter on (Where-Object Status -eq Running), so the status object goes by another name there.
    private static readonly Dictionary<string, string> RenamedProperties = new(StringComparer.Ordinal)
    {
        ["io.k8s.api.core.v1.Pod.status"] = "PodStatus",
        ["io.k8s.api.core.v1.Namespace.status"] = "NamespaceStatus",
        ["io.k8s.api.batch.v1.Job.status"] = "JobStatus",
        ["io.k8s.api.core.v1.Node.status"] = "NodeStatus",
        ["io.k8s.api.core.v1.PersistentVolumeClaim.status"] = "PersistentVolumeClaimStatus",
    };

    // Definitions with a hand-written representation instead of a generated class.
    private static readonly Dictionary<string, MappedType> SpecialDefinitions = new(StringComparer.Ordinal)
    {
        ["io.k8s.apimachinery.pkg.api.resource.Quantity"] = new("string", IsValueType: false, "QuantityJsonConverter"),
        ["io.k8s.apimachinery.pkg.util.intstr.IntOrString"] = new("IntOrString", IsValueType: true),
        ["io.k8s.apimachinery.pkg.apis.meta.v1.Time"] = new("DateTimeOffset", IsValueType: true, "TimeJsonConverter"),
        ["io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"] = new("DateTimeOffset", IsValueType: true, "MicroTimeJsonConverter"),
        // managedFields' field sets stay the bytes of their JSON until read: a list of objects carries many, and a
        // tree of each was most of what decoding a list cost.
        ["io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1"] = new("FieldsV1", IsValueType: false),
    };

    private static readonly MappedType FreeForm = new("JsonNode", IsValueType: false);

    public IReadOnlyList<ModelClass> Plan(IEnumerable<string> rootDefinitions)
    {
        var reachable = FindReachableClasses(rootDefinitions);
        var classNames = TypeNaming.AssignClassNames(reachable);
        return [.. reachable.Select(definition => BuildClass(definition, classNames)).OrderBy(model => model.Name, StringComparer.Ordinal)];
    }

    private SortedSet<string> FindReachableClasses(IEnumerable<string> rootDefinitions)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(rootDefinitions);
        while (pending.TryDequeue(out var definitionName))
        {
            if (!IsClass(definitionName))
            {
                throw new InvalidDataException($"Root definition {definitionName} has no properties to generate.");
            }

            if (!found.Add(definitionName))
            {
                continue;
            }

            foreach (var property in Definition(definitionName).GetProperty("properties").EnumerateObject())
            {
                foreach (var reference in References(property.Value).Where(IsClass))
                {
                    pending.Enqueue(reference);
                }
            }
        }

        return found;
    }

    private ModelClass BuildClass(string definitionName, IReadOnlyDictionary<string, string> classNames)
    {
        var className = classNames[definitionName];
        var isKubeObject = IsKubeObject(definitionName);
        var usedNames = new HashSet<string>(StringComparer.Ordinal) { "ExtensionData" };
        var properties = new List<ModelProperty>();
        var schemaProperties = Definition(definitionName).GetProperty("properties").EnumerateObject()
            .OrderBy(property => property.Name, StringComparer.Ordinal);
        foreach (var property in schemaProperties)
        {
            if (isKubeObject && KubeObjectWireNames.Contains(property.Name))
            {
                continue;
            }

            var name = RenamedProperties.GetValueOrDefault($"{definitionName}.{property.Name}") ?? TypeNaming.ToIdentifier(property.Name);
            if (name == className)
            {
                // C# forbids a member named like its enclosing type (Status.status, ContainerPort.containerPort).
                name += "Value";
            }

            if (!usedNames.Add(name) || (isKubeObject && KubeObjectMembers.Contains(name)))
            {
                throw new InvalidDataException($"{definitionName}.{property.Name} maps to the property name {name}, which is already taken.");
            }

            var type = Map(property.Value, classNames, $"{definitionName}.{property.Name}");
            properties.Add(new ModelProperty(property.Name, name, type.Nullable, type.ConverterType));
        }

        return new ModelClass(className, definitionName, isKubeObject, properties);
    }

    private MappedType Map(JsonElement schema, IReadOnlyDictionary<string, string> classNames, string location)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var definitionName = DefinitionNameOf(reference);
            if (SpecialDefinitions.TryGetValue(definitionName, out var special))
            {
                return special;
            }

            // Definitions without properties (RawExtension, JSON) are free-form or plain scalars.
            return IsClass(definitionName)
                ? new MappedType(classNames[definitionName], IsValueType: false)
                : Map(Definition(definitionName), classNames, definitionName);
        }

        if (schema.TryGetProperty("allOf", out _) || schema.TryGetProperty("oneOf", out _) || schema.TryGetProperty("anyOf", out _))
        {
            throw new NotSupportedException($"{location}: schema combinators are not supported.");
        }

        var type = schema.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        var format = schema.TryGetProperty("format", out var formatElement) ? formatElement.GetString() : null;
        return type switch
        {
            "string" when format == "int-or-string" => SpecialDefinitions["io.k8s.apimachinery.pkg.util.intstr.IntOrString"],
            // format byte (Secret.data) stays base64 text: lossless and simple.
            "string" => new MappedType("string", IsValueType: false),
            "integer" when format == "int32" => new MappedType("int", IsValueType: true),
            "integer" => new MappedType("long", IsValueType: true),
            "number" => new MappedType("double", IsValueType: true),
            "boolean" => new MappedType("bool", IsValueType: true),
            "array" => new MappedType($"List<{ElementType(schema.GetProperty("items"), classNames, location)}>", IsValueType: false),
            // Maps of quantities (requests, capacity) read numbers as the API server does, with a converter of the whole map.
            "object" when schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object =>
                Map(values, classNames, location).ConverterType == "QuantityJsonConverter"
                    ? new MappedType("Dictionary<string, string>", IsValueType: false, "QuantityMapJsonConverter")
                    : new MappedType($"Dictionary<string, {ElementType(values, classNames, location)}>", IsValueType: false),
            "object" when !schema.TryGetProperty("properties", out _) => FreeForm,
            null => FreeForm,
            _ => throw new NotSupportedException($"{location}: schema type '{type}' is not supported."),
        };
    }

    private string ElementType(JsonElement schema, IReadOnlyDictionary<string, string> classNames, string location)
    {
        // A converted type (a time) inside a list or map stays its RFC 3339 text: lossless, and System.Text.Json
        // cannot put a property's converter on elements (only PodDisruptionBudget's status.disruptedPods has one).
        var element = Map(schema, classNames, location);
        return element.ConverterType is null ? element.Name : "string";
    }

    private bool IsClass(string definitionName) =>
        !SpecialDefinitions.ContainsKey(definitionName) && Definition(definitionName).TryGetProperty("properties", out _);

    // A kind whose apiVersion, kind and metadata match KubeObject's, so it can derive from it.
    private bool IsKubeObject(string definitionName)
    {
        var properties = Definition(definitionName).GetProperty("properties");
        return properties.TryGetProperty("apiVersion", out _)
            && properties.TryGetProperty("kind", out _)
            && properties.TryGetProperty("metadata", out var metadata)
            && metadata.TryGetProperty("$ref", out var reference)
            && DefinitionNameOf(reference) == ObjectMetaDefinition;
    }

    private JsonElement Definition(string definitionName) =>
        definitions.TryGetProperty(definitionName, out var definition)
            ? definition
            : throw new InvalidDataException($"The schema has no definition {definitionName}.");

    private static IEnumerable<string> References(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            yield return DefinitionNameOf(reference);
        }

        if (schema.TryGetProperty("items", out var items))
        {
            foreach (var nested in References(items))
            {
                yield return nested;
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var nested in References(values))
            {
                yield return nested;
            }
        }
    }

    private static string DefinitionNameOf(JsonElement reference)
    {
        var target = reference.GetString() ?? string.Empty;
        return target.StartsWith(ReferencePrefix, StringComparison.Ordinal)
            ? target[ReferencePrefix.Length..]
            : throw new NotSupportedException($"Only local references are supported, got '{target}'.");
    }
}

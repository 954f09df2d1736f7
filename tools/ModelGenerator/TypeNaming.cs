using System.Text;

namespace PSKube.ModelGenerator;

/// <summary>Turns schema names into C# identifiers, deterministically.</summary>
internal static class TypeNaming
{
    // Hand-written model types and names the generated code uses unqualified: a generated class
    // with one of these names would clash or change what the name binds to.
    private static readonly HashSet<string> ReservedTypeNames =
    [
        "KubeObject", "GenericKubeObject", "KubeList", "KubeJson", "KubeJsonContext", "IntOrString", "FieldsV1", "FieldsV1JsonConverter",
        "IntOrStringJsonConverter", "QuantityJsonConverter", "QuantityMapJsonConverter", "KubeTimestampJsonConverter", "TimeJsonConverter", "MicroTimeJsonConverter",
        "List", "Dictionary", "DateTimeOffset", "JsonNode", "JsonElement", "JsonConverter", "JsonPropertyName",
        "JsonExtensionData", "JsonSerializable",
    ];

    /// <summary>
    /// The last segment of each definition name (<c>io.k8s.api.core.v1.PodSpec</c> -> <c>PodSpec</c>); when two
    /// definitions share it, both get their group and version in front (<c>AutoscalingV1ScaleSpec</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> AssignClassNames(IReadOnlyCollection<string> definitionNames)
    {
        var byShortName = definitionNames.ToLookup(ShortName, StringComparer.Ordinal);
        var classNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definitionName in definitionNames.Order(StringComparer.Ordinal))
        {
            var shortName = ShortName(definitionName);
            var className = byShortName[shortName].Count() > 1 || ReservedTypeNames.Contains(shortName)
                ? GroupVersionPrefix(definitionName) + shortName
                : shortName;
            if (!taken.Add(className))
            {
                throw new InvalidDataException($"Definition {definitionName} maps to the class name {className}, which is already taken.");
            }

            classNames.Add(definitionName, className);
        }

        return classNames;
    }

    /// <summary>A PascalCase identifier from a wire name: <c>hostIP</c> -> <c>HostIP</c>, <c>$ref</c> -> <c>Ref</c>.</summary>
    public static string ToIdentifier(string wireName)
    {
        var identifier = new StringBuilder(wireName.Length);
        var startOfWord = true;
        foreach (var character in wireName)
        {
            if (!char.IsAsciiLetterOrDigit(character))
            {
                startOfWord = true;
                continue;
            }

            identifier.Append(startOfWord ? char.ToUpperInvariant(character) : character);
            startOfWord = false;
        }

        if (identifier.Length == 0 || char.IsAsciiDigit(identifier[0]))
        {
            identifier.Insert(0, "Field");
        }

        return identifier.ToString();
    }

    private static string ShortName(string definitionName) => definitionName[(definitionName.LastIndexOf('.') + 1)..];

    private static string GroupVersionPrefix(string definitionName)
    {
        var segments = definitionName.Split('.');
        if (segments.Length < 3)
        {
            throw new InvalidDataException($"Definition {definitionName} has no group and version to tell it apart.");
        }

        return ToIdentifier(segments[^3]) + ToIdentifier(segments[^2]);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// kubectl's --append-hash suffix: the first 10 hex digits of the SHA-256 of the object's kind, name, type and
/// content as Go's JSON, with 0, 1, 3, a and e swapped for letters so the suffix never reads as a word or a number.
/// </summary>
public static class NameHash
{
    /// <summary>The suffix for a ConfigMap of <paramref name="name"/> with this content.</summary>
    public static string ConfigMap(string name, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, byte[]> binaryData)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(binaryData);
        var members = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = GoJson.String("ConfigMap"),
            ["name"] = GoJson.String(name),
            ["data"] = GoJson.StringMap(data),
        };
        if (binaryData.Count > 0)
        {
            members["binaryData"] = GoJson.BytesMap(binaryData);
        }

        return Encode(GoJson.Object(members));
    }

    /// <summary>The suffix for a Secret of <paramref name="name"/> and <paramref name="type"/> (empty when none) with this content.</summary>
    public static string Secret(string name, string type, IReadOnlyDictionary<string, byte[]> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Encode(GoJson.Object(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = GoJson.String("Secret"),
            ["type"] = GoJson.String(type),
            ["name"] = GoJson.String(name),
            ["data"] = GoJson.BytesMap(data),
        }));
    }

    private static string Encode(string json)
    {
        var hex = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant();
        return new string(hex[..10].Select(c => c switch
        {
            '0' => 'g',
            '1' => 'h',
            '3' => 'k',
            'a' => 'm',
            'e' => 't',
            _ => c,
        }).ToArray());
    }
}

using System.Text;

namespace PSKube.Client.Models;

/// <summary>
/// A Secret with its values decoded to text, asked for explicitly (Get-KubeSecret -AsPlainText, as SecretManagement's
/// Get-Secret -AsPlainText): <c>Data</c> maps each key to its text. The views show the keys, never the values.
/// </summary>
public sealed class DecodedSecret
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private DecodedSecret(Secret secret, IReadOnlyDictionary<string, string> data, IReadOnlyList<string> notText)
    {
        Secret = secret;
        Data = data;
        NotText = notText;
    }

    /// <summary>The secret as read, values still base64 as the API holds them.</summary>
    public Secret Secret { get; }

    /// <summary>Each key's value as text (UTF-8), keys in order.</summary>
    public IReadOnlyDictionary<string, string> Data { get; }

    /// <summary>The keys whose values are bytes that are not UTF-8 text, left out of <see cref="Data"/>.</summary>
    public IReadOnlyList<string> NotText { get; }

    public string? Name => Secret.Name;

    public string? Namespace => Secret.Namespace;

    public string? Type => Secret.Type;

    /// <summary>The DATA column: how many keys the secret holds.</summary>
    public int DataCount => Secret.DataCount;

    public KubeDuration? Age => Secret.Age;

    /// <summary>Decodes every value of <paramref name="secret"/> that is text.</summary>
    public static DecodedSecret From(Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var notText = new List<string>();
        foreach (var key in (secret.Data?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal))
        {
            if (TryText(secret, key, out var text))
            {
                data[key] = text;
            }
            else
            {
                notText.Add(key);
            }
        }

        return new DecodedSecret(secret, data, notText);
    }

    /// <summary>
    /// The text of <paramref name="key"/>: false when the key is missing or its value is not UTF-8 text
    /// (<paramref name="text"/> is then empty).
    /// </summary>
    public static bool TryText(Secret secret, string key, out string text)
    {
        ArgumentNullException.ThrowIfNull(secret);
        text = string.Empty;
        if (secret.Data?.TryGetValue(key, out var encoded) != true || encoded is null)
        {
            return false;
        }

        try
        {
            text = StrictUtf8.GetString(Convert.FromBase64String(encoded));
            return true;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }
}

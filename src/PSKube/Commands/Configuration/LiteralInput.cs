using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security;
using PSKube.Client.Validation;

namespace PSKube.Commands.Configuration;

/// <summary>
/// -FromLiteral's items as the generators take them: KEY=VALUE text as kubectl's --from-literal, and hashtables of
/// keys to text or SecureString values (the way to give a secret value without typing it into the command line).
/// </summary>
internal static class LiteralInput
{
    public const string Parameter = "-FromLiteral";

    public static (List<string> Entries, List<KeyValuePair<string, string>> Pairs) Split(object[]? items)
    {
        var entries = new List<string>();
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var item in items ?? [])
        {
            switch (Unwrapped(item))
            {
                case string entry:
                    entries.Add(entry);
                    break;
                case IDictionary table:
                    foreach (DictionaryEntry pair in table)
                    {
                        pairs.Add(KeyValuePair.Create(Unwrapped(pair.Key)?.ToString() ?? string.Empty, Text(pair.Key, Unwrapped(pair.Value))));
                    }

                    break;
                default:
                    throw new KubeInputException(
                        $"{Parameter} takes KEY=VALUE text or a hashtable, not a {Unwrapped(item)?.GetType().Name ?? "null"}. Give e.g. 'mode=fast' or @{{ password = (Read-Host -AsSecureString) }}.",
                        Parameter);
            }
        }

        return (entries, pairs);
    }

    /// <summary>A SecureString's text, at the last moment, to send it.</summary>
    public static string? Plain(SecureString? secure) => secure is null ? null : new NetworkCredential(string.Empty, secure).Password;

    private static string Text(object key, object? value) => value switch
    {
        null => string.Empty,
        SecureString secure => Plain(secure)!,
        string text => text,
        IFormattable or bool or char => LanguagePrimitives.ConvertTo<string>(value),
        _ => throw new KubeInputException(
            $"The value of '{key}' in {Parameter} is a {value.GetType().Name}. Give text or a SecureString (for a file, use -FromFile).",
            Parameter),
    };

    private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}

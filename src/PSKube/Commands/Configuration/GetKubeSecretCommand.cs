using System.Management.Automation;
using System.Security;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Configuration;

/// <summary>
/// Get-KubeSecret: secrets by name (wildcards), selector or field selector (kubectl get secrets). Values stay as
/// the API holds them (base64, never shown by the views) unless asked for: -Key gives one value as a SecureString,
/// -AsPlainText gives text (as SecretManagement's Get-Secret does).
/// </summary>
[Cmdlet(VerbsCommon.Get, "KubeSecret")]
[OutputType(typeof(Secret), typeof(DecodedSecret), typeof(SecureString), typeof(string))]
public sealed class GetKubeSecretCommand : GetKubeObjectCmdlet<Secret>
{
    /// <summary>Output this key's value instead of the secret: a SecureString, or text with -AsPlainText.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Key { get; set; }

    /// <summary>Decode the values to text: with -Key that value as a string, else the secret with Data holding each value's text.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("secrets")!;

    protected override object? Presented(KubeObject obj)
    {
        var secret = (Secret)obj;
        if (Key is null)
        {
            if (!AsPlainText)
            {
                return secret;
            }

            var decoded = DecodedSecret.From(secret);
            foreach (var key in decoded.NotText)
            {
                WriteNotText(secret, key);
            }

            return decoded;
        }

        if (secret.Data?.ContainsKey(Key) != true)
        {
            var keys = secret.Data is { Count: > 0 } data ? "Its keys: " + string.Join(", ", data.Keys.Order(StringComparer.Ordinal)) + "." : "It has no keys.";
            WriteError(new ErrorRecord(
                new ItemNotFoundException($"{Describe("secret", secret.Name ?? "", secret.Namespace)} has no key '{Key}'. {keys}"),
                "SecretKeyNotFound", ErrorCategory.ObjectNotFound, secret));
            return null;
        }

        if (!DecodedSecret.TryText(secret, Key, out var text))
        {
            WriteNotText(secret, Key);
            return null;
        }

        return AsPlainText ? text : SecureTextTransformationAttribute.Secure(text);
    }

    private void WriteNotText(Secret secret, string key) =>
        WriteError(new ErrorRecord(
            new InvalidDataException($"The value of '{key}' in {Describe("secret", secret.Name ?? "", secret.Namespace)} is bytes, not UTF-8 text, so it cannot be given as text. Read its base64 from (Get-KubeSecret {secret.Name}).Data['{key}'] and decode it with [Convert]::FromBase64String."),
            "SecretValueNotText", ErrorCategory.InvalidData, secret));
}

using System.Management.Automation;
using System.Security;

namespace PSKube.Validation;

/// <summary>
/// Lets a SecureString parameter (-DockerPassword) take plain text too, as scripts that read a token from a
/// variable have it; a SecureString from Read-Host -AsSecureString or Get-Credential passes as it is.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecureTextTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        return (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text ? Secure(text) : inputData;
    }

    /// <summary>Text as a read-only SecureString.</summary>
    internal static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}

using System.Management.Automation;

namespace PSKube.Validation;

/// <summary>
/// Spells a value the way the API server wants it (<c>never</c> becomes <c>Never</c>): PowerShell users expect
/// ValidateSet values to take any case, while Kubernetes enums are case-sensitive. Other values pass unchanged, for
/// ValidateSet to refuse.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class CanonicalSpellingAttribute(params string[] values) : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var text = (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) as string;
        return values.FirstOrDefault(value => string.Equals(value, text, StringComparison.OrdinalIgnoreCase)) ?? inputData;
    }
}

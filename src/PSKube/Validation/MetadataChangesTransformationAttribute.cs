using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace PSKube.Validation;

/// <summary>
/// Lets a label or annotation change parameter take a hashtable (<c>@{ color = 'red'; team = $null }</c>) besides
/// kubectl's words (<c>color=red team-</c>): each entry becomes KEY=VALUE, a $null value KEY- (remove).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MetadataChangesTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not IDictionary table)
        {
            return inputData;
        }
        return table.Cast<DictionaryEntry>()
            .Select(entry => entry.Value is null
                ? $"{Text(entry.Key)}-"
                : $"{Text(entry.Key)}={Text(entry.Value is PSObject inner ? inner.BaseObject : entry.Value)}")
            .ToArray();
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}

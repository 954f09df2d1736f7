using System.Collections;
using System.Management.Automation;
using PSKube.Client.Selectors;

namespace PSKube.Validation;

/// <summary>
/// Lets a labels parameter take kubectl's text (<c>app=web,tier=front</c>; unquoted, PowerShell passes that as two
/// words) as well as a hashtable; text is turned into labels here, so ValidateLabels then checks either form.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class LabelsTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        var text = value switch
        {
            string one => one,
            IEnumerable words and not IDictionary when words.Cast<object?>().All(word => (word is PSObject w ? w.BaseObject : word) is string) =>
                string.Join(",", words.Cast<object>()),
            _ => null,
        };
        if (text is null)
        {
            return inputData;
        }
        try
        {
            return LabelSelector.Parse(text).ToLabels();
        }
        catch (LabelSelectorException e)
        {
            throw new ArgumentTransformationMetadataException($"'{text}' cannot be read as labels: {e.Message}. Write them as key=value pairs joined by commas, e.g. 'app=web,tier=front', or as a hashtable, e.g. @{{ app = 'web' }}.", e);
        }
    }
}

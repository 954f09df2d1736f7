using System.Collections;
using System.Management.Automation;
using PSKube.Client.Validation;

namespace PSKube.Validation;

/// <summary>Checks labels given as a hashtable (<c>@{ app = 'web' }</c>) at parameter binding, before any request.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateLabelsAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var labels = arguments as IDictionary ?? throw new ValidationMetadataException("Give labels as a hashtable, e.g. @{ app = 'web'; tier = 'front' }.");
        var errors = LabelValidation.Validate(labels);
        if (errors.Count > 0)
        {
            throw new ValidationMetadataException($"Invalid labels: {string.Join("; ", errors)}.");
        }
    }
}

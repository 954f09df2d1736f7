using System.Management.Automation;
using PSKube.Client.Selectors;

namespace PSKube.Validation;

/// <summary>Checks a field selector (<c>status.phase=Running</c>) at parameter binding, before any request.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateFieldSelectorAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        try
        {
            FieldSelector.Parse(arguments as string ?? string.Empty);
        }
        catch (FieldSelectorException e)
        {
            throw new ValidationMetadataException($"{e.Message} Write a field selector as field=value or field!=value, joined by commas.", e);
        }
    }
}

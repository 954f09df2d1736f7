using System.Management.Automation;
using PSKube.Client.Selectors;

namespace PSKube.Validation;

/// <summary>Checks a label selector (<c>app=web,tier!=db</c>) at parameter binding, before any request.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateLabelSelectorAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        try
        {
            LabelSelector.Parse(arguments as string ?? string.Empty);
        }
        catch (LabelSelectorException e)
        {
            throw new ValidationMetadataException($"{e.Message} Write a selector as key=value, key!=value, 'key in (a,b)', key or !key, joined by commas.", e);
        }
    }
}

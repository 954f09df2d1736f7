using System.Globalization;
using System.Management.Automation;
using PSKube.Client.Scheduling;

namespace PSKube.Validation;

/// <summary>
/// Lets a TimeSpan parameter take what users type: a TimeSpan, a number of seconds (PowerShell alone would read
/// 30 as 30 ticks), or text such as <c>90s</c>, <c>5m</c> or <c>00:01:30</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        try
        {
            return value switch
            {
                TimeSpan span when span >= TimeSpan.Zero => span,
                TimeSpan => throw new FormatException("A duration must be zero or more."),
                string text => DurationText.Parse(text),
                IConvertible number and not bool => DurationText.Parse(Convert.ToString(number, CultureInfo.InvariantCulture)!),
                _ => throw new FormatException("Give a duration as seconds (30), text such as 90s or 5m, or a TimeSpan."),
            };
        }
        catch (FormatException e)
        {
            throw new ArgumentTransformationMetadataException(e.Message, e);
        }
    }
}

using System.Management.Automation;
using PSKube.Client.Scheduling;

namespace PSKube.Validation;

/// <summary>
/// Checks a CronJob schedule (<c>*/5 * * * *</c>, <c>@daily</c>) at parameter binding, as the API server would, so a
/// mistake is reported before any request with what is wrong in which field.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateCronScheduleAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        try
        {
            CronSchedule.Parse(arguments as string ?? string.Empty);
        }
        catch (CronScheduleException e)
        {
            throw new ValidationMetadataException(e.Message, e);
        }
    }
}

using System.Management.Automation;
using PSKube.Client.Apply;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Commands.Common;

/// <summary>
/// The base of the server-side apply cmdlets (Set-KubeResource, Compare-KubeResource): manifest input, -Force
/// (kubectl --force-conflicts) and the one error for fields other managers own (id ApplyConflict).
/// </summary>
public abstract class ApplyManifestCmdlet : ManifestInputCmdlet
{
    /// <summary>Take over fields that other managers own (kubectl --force-conflicts) instead of failing with a conflict.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The options of an apply as field manager pskube.</summary>
    protected ApplyOptions Options(bool dryRun) => new() { Force = Force, DryRun = dryRun };

    /// <summary>
    /// Runs one apply call for the object: fields other managers own are one ApplyConflict error listing each with
    /// its manager, other failures the usual error naming the origin. False after an error.
    /// </summary>
    protected bool TryApply(KubeObject obj, ResourceDefinition resource, ManifestOrigin origin, Action call)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(call);
        return TryManifestApi(obj, origin, () =>
        {
            try
            {
                call();
            }
            catch (KubeApplyConflictException e)
            {
                var objectName = $"{resource.Singular}{(resource.Group.Length == 0 ? "" : "." + resource.Group)}/{obj.Name}";
                var message = $"{origin}: {ApplyConflictReport.Describe(objectName, e.Causes)}";
                WriteError(new ErrorRecord(e, "ApplyConflict", ErrorCategory.ResourceBusy, obj)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Add -Force to take the fields over, or remove them from the manifest." },
                });
            }
            catch (ArgumentException e)
            {
                // An object without a name (generateName only): apply needs one.
                WriteError(new ErrorRecord(e, "ApplyNeedsName", ErrorCategory.InvalidArgument, obj)
                {
                    ErrorDetails = new ErrorDetails($"{origin}: {e.Message}") { RecommendedAction = "Give the object a metadata.name, or create it with New-KubeResource." },
                });
            }
        });
    }
}

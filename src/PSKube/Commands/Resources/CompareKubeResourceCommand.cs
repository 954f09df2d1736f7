using System.Management.Automation;
using PSKube.Client.Apply;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Commands.Common;

namespace PSKube.Commands.Resources;

/// <summary>
/// Compare-KubeResource: kubectl diff. For each object of the manifests, what Set-KubeResource would change, from a
/// server dry run of the apply compared with the live object: one ResourceComparison per object that would change
/// (its unified diff and its changed fields), or with -Quiet one boolean for all, true when anything would change.
/// </summary>
[Cmdlet(VerbsData.Compare, "KubeResource", DefaultParameterSetName = PathSet)]
[OutputType(typeof(ResourceComparison), typeof(bool))]
public sealed class CompareKubeResourceCommand : ApplyManifestCmdlet
{
    private bool _anyChange;

    /// <summary>Write one boolean instead of the comparisons: $true when applying would change anything.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>Write a comparison for unchanged objects too (Changed is $false, the diff empty).</summary>
    [Parameter]
    public SwitchParameter IncludeUnchanged { get; set; }

    protected override void ProcessManifestObject(KubeObject obj, ManifestOrigin origin)
    {
        if (ResolveManifestKind(obj, origin) is not { } resource || !ResolveManifestNamespace(obj, resource, origin, out _))
        {
            return;
        }
        TryApply(obj, resource, origin, () =>
        {
            var comparison = Await(token => Client.CompareResourceAsync(resource, obj, Options(dryRun: true), token));
            _anyChange |= comparison.Changed;
            if (!Quiet && (comparison.Changed || IncludeUnchanged))
            {
                WriteObject(comparison);
            }
        });
    }

    protected override void EndProcessing()
    {
        base.EndProcessing();
        if (Quiet)
        {
            WriteObject(_anyChange);
        }
    }
}

using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Commands.Common;

namespace PSKube.Commands.Resources;

/// <summary>
/// Set-KubeResource: kubectl apply -f, server-side as field manager pskube. Each object of the manifests is created
/// when missing, else changed to what the manifest says; fields the manifest no longer sets are removed, including
/// on objects kubectl applied before (its managers are handed over first). Fields other managers own are an
/// ApplyConflict error unless -Force. Each applied object is written, typed by its kind. -WhatIf asks the server for a
/// dry run.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KubeResource", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(KubeObject))]
public sealed class SetKubeResourceCommand : ApplyManifestCmdlet
{
    protected override void ProcessManifestObject(KubeObject obj, ManifestOrigin origin)
    {
        if (ResolveManifestKind(obj, origin) is not { } resource || !ResolveManifestNamespace(obj, resource, origin, out _))
        {
            return;
        }
        if (!ShouldChange(DescribeManifestObject(obj, resource, origin), "Apply", () => TryApply(obj, resource, origin, () =>
                Await(token => Client.ApplyResourceAsync(resource, obj, Options(dryRun: true), token)))))
        {
            return;
        }
        TryApply(obj, resource, origin, () =>
        {
            var outcome = Await(token => Client.ApplyResourceAsync(resource, obj, Options(dryRun: false), token));
            if (outcome.TookOverFrom.Count > 0)
            {
                WriteVerbose($"{resource.Singular}/{obj.Name}: took over the fields of {string.Join(", ", outcome.TookOverFrom)} (an earlier kubectl apply).");
            }
            WriteVerbose($"{resource.Singular}/{obj.Name} {(outcome.Created ? "created" : outcome.Changed ? "configured" : "unchanged")}");
            WriteObject(outcome.Applied);
        });
    }
}

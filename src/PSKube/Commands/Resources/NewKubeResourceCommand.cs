using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Commands.Common;

namespace PSKube.Commands.Resources;

/// <summary>
/// New-KubeResource: kubectl create -f. Creates each object of the manifests (files, directories, piped text or
/// objects) in its own namespace, else -Namespace, else the context's; a generateName gets a new name each time.
/// Each created object is written, typed by its kind; a document that cannot be read or created is one error naming
/// its file and document, and the others are still created. -WhatIf asks the server for a dry run.
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeResource", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(KubeObject))]
public sealed class NewKubeResourceCommand : ManifestInputCmdlet
{
    protected override void ProcessManifestObject(KubeObject obj, ManifestOrigin origin)
    {
        if (ResolveManifestKind(obj, origin) is not { } resource || !ResolveManifestNamespace(obj, resource, origin, out _))
        {
            return;
        }
        if (!ShouldChange(DescribeManifestObject(obj, resource, origin), "Create", () => TryManifestApi(obj, origin, () =>
                Await(token => Client.CreateResourceAsync(resource, obj, new WriteOptions { DryRun = true }, token)))))
        {
            return;
        }
        TryManifestApi(obj, origin, () => WriteObject(Await(token => Client.CreateResourceAsync(resource, obj, null, token))));
    }
}

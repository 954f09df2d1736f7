using System.Management.Automation;
using PSKube.Client.Manifests;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube;

// Objects from manifests (New-/Set-/Compare-KubeResource, Remove-KubeResource -Path): every error names where the
// object came from ("web.yaml, document 2: ..."), so the user finds the document to fix.
public abstract partial class KubeCmdlet
{
    /// <summary>The one error of a document that cannot be read (id ManifestNotReadable, file:line:column and the document in the message).</summary>
    protected void WriteManifestError(ManifestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var message = document.Describe()!;
        WriteError(new ErrorRecord(new FormatException(message, document.Error), "ManifestNotReadable", ErrorCategory.ParserError, document.Origin.File ?? (object)document.Origin)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Correct the document at the place the message names; the other documents were still used." },
        });
    }

    /// <summary>The object's resource type from its apiVersion and kind (discovery for kinds not built in); null after an error naming the origin.</summary>
    protected ResourceDefinition? ResolveManifestKind(KubeObject obj, ManifestOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(origin);
        if (string.IsNullOrEmpty(obj.Kind))
        {
            var message = $"{origin}: the object {obj.Name} has no kind, so its resource type is unknown; add apiVersion and kind.";
            WriteError(new ErrorRecord(new ArgumentException(message), "ObjectWithoutKind", ErrorCategory.InvalidArgument, obj));
            return null;
        }
        try
        {
            return Await(token => Client.Resources.ResolveKindAsync(obj.ApiVersion, obj.Kind, token));
        }
        catch (KubeResourceTypeNotFoundException e)
        {
            WriteError(new ErrorRecord(e, "ResourceTypeNotFound", ErrorCategory.ObjectNotFound, obj)
            {
                ErrorDetails = new ErrorDetails($"{origin}: {e.Message}") { RecommendedAction = "Check apiVersion and kind; Get-KubeApiResource lists the types the cluster serves (a custom resource needs its definition first)." },
            });
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, obj.Kind, obj, origin);
        }
        return null;
    }

    /// <summary>
    /// The namespace the object goes to (see <see cref="ManifestNamespace"/>): its own, else
    /// <paramref name="explicitNamespace"/>, else the context's; null for a cluster-scoped kind. Sets it on the
    /// object. False after a NamespaceMismatch error.
    /// </summary>
    protected bool ResolveManifestNamespace(KubeObject obj, ResourceDefinition resource, ManifestOrigin origin, string? explicitNamespace, out string? @namespace)
    {
        ArgumentNullException.ThrowIfNull(resource);
        try
        {
            @namespace = ManifestNamespace.Resolve(obj, resource.Namespaced, explicitNamespace, Client.DefaultNamespace);
            return true;
        }
        catch (ManifestNamespaceMismatchException e)
        {
            WriteError(new ErrorRecord(e, "NamespaceMismatch", ErrorCategory.InvalidArgument, obj)
            {
                ErrorDetails = new ErrorDetails($"{origin}: {e.Message}") { RecommendedAction = $"Leave -Namespace out to use the namespace the manifest names, or give -Namespace {e.ObjectNamespace}." },
            });
            @namespace = null;
            return false;
        }
    }

    /// <summary>How the object is named in -WhatIf and -Confirm: <c>deployment/web in namespace default (web.yaml, document 2)</c>; a generated name shows as <c>web-*</c>.</summary>
    protected static string DescribeManifestObject(KubeObject obj, ResourceDefinition resource, ManifestOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(resource);
        var name = obj.Name is { Length: > 0 } given ? given : (obj.Metadata?.GenerateName ?? "") + "*";
        return $"{Describe(resource.Singular, name, resource.Namespaced ? obj.Namespace : null)} ({origin})";
    }
}

using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Validation;
using PSKube.Completers;

namespace PSKube;

/// <summary>
/// The base of cmdlets that work on namespaced objects: -Namespace, bound from piped objects by property name, and
/// defaulting to the context's namespace (else <c>default</c>), so <c>$PSDefaultParameterValues['*-Kube*:Namespace']</c> works.
/// </summary>
public abstract class KubeNamespacedCmdlet : KubeCmdlet
{
    /// <summary>
    /// The namespace; the context's namespace when omitted. Piped objects bind theirs; no validation attribute here,
    /// because cluster-scoped objects piped in (nodes) bind an empty one, which means the default.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("n", "ns")]
    [ArgumentCompleter(typeof(NamespaceCompleter))]
    public string? Namespace { get; set; }

    /// <summary>
    /// The object piped into the current record, in commands that take one. Its own namespace is where it lives, even
    /// when $PSDefaultParameterValues sets -Namespace: PowerShell binds such a default over the piped value.
    /// </summary>
    protected virtual KubeObject? PipedObject => null;

    /// <summary>
    /// -Namespace as kubectl -n for manifests, whose objects may name their own: only when typed (or set in
    /// $PSDefaultParameterValues), since a piped object binds its own by property name; null otherwise.
    /// </summary>
    protected string? TypedNamespace => Typed(nameof(Namespace)) && !string.IsNullOrEmpty(Namespace) ? TargetNamespace : null;

    /// <summary>
    /// The namespace to work in: a piped object's own, else -Namespace, else the context's; an invalid name stops the
    /// command before any request.
    /// </summary>
    protected string TargetNamespace
    {
        get
        {
            if (PipedObject is { Namespace: { Length: > 0 } home })
            {
                return home;
            }
            if (string.IsNullOrEmpty(Namespace))
            {
                return Client.DefaultNamespace;
            }
            var errors = NameValidation.ValidateDns1123Label(Namespace);
            if (errors.Count > 0)
            {
                ThrowInvalidArgument(
                    new ArgumentException($"\"{Namespace}\" is not a valid namespace name: {string.Join("; ", errors)}."),
                    "InvalidNamespace", Namespace);
            }
            return Namespace;
        }
    }
}

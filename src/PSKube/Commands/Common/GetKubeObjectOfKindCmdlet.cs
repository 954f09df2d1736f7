using System.Management.Automation;
using PSKube.Client.Models;

namespace PSKube.Commands.Common;

/// <summary>
/// A Get-Kube&lt;Kind&gt; that also takes objects of its own kind from the pipeline and reads each again, so a saved
/// object can be refreshed (<c>$web | Get-KubeDeployment</c>) and piped names keep their namespace.
/// </summary>
public abstract class GetKubeObjectOfKindCmdlet<T> : GetKubeObjectCmdlet<T>
    where T : KubeObject
{
    /// <summary>An object of this kind to read again, from its own namespace.</summary>
    [Parameter(ValueFromPipeline = true)]
    public T? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject?.Name is not { } name)
        {
            base.ProcessRecord();
            return;
        }
        Query(string.IsNullOrEmpty(InputObject.Namespace) ? TargetNamespace : InputObject.Namespace, [name], Selection);
    }
}

using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>
/// What New-KubeRoleBinding and New-KubeClusterRoleBinding share (kubectl create rolebinding/clusterrolebinding):
/// the binding's name and the subjects granted the role.
/// </summary>
public abstract class NewKubeBindingCmdlet<T> : NewKubeObjectCmdlet<T>
    where T : KubeObject
{
    /// <summary>The binding's name: any text without '/' or '%' other than '.' or '..'.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The users granted the role, by name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? User { get; set; }

    /// <summary>The groups granted the role, e.g. system:authenticated.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Group { get; set; }

    /// <summary>The service accounts granted the role, each NAMESPACE:NAME, e.g. default:ci.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ServiceAccount { get; set; }

    /// <summary>How the generator's subject options are named here.</summary>
    protected static Func<string, string> SubjectParameterNames =>
        ParameterNames(("Users", "User"), ("Groups", "Group"), ("ServiceAccounts", "ServiceAccount"));
}

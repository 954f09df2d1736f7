using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>
/// New-KubeClusterRoleBinding: grants a ClusterRole in every namespace (kubectl create clusterrolebinding NAME
/// --clusterrole C [--user U] [--group G] [--serviceaccount NS:NAME]).
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeClusterRoleBinding", SupportsShouldProcess = true)]
[OutputType(typeof(ClusterRoleBinding))]
public sealed class NewKubeClusterRoleBindingCommand : NewKubeObjectCmdlet<ClusterRoleBinding>
{
    /// <summary>The binding's name: any text without '/' or '%' other than '.' or '..'.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>The ClusterRole granted.</summary>
    [Parameter(Mandatory = true)]
    public string ClusterRole { get; set; } = "";

    /// <summary>The users granted the role, by name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? User { get; set; }

    /// <summary>The groups granted the role, e.g. system:authenticated.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Group { get; set; }

    /// <summary>The service accounts granted the role, each NAMESPACE:NAME, e.g. kube-system:deployer.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ServiceAccount { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("clusterrolebindings.rbac.authorization.k8s.io")!;

    protected override ClusterRoleBinding Build() => RoleBindingGenerator.Generate(new ClusterRoleBindingOptions
    {
        Name = Name,
        ClusterRole = ClusterRole,
        Users = User,
        Groups = Group,
        ServiceAccounts = ServiceAccount,
        ParameterNames = ParameterNames(("Users", "User"), ("Groups", "Group"), ("ServiceAccounts", "ServiceAccount")),
    });
}

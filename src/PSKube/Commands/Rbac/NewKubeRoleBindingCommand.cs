using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Rbac;

/// <summary>
/// New-KubeRoleBinding: grants a Role or ClusterRole in a namespace (kubectl create rolebinding NAME --role R |
/// --clusterrole C [--user U] [--group G] [--serviceaccount NS:NAME]).
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeRoleBinding", SupportsShouldProcess = true, DefaultParameterSetName = RoleSet)]
[OutputType(typeof(RoleBinding))]
public sealed class NewKubeRoleBindingCommand : NewKubeBindingCmdlet<RoleBinding>
{
    private const string RoleSet = "Role";
    private const string ClusterRoleSet = "ClusterRole";

    /// <summary>The Role granted, in the binding's namespace.</summary>
    [Parameter(Mandatory = true, ParameterSetName = RoleSet)]
    public string Role { get; set; } = "";

    /// <summary>The ClusterRole granted, its rules then applying in the binding's namespace only.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClusterRoleSet)]
    public string ClusterRole { get; set; } = "";

    protected override ResourceDefinition Resource => BuiltInResources.Find("rolebindings.rbac.authorization.k8s.io")!;

    protected override RoleBinding Build() => RoleBindingGenerator.Generate(new RoleBindingOptions
    {
        Name = Name,
        Namespace = ExplicitNamespace,
        Role = ParameterSetName == RoleSet ? Role : null,
        ClusterRole = ParameterSetName == ClusterRoleSet ? ClusterRole : null,
        Users = User,
        Groups = Group,
        ServiceAccounts = ServiceAccount,
        ParameterNames = SubjectParameterNames,
    });
}

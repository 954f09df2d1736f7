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
public sealed class NewKubeClusterRoleBindingCommand : NewKubeBindingCmdlet<ClusterRoleBinding>
{
    /// <summary>The ClusterRole granted.</summary>
    [Parameter(Mandatory = true)]
    public string ClusterRole { get; set; } = "";

    protected override ResourceDefinition Resource => BuiltInResources.Find("clusterrolebindings.rbac.authorization.k8s.io")!;

    protected override ClusterRoleBinding Build() => RoleBindingGenerator.Generate(new ClusterRoleBindingOptions
    {
        Name = Name,
        ClusterRole = ClusterRole,
        Users = User,
        Groups = Group,
        ServiceAccounts = ServiceAccount,
        ParameterNames = SubjectParameterNames,
    });
}

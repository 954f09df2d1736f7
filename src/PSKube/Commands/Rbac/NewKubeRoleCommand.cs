using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;

namespace PSKube.Commands.Rbac;

/// <summary>New-KubeRole: a Role in a namespace (kubectl create role NAME --verb V --resource R [--resource-name N]).</summary>
[Cmdlet(VerbsCommon.New, "KubeRole", SupportsShouldProcess = true)]
[OutputType(typeof(Role))]
public sealed class NewKubeRoleCommand : NewKubeRoleCmdlet<Role>
{
    protected override ResourceDefinition Kind => BuiltInResources.Find("roles.rbac.authorization.k8s.io")!;

    protected override Role? Build() => Generate(() => RoleGenerator.Generate(new RoleOptions
    {
        Name = Name,
        Namespace = ExplicitNamespace,
        Verbs = Verb,
        Resources = Resource,
        ResourceNames = ResourceName,
        FindResource = FindResource,
        Warning = WriteWarning,
        ParameterNames = RoleParameterNames(),
    }));
}

using System.Collections;
using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Validation;
using PSKube.Validation;

namespace PSKube.Commands.Cluster;

/// <summary>New-KubeNamespace: creates a namespace (kubectl create namespace), optionally labelled; -DryRun only builds it.</summary>
[Cmdlet(VerbsCommon.New, "KubeNamespace", SupportsShouldProcess = true)]
[OutputType(typeof(Namespace))]
public sealed class NewKubeNamespaceCommand : KubeCmdlet
{
    private static readonly ResourceDefinition Namespaces = BuiltInResources.Find("namespaces")!;

    /// <summary>The namespace's name: a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>Labels to give the namespace, e.g. <c>@{ team = 'shop' }</c>.</summary>
    [Parameter]
    [ValidateLabels]
    public Hashtable? Label { get; set; }

    /// <summary>Output the namespace without creating it (kubectl create namespace --dry-run=client -o yaml).</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    protected override void ProcessRecord()
    {
        if (!IsValidName(Namespaces, Name))
        {
            return;
        }
        // -Name and -Label are checked by now, so the generator has nothing left to refuse.
        var created = NamespaceGenerator.Generate(Name, Label is null ? null : LabelValidation.ToLabels(Label), "-Name", "-Label");
        if (DryRun)
        {
            WriteObject(created);
            return;
        }
        if (!ShouldChange(Describe(Namespaces.Singular, Name, null), "Create", () => TryApi(Namespaces.Kind, Name, () =>
                Await(token => Client.CreateAsync(Namespaces, created, new WriteOptions { DryRun = true }, token)))))
        {
            return;
        }
        TryApi(Namespaces.Kind, Name, () => WriteObject(Await(token => Client.CreateAsync(Namespaces, created, null, token))));
    }
}

using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Validation;

namespace PSKube.Commands.Common;

/// <summary>
/// <see cref="NewKubeObjectCmdlet{T}"/> for a cluster-scoped kind (New-KubePriorityClass): the same generator flow,
/// -DryRun and -WhatIf, without a -Namespace that would mean nothing.
/// </summary>
public abstract class NewKubeClusterObjectCmdlet<T> : KubeCmdlet
    where T : KubeObject
{
    /// <summary>Output the object without creating it (nothing is sent), e.g. to save it with ConvertTo-KubeYaml.</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    protected abstract ResourceDefinition Resource { get; }

    /// <summary>The object from the client's generator; throws <see cref="KubeInputException"/> for bad input.</summary>
    protected abstract T Build();

    protected override void ProcessRecord()
    {
        T obj;
        try
        {
            obj = Build();
        }
        catch (KubeInputException e)
        {
            var parameter = e.ParameterName?.TrimStart('-');
            WriteError(new ErrorRecord(e, "Invalid" + (parameter ?? "Argument"), ErrorCategory.InvalidArgument, parameter));
            return;
        }
        if (DryRun)
        {
            WriteObject(obj);
            return;
        }
        var name = obj.Name ?? "";
        if (!ShouldChange($"{Resource.Singular}/{name}", "Create", () => TryApi(Resource.Kind, name, () =>
                Await(token => Client.CreateAsync(Resource, obj, new WriteOptions { DryRun = true }, token)))))
        {
            return;
        }
        TryApi(Resource.Kind, name, () => WriteObject(Await(token => Client.CreateAsync(Resource, obj, null, token))));
    }
}

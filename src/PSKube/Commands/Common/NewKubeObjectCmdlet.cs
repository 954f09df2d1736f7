using System.Collections;
using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Validation;

namespace PSKube.Commands.Common;

/// <summary>
/// What every New-Kube&lt;Kind&gt; generator shares: the object is built in PSKube.Client exactly as kubectl's generator
/// builds it (bad input is refused before any request), then created; -WhatIf asks the server for a dry run;
/// -DryRun outputs the object without sending anything (kubectl --dry-run=client -o yaml), ready for ConvertTo-KubeYaml.
/// </summary>
public abstract class NewKubeObjectCmdlet<T> : KubeNamespacedCmdlet
    where T : KubeObject
{
    /// <summary>Output the object without creating it (nothing is sent), e.g. to save it with ConvertTo-KubeYaml.</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    protected abstract ResourceDefinition Resource { get; }

    /// <summary>
    /// The object from the client's generator; throws <see cref="KubeInputException"/> for bad input. Null when
    /// building needed a read that failed and was reported (Start-KubeCronJob reads its CronJob), so the next item may work.
    /// </summary>
    protected abstract T? Build();

    /// <summary>What to do with the created object before it is written (New-KubePod -Wait waits for it).</summary>
    protected virtual T Created(T created) => created;

    /// <summary>
    /// -Namespace when typed (kubectl -n), else nothing: the generated object then has no namespace, as kubectl's, also
    /// when a piped object bound -Namespace by property name (it is still created in that namespace).
    /// </summary>
    protected string? ExplicitNamespace => TypedNamespace;

    protected override void ProcessRecord()
    {
        T? obj;
        try
        {
            obj = Build();
        }
        catch (KubeInputException e)
        {
            // Bad input for this item (a piped pod without ports): an error for it alone, sent nowhere. The generator
            // named the parameter as ParameterNames told it (-Image), so the id is InvalidImage.
            var parameter = e.ParameterName?.TrimStart('-');
            WriteError(new ErrorRecord(e, "Invalid" + (parameter ?? "Argument"), ErrorCategory.InvalidArgument, parameter));
            return;
        }
        if (obj is null)
        {
            return;
        }
        if (DryRun)
        {
            WriteObject(obj);
            return;
        }
        // An object built from another (a Service from a piped Deployment) stays in that one's namespace.
        obj.Namespace = Resource.Namespaced ? obj.Namespace ?? TargetNamespace : null;
        var name = obj.Name ?? obj.Metadata?.GenerateName ?? "";
        var target = Resource.Namespaced ? Describe(Resource.Singular, name, obj.Namespace) : $"{Resource.Singular}/{name}";
        if (!ShouldChange(target, "Create", () => TryApi(Resource.Kind, name, () =>
                Await(token => Client.CreateAsync(Resource, obj, new WriteOptions { DryRun = true }, token)))))
        {
            return;
        }
        TryApi(Resource.Kind, name, () =>
        {
            var created = Await(token => Client.CreateAsync(Resource, obj, null, token));
            WriteObject(Created(created));
        });
    }

    /// <summary>
    /// How the generator names its options in messages: as this cmdlet's parameters (-Image), with
    /// <paramref name="renamed"/> for the options whose parameter has another name (Labels is -Label).
    /// </summary>
    protected static Func<string, string> ParameterNames(params (string Option, string Parameter)[] renamed) =>
        option => "-" + (renamed.FirstOrDefault(r => r.Option == option).Parameter ?? option);

    /// <summary>A hashtable (-Label @{ app = 'web' }, -Requests @{ cpu = '250m' }) as the text dictionary the generators take.</summary>
    protected static Dictionary<string, string>? Strings(IDictionary? table) => table is null ? null : LabelValidation.ToLabels(table);

    /// <summary>-Env @{ A = '1' } (or A=1 text, made a dictionary at binding) as kubectl's NAME=VALUE entries, in the order given.</summary>
    protected static List<string>? EnvEntries(IDictionary? table) =>
        Strings(table)?.Select(pair => $"{pair.Key}={pair.Value}").ToList();
}

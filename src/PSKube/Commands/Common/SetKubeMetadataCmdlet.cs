using System.Management.Automation;
using PSKube.Client.Metadata;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Validation;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Common;

/// <summary>
/// What Set-KubeLabel and Set-KubeAnnotation share (kubectl label / annotate): KEY=VALUE and KEY- changes, checked
/// before any request, on objects of any kind named (KIND/NAME or -Kind with -Name), selected (-Selector, -All) or
/// piped. Each object is read, the change planned against what it holds (a different value needs -Overwrite, as in
/// kubectl), and sent as a merge patch of only what differs; -WhatIf asks the server for a dry run.
/// </summary>
public abstract class SetKubeMetadataCmdlet : KubeNamespacedCmdlet
{
    private const string NameSet = "Name";
    private const string SelectorSet = "Selector";
    private const string AllSet = "All";

    private MetadataChanges? _changes;

    /// <summary>The objects: names, or kubectl's KIND/NAME (<c>pod/web-1</c>); piped strings and objects' Name bind here.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>The resource type of -Name, -Selector or -All: <c>pods</c>, <c>deploy</c>, <c>svc</c>, a custom resource. A piped object's own kind binds here.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [Parameter(Mandatory = true, ParameterSetName = SelectorSet)]
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string? Kind { get; set; }

    /// <summary>The objects of -Kind with these labels (kubectl -l).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SelectorSet)]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string? Selector { get; set; }

    /// <summary>Every object of -Kind in the namespace (kubectl --all).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>An object of any kind from the pipeline, read again before the change.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = NameSet)]
    public KubeObject? InputObject { get; set; }

    /// <summary>Change a key that already has another value (kubectl --overwrite); without it that is an error.</summary>
    [Parameter]
    public SwitchParameter Overwrite { get; set; }

    /// <summary>Output each object after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    /// <summary>Labels or annotations.</summary>
    protected abstract MetadataField Field { get; }

    /// <summary>The changes as typed, and the name of the parameter that took them (for messages).</summary>
    protected abstract (string[] Changes, string Parameter) ChangesAsTyped { get; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        try
        {
            _changes = MetadataChanges.Parse(Field, ChangesAsTyped.Changes, ChangesAsTyped.Parameter);
        }
        catch (KubeInputException e)
        {
            ThrowInvalidArgument(e, "Invalid" + ChangesAsTyped.Parameter, ChangesAsTyped.Changes);
        }
    }

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            if (ResolveKindOf(InputObject) is { } resource && NamesFor(resource, InputObject, []) is [var name])
            {
                Change(resource, name, null);
            }
            return;
        }
        if (ParameterSetName != NameSet)
        {
            foreach (var resource in ResolveKinds([Kind!]) ?? [])
            {
                var selection = new ListOptions { LabelSelector = Selector };
                TryApi(resource.Kind, resource.Plural, () =>
                {
                    foreach (var obj in Await(token => Client.GetResourcesAsync(resource, Where(resource), selection, token)))
                    {
                        Change(resource, obj.Name!, obj);
                    }
                });
            }
            return;
        }
        foreach (var text in Name)
        {
            var (kind, name) = KindQualifiedName.Split(text);
            if ((kind ?? Kind) is not { } typedKind)
            {
                ThrowInvalidArgument(new ArgumentException($"Say the kind of \"{text}\": -Kind pods, or kubectl's KIND/NAME (pod/{text})."), "NoKind", text);
                return;
            }
            foreach (var resource in ResolveKinds([typedKind]) ?? [])
            {
                if (IsValidName(resource, name))
                {
                    Change(resource, name, null);
                }
            }
        }
    }

    private string? Where(ResourceDefinition resource) => resource.Namespaced ? TargetNamespace : null;

    // One object: read it (unless a list just did), plan the change against it, then patch what differs.
    private void Change(ResourceDefinition resource, string name, KubeObject? current)
    {
        var changes = _changes!;
        var @namespace = Where(resource);
        var target = Describe(resource.Singular, name, @namespace);
        TryApi(resource.Kind, name, () =>
        {
            current ??= Await(token => Client.GetResourceAsync(resource, @namespace, name, token));
            MetadataPlan plan;
            try
            {
                plan = changes.Plan(current, Overwrite);
            }
            catch (MetadataOverwriteException e)
            {
                var noun = changes.Field == MetadataField.Labels ? "Label" : "Annotation";
                WriteError(new ErrorRecord(e, noun + "Exists", ErrorCategory.ResourceExists, current)
                {
                    ErrorDetails = new ErrorDetails($"{target}: {e.Message}") { RecommendedAction = "Add -Overwrite to replace the value." },
                });
                return;
            }
            foreach (var key in plan.Missing)
            {
                WriteWarning($"{changes.Noun} \"{key}\" not found on {target}.");
            }
            if (plan.Patch is null)
            {
                WriteVerbose($"{target} {plan.Outcome}: it already has what was asked.");
                if (PassThru)
                {
                    WriteObject(current);
                }
                return;
            }
            var action = $"Set {changes.Noun}s: " + string.Join(", ",
                changes.Set.Select(pair => $"{pair.Key}={pair.Value}").Concat(changes.Remove.Select(key => key + "-")));
            if (!ShouldChange(target, action, () => TryApi(resource.Kind, name, () =>
                    Await(token => Client.PatchResourceAsync(resource, @namespace, name, PatchKind.Merge, plan.Patch, new WriteOptions { DryRun = true }, token)))))
            {
                return;
            }
            var updated = Await(token => Client.PatchResourceAsync(resource, @namespace, name, PatchKind.Merge, plan.Patch, null, token));
            WriteVerbose($"{target} {plan.Outcome}");
            if (PassThru)
            {
                WriteObject(updated);
            }
        });
    }
}

using System.Management.Automation;
using PSKube.Client.Editing;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Transport;
using PSKube.Commands.Common;

namespace PSKube.Commands.Resources;

/// <summary>
/// Edit-KubeResource: kubectl edit. The objects' YAML opens in $env:KUBE_EDITOR (else VISUAL, EDITOR, vi or
/// notepad); what the user changed is sent as a patch, a change the server refuses as invalid reopens the file
/// with the reasons as comments. Several objects open together in one file, as a List, as kubectl does.
/// </summary>
[Cmdlet(VerbsData.Edit, "KubeResource", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
[OutputType(typeof(KubeObject))]
public sealed class EditKubeResourceCommand : ResourceTargetCmdlet
{
    private readonly List<EditTarget> _targets = [];
    private bool _dryRun;

    protected override void ProcessRecord()
    {
        foreach (var (resource, @namespace, name) in Targets())
        {
            // -WhatIf is kubectl edit --dry-run=server: the editor opens, and the change goes to the server as a dry run.
            var whatIf = false;
            if (!ShouldChange(Describe(resource.Singular, name, @namespace), "Edit", () => whatIf = true) && !whatIf)
            {
                continue;
            }
            _dryRun |= whatIf;
            // Read again, so the file shows the object as it is now (a piped object may be old).
            TryApi(resource.Kind, name, () =>
                _targets.Add(new EditTarget(resource, Await(token => Client.GetAsync<GenericKubeObject>(resource, @namespace, name, token)))));
        }
    }

    protected override void EndProcessing()
    {
        if (_targets.Count == 0)
        {
            return;
        }
        var editor = EditorCommand.FromCurrentEnvironment();
        WriteVerbose($"Opening {_targets.Count} object(s) in {editor.Text}");
        EditOutcome outcome;
        try
        {
            var options = _dryRun ? new WriteOptions { DryRun = true } : null;
            outcome = Await(token => new ResourceEditor(Client, editor.EditAsync).EditAsync(_targets, options, token));
        }
        catch (EditorException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "EditorFailed", ErrorCategory.InvalidOperation, editor.Text)
            {
                ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = "Set $env:KUBE_EDITOR to an editor that waits until the file is closed, e.g. 'code --wait'." },
            });
            return;
        }
        foreach (var skipped in outcome.Unchanged)
        {
            WriteVerbose($"{Describe(skipped.Resource.Singular, skipped.Object.Name ?? "", null)} skipped: not changed");
        }
        foreach (var edited in outcome.Edited)
        {
            WriteVerbose($"{(edited.Kind ?? "object").ToLowerInvariant()}/{edited.Name} edited{(_dryRun ? " (server dry run)" : "")}");
            if (!_dryRun)
            {
                WriteObject(edited);
            }
        }
        var kept = outcome.SavedFile is { } file ? $" Your changes are kept in {file}." : "";
        foreach (var failure in outcome.Failures)
        {
            WriteFailure(failure, kept);
        }
        if (outcome.Cancelled is { } cancelled)
        {
            if (outcome.Failures.Count == 0 && outcome.SavedFile is null)
            {
                WriteWarning(cancelled);
            }
            else if (outcome.Failures.Count == 0)
            {
                // Why nothing was sent is the error: an object renamed or not found in the file.
                var message = cancelled + kept;
                WriteError(new ErrorRecord(new InvalidOperationException(message), "EditRefused", ErrorCategory.InvalidData, outcome.SavedFile)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Run Edit-KubeResource again and change only what the object may change." },
                });
            }
            else
            {
                WriteWarning(cancelled + kept);
            }
        }
    }

    // One error per object whose change did not go through, with the server's words and where the changes are.
    private void WriteFailure(EditFailure failure, string kept)
    {
        var error = failure.Error;
        var kind = failure.Target.Resource.Kind;
        var message = $"{failure.Target.Describe()} could not be changed: {error.Message}{kept}";
        var action = KubeErrors.Classify(error) switch
        {
            KubeErrorKind.Invalid => "Correct the fields the message names; some fields (most of a pod's spec) cannot change once the object exists: remove and create it instead.",
            KubeErrorKind.Conflict => "The resourceVersion in the file is not the object's any more: run Edit-KubeResource again and make the change on the object as it is now.",
            KubeErrorKind.NotFound => "The object was deleted meanwhile; create it again from the saved file.",
            _ => "Run Edit-KubeResource again.",
        };
        WriteError(new ErrorRecord(error, KubeErrors.ErrorId(kind, error), CategoryOf(KubeErrors.Classify(error)), failure.Target.Object)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
        });
    }
}

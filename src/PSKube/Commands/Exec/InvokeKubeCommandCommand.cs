using System.Collections;
using System.Management.Automation;
using System.Text;
using PSKube.Client.Models;
using PSKube.Client.RemoteCommands;
using PSKube.Client.Transport;
using PSKube.Completers;

namespace PSKube.Commands.Exec;

/// <summary>
/// Invoke-KubeCommand: runs a command in a container (kubectl exec POD -- CMD). The pipeline carries either the pods
/// to run it in (Get-KubePod objects, one after the other) or the command's input (strings as lines, bytes as they
/// are), sent and then closed so a command that reads to the end (cat) ends. Output lines come as they arrive,
/// stderr lines as errors (ErrorCategory FromStdErr, as PowerShell shows a native command's), and the exit code is
/// $LASTEXITCODE, a non-zero one also an error (NonZeroExitCode).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "KubeCommand")]
[OutputType(typeof(string))]
public sealed class InvokeKubeCommandCommand : KubeNamespacedCmdlet
{
    private readonly List<ReadOnlyMemory<byte>> _input = [];
    private readonly List<byte> _pipedBytes = [];
    private bool _podsPiped;
    private bool _inputGiven;
    private Pod? _pipedPod;
    private string? _typedName;

    /// <summary>
    /// The pod. With pods piped in, every positional word is the command instead. Piped objects bind their Name here
    /// as everywhere, but the command runs in the piped pod itself, so only a typed name counts.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string? Name { get; set; }

    /// <summary>The command and its arguments: after <c>--</c> as kubectl takes them, or as a list (<c>-Command ls,/</c>).</summary>
    [Parameter(Position = 1, ValueFromRemainingArguments = true)]
    [AllowEmptyCollection]
    public string[] Command { get; set; } = [];

    /// <summary>Pods to run the command in, or the command's standard input (strings as lines, bytes as they are).</summary>
    [Parameter(ValueFromPipeline = true)]
    public object? InputObject { get; set; }

    /// <summary>The container; else the pod's default container (annotation), else its first.</summary>
    [Parameter]
    [Alias("c")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContainerCompleter))]
    public string? Container { get; set; }

    /// <summary>The whole standard output as one string, newlines kept, written when the command ends.</summary>
    [Parameter]
    public SwitchParameter Raw { get; set; }

    protected override KubeObject? PipedObject => _pipedPod;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // Only what was typed is bound before the first piped object.
        _typedName = MyInvocation.BoundParameters.ContainsKey(nameof(Name)) ? Name : null;
    }

    protected override void ProcessRecord()
    {
        var item = InputObject is PSObject wrapped ? wrapped.BaseObject : InputObject;
        if (item is Pod pod)
        {
            if (_inputGiven)
            {
                WriteMixedInput(pod);
                return;
            }
            _podsPiped = true;
            _pipedPod = pod;
            Run(pod, pod.Name ?? "", CommandForPipedPods());
            _pipedPod = null;
            return;
        }
        if (InputObject is null)
        {
            return;
        }
        if (_podsPiped)
        {
            WriteMixedInput(InputObject);
            return;
        }
        _inputGiven = true;
        // -InputObject @('a','b') given as a parameter is input line by line, as when piped.
        var items = MyInvocation.ExpectingInput ? [InputObject] : LanguagePrimitives.GetEnumerable(InputObject)?.Cast<object?>() ?? [InputObject];
        foreach (var value in items)
        {
            AddInput(value is PSObject psObject ? psObject.BaseObject : value);
        }
    }

    protected override void EndProcessing()
    {
        if (_podsPiped)
        {
            return;
        }
        if (string.IsNullOrEmpty(_typedName))
        {
            ThrowInvalidArgument(new ArgumentException("Name the pod (Invoke-KubeCommand web-1 -- ls /), or pipe pods in (Get-KubePod web-1 | Invoke-KubeCommand -- ls /)."), "NoPodNamed", null);
            return;
        }
        FlushBytes();
        var target = new Pod { Metadata = new ObjectMeta { Name = _typedName, Namespace = TargetNamespace } };
        Run(target, _typedName, Command, _inputGiven ? _input : null);
    }

    // PowerShell binds the first positional word to -Name; with pods piped in, it is the command's first word.
    private string[] CommandForPipedPods() => string.IsNullOrEmpty(_typedName) ? Command : [_typedName, .. Command];

    private void Run(Pod target, string pod, IReadOnlyList<string> command, IReadOnlyList<ReadOnlyMemory<byte>>? input = null)
    {
        if (command.Count == 0)
        {
            ThrowInvalidArgument(new ArgumentException("Name the command to run after --, as in Invoke-KubeCommand web-1 -- ls /, or with -Command ls,/."), "NoCommand", null);
        }
        var @namespace = TargetNamespace;
        var raw = Raw ? new StringBuilder() : null;
        try
        {
            WriteStream(token => RemoteCommandRun.RunAsync(Client, @namespace, pod, command, Container, input, splitLines: raw is null, token), item => Write(item, target, raw));
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, "Pod", target);
        }
        catch (NotSupportedException e)
        {
            WriteError(new ErrorRecord(e, "ExecNotSupported", ErrorCategory.NotImplemented, target));
        }
    }

    private void Write(RemoteCommandEvent item, Pod target, StringBuilder? raw)
    {
        switch (item.Kind)
        {
            case RemoteCommandEventKind.Output when raw is not null:
                raw.Append(item.Text);
                break;
            case RemoteCommandEventKind.Output:
                WriteObject(item.Text);
                break;
            case RemoteCommandEventKind.Error:
                // As PowerShell shows a native command's stderr: errors of category FromStdErr, so 2>&1 and 2>$null work.
                WriteError(new ErrorRecord(new RemoteException(item.Text), "RemoteStandardError", ErrorCategory.FromStdErr, target));
                break;
            case RemoteCommandEventKind.InputNotClosed:
                WriteWarning(item.Text);
                break;
            case RemoteCommandEventKind.Ended:
                if (raw is { Length: > 0 })
                {
                    WriteObject(raw.ToString());
                }
                Ended(item.Result!, target);
                break;
        }
    }

    private void Ended(RemoteCommandResult result, Pod target)
    {
        // kubectl exits 1 for a command that could not run at all; scripts read that from $LASTEXITCODE as for a native command.
        var exitCode = result.ExitCode ?? 1;
        SessionState.PSVariable.Set(new PSVariable("global:LASTEXITCODE", exitCode));
        if (result.ExitCode is null)
        {
            var error = new InvalidOperationException(result.FailureMessage);
            WriteError(new ErrorRecord(error, "RemoteCommandFailed", ErrorCategory.InvalidOperation, target)
            {
                ErrorDetails = new ErrorDetails($"The command did not run in pod {target.Name}: {result.FailureMessage}")
                {
                    RecommendedAction = "Check that the image has the program (Invoke-KubeCommand POD -- ls /bin), or run it through a shell: -- sh -c '...'.",
                },
            });
        }
        else if (exitCode != 0)
        {
            WriteError(new ErrorRecord(new RemoteCommandExitException(exitCode, target.Name ?? ""), "NonZeroExitCode", ErrorCategory.NotSpecified, target));
        }
    }

    private void AddInput(object? value)
    {
        switch (value)
        {
            case null:
                return;
            case byte single:
                // Get-Content -AsByteStream pipes byte by byte: gathered into one piece.
                _pipedBytes.Add(single);
                return;
            case byte[] bytes:
                FlushBytes();
                _input.Add(bytes);
                return;
            default:
                FlushBytes();
                _input.Add(Encoding.UTF8.GetBytes(LanguagePrimitives.ConvertTo<string>(value) + "\n"));
                return;
        }
    }

    private void FlushBytes()
    {
        if (_pipedBytes.Count > 0)
        {
            _input.Add(_pipedBytes.ToArray());
            _pipedBytes.Clear();
        }
    }

    private void WriteMixedInput(object target) =>
        WriteError(new ErrorRecord(new ArgumentException("Pipe in either pods to run the command in, or the command's input, not both: name the pod with -Name to send input."),
            "MixedPipelineInput", ErrorCategory.InvalidArgument, target));
}

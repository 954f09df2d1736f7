using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.RemoteCommands;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.Completers;

namespace PSKube.Commands.Exec;

/// <summary>
/// Enter-KubePod: an interactive shell in a container, in the current console (kubectl exec -it POD -- sh), or with
/// -Attach the container's main process (kubectl attach -it). Enter- as Enter-PSSession: you are inside until the
/// remote shell exits. -Attach is a switch, not a Connect-KubePod, because it is the same session in the console,
/// only with another process at the other end.
/// </summary>
[Cmdlet(VerbsCommon.Enter, "KubePod")]
[OutputType(typeof(void))]
public sealed class EnterKubePodCommand : KubeNamespacedCmdlet
{
    private static readonly ResourceDefinition Pods = BuiltInResources.Find("pods")!;

    /// <summary>The pod; a piped pod binds its name and namespace.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>The program to run on the terminal, after <c>--</c> or as a list; bash where the image has it, else sh, when omitted.</summary>
    [Parameter(Position = 1, ValueFromRemainingArguments = true)]
    [AllowEmptyCollection]
    public string[] Command { get; set; } = [];

    /// <summary>The container; else the pod's default container (annotation), else its first.</summary>
    [Parameter]
    [Alias("c")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContainerCompleter))]
    public string? Container { get; set; }

    /// <summary>Connect to the container's main process instead of starting a program (kubectl attach -it).</summary>
    [Parameter]
    public SwitchParameter Attach { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        if (WhyNotInteractive() is { } reason)
        {
            var message = $"Enter-KubePod needs an interactive console, and {reason}. Run it in a terminal, or run single commands with Invoke-KubeCommand POD -- COMMAND.";
            ThrowTerminatingError(new ErrorRecord(new PSInvalidOperationException(message), "NoInteractiveConsole", ErrorCategory.InvalidOperation, null)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Use Invoke-KubeCommand for commands that need no terminal." },
            });
        }
    }

    protected override void ProcessRecord()
    {
        if (Attach && Command.Length > 0)
        {
            ThrowInvalidArgument(new ArgumentException("-Attach connects to the process the container already runs: leave out the command."), "AttachWithCommand", Command);
        }
        var @namespace = TargetNamespace;
        var target = new Pod { Metadata = new ObjectMeta { Name = Name, Namespace = @namespace } };
        RemoteCommandSession? session = null;
        try
        {
            session = Attach ? StartAttach(@namespace, target) : Await(token => InteractiveShell.StartAsync(Client, @namespace, Name, Container, Command, token)).Session;
            if (session is null)
            {
                return;
            }
            RemoteCommandResult result;
            using (var terminal = new ConsoleTerminal())
            {
                result = Await(token => TerminalSession.RunAsync(session, terminal, TerminalSession.DefaultPollInterval, token));
            }
            Ended(result, target);
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, "Pod", target);
        }
        finally
        {
            session?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private RemoteCommandSession? StartAttach(string @namespace, Pod target)
    {
        var pod = Await(token => Client.GetAsync<Pod>(Pods, @namespace, Name, token));
        RemoteCommandOptions options;
        try
        {
            options = AttachOptions.For(pod, Container);
        }
        catch (InvalidOperationException e)
        {
            WriteError(new ErrorRecord(e, "ContainerNotFound", ErrorCategory.ObjectNotFound, target));
            return null;
        }
        if (!options.Tty)
        {
            // kubectl attach -it says the same and goes on without a terminal.
            WriteWarning($"Unable to use a TTY - container {options.Container} did not allocate one");
        }
        return Await(token => Client.AttachAsync(@namespace, Name, options, token));
    }

    private void Ended(RemoteCommandResult result, Pod target)
    {
        SessionState.PSVariable.Set(new PSVariable("global:LASTEXITCODE", result.ExitCode ?? 1));
        if (result.ExitCode is null)
        {
            WriteError(new ErrorRecord(new InvalidOperationException(result.FailureMessage), "RemoteCommandFailed", ErrorCategory.InvalidOperation, target)
            {
                ErrorDetails = new ErrorDetails($"The session in pod {Name} did not run: {result.FailureMessage}")
                {
                    RecommendedAction = "Name a program the image has after --, as in Enter-KubePod POD -- /bin/sh.",
                },
            });
        }
    }

    /// <summary>Why this host cannot run a terminal session, or null when it can.</summary>
    private string? WhyNotInteractive()
    {
        if (Environment.GetCommandLineArgs().Skip(1).Any(IsNonInteractiveSwitch))
        {
            return "PowerShell runs with -NonInteractive";
        }
        if (Host.Name != "ConsoleHost")
        {
            return $"the host \"{Host.Name}\" is not a console";
        }
        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            return "its input or output is redirected";
        }
        return null;
    }

    // pwsh takes any unambiguous prefix of -NonInteractive from -noni on, with - or / or --.
    private static bool IsNonInteractiveSwitch(string argument)
    {
        var name = argument.TrimStart('-', '/');
        return name.Length >= 4 && name.Length < argument.Length && "noninteractive".StartsWith(name, StringComparison.OrdinalIgnoreCase);
    }
}

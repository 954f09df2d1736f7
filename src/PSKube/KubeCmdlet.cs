using System.Management.Automation;
using PSKube.Client;
using PSKube.Client.Config;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube;

/// <summary>
/// The base of every PSKube cmdlet: the -Context and -KubeConfig parameters, the session's warm client, Ctrl+C as
/// cancellation of whatever is in flight, and Kubernetes failures as PowerShell errors with stable ids.
/// Cmdlets hold no Kubernetes logic: they map parameters onto PSKube.Client.
/// </summary>
public abstract partial class KubeCmdlet : KubeConfigCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _trace = new();
    private KubeClient? _client;

    /// <summary>The kubeconfig context to use instead of the current one.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completers.ContextCompleter))]
    public string? Context { get; set; }

    /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
    protected CancellationToken Cancellation => _stopping.Token;

    /// <summary>The client for the chosen context, from this session's cache (one warm connection per cluster and user).</summary>
    protected KubeClient Client
    {
        get
        {
            if (_client is null)
            {
                CheckRequestTimeoutSetting();
                try
                {
                    _client = KubeSessions.ForCurrentRunspace().GetClient(KubeConfigPath, Context);
                }
                catch (Exception e) when (e is KubeConfigException or PSKube.Client.Auth.KubeAuthException)
                {
                    // Nothing can work without a usable context: stop the command.
                    ThrowTerminatingError(new ErrorRecord(e, "KubeConfigUnusable", ErrorCategory.InvalidOperation, KubeConfigPath));
                }
            }
            return _client!;
        }
    }

    // Every request reads $env:PSKUBE_REQUEST_TIMEOUT; nonsense in it stops the command before the first one, by name.
    private void CheckRequestTimeoutSetting()
    {
        try
        {
            KubeRequestTimeout.FromEnvironment();
        }
        catch (FormatException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "InvalidRequestTimeout", ErrorCategory.InvalidArgument, KubeRequestTimeout.EnvironmentVariable)
            {
                ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = $"Set $env:{KubeRequestTimeout.EnvironmentVariable} to a duration such as 30s or 2m, or remove it." },
            });
        }
    }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs an async client call on the pipeline thread, so output and errors are written from there.</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> operation)
    {
        try
        {
            Task<T> task;
            using (Traced())
            {
                task = operation(Cancellation);
            }
            return task.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException || KubeErrors.IsServerFailure(e))
        {
            throw Translated(e);
        }
        finally
        {
            WriteTrace();
        }
    }

    /// <summary>
    /// Runs an async stream on the pipeline thread and writes each item as it arrives, so -Follow and -Watch output
    /// flows while Ctrl+C still stops it at once.
    /// </summary>
    protected void WriteStream<T>(Func<CancellationToken, IAsyncEnumerable<T>> source, Action<T> write)
    {
        try
        {
            var items = source(Cancellation).GetAsyncEnumerator(Cancellation);
            try
            {
                while (NextItem(items))
                {
                    WriteTrace();
                    write(items.Current);
                }
            }
            finally
            {
                items.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception e) when (e is OperationCanceledException || KubeErrors.IsServerFailure(e))
        {
            throw Translated(e);
        }
        finally
        {
            WriteTrace();
        }
    }

    /// <summary>Awaits a long client call (a wait), showing a progress bar with the time spent until it ends.</summary>
    protected T AwaitWithProgress<T>(string activity, string status, Func<CancellationToken, Task<T>> operation) =>
        AwaitWithProgress(activity, status, (_, token) => operation(token));

    /// <summary>
    /// Awaits a long client call that reports where it stands (a rollout's "1 of 3 updated replicas are
    /// available..."): the bar shows the latest report with the time spent.
    /// </summary>
    protected T AwaitWithProgress<T>(string activity, string status, Func<IProgress<string>, CancellationToken, Task<T>> operation)
    {
        var progress = new ProgressRecord(Math.Abs(activity.GetHashCode(StringComparison.Ordinal)) % 100000, activity, status);
        var latest = new LatestReport(status);
        var started = DateTimeOffset.UtcNow;
        try
        {
            Task<T> task;
            using (Traced())
            {
                task = operation(latest, Cancellation);
            }
            // WaitAny, not Task.Wait, so a failure surfaces below as itself (KubeApiException), not wrapped; and not the
            // task's AsyncWaitHandle, an OS event that only the finalizer would free.
            while (Task.WaitAny([task], TimeSpan.FromMilliseconds(250)) < 0)
            {
                progress.StatusDescription = $"{latest.Value} ({(int)(DateTimeOffset.UtcNow - started).TotalSeconds}s)";
                WriteProgress(progress);
                WriteTrace();
            }
            return task.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException || KubeErrors.IsServerFailure(e))
        {
            throw Translated(e);
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
            WriteTrace();
        }
    }

    private bool NextItem<T>(IAsyncEnumerator<T> items)
    {
        ValueTask<bool> next;
        using (Traced())
        {
            next = items.MoveNextAsync();
        }
        // Items of a page already read are there at once: no task and wait handle per item of a long list.
        if (next.IsCompleted)
        {
            WriteStreamHealth();
            return next.GetAwaiter().GetResult();
        }
        var pending = next.AsTask();
        // A stream may wait long for its next item (the server is gone): its health reports are written meanwhile.
        while (Task.WaitAny([pending], TimeSpan.FromMilliseconds(250)) < 0)
        {
            WriteStreamHealth();
        }
        WriteStreamHealth();
        return pending.GetAwaiter().GetResult();
    }

    // The requests of this command's calls (method, path, status, time; never headers or bodies) go to -Verbose,
    // written from the pipeline thread when the call returns or between streamed items.
    private IDisposable Traced() => KubeTraceRouting.To(_trace.Enqueue);

    private void WriteTrace()
    {
        while (_trace.TryDequeue(out var line))
        {
            WriteVerbose(line);
        }
    }

    /// <summary>Whether the command's -Force was given, which skips its confirmations (see <see cref="ShouldChange"/>).</summary>
    protected virtual bool Forced => false;

    /// <summary>
    /// ShouldProcess in kubectl's words ("pod/web in namespace default"). With -WhatIf it answers false and, when
    /// given, runs <paramref name="whatIfDryRun"/> (a server dry run), so the user also learns what the server would refuse.
    /// </summary>
    protected bool ShouldChange(string target, string action, Action? whatIfDryRun = null)
    {
        // -Force means "do not ask" (as $ConfirmPreference = 'None' would), unless -Confirm asks for questions explicitly.
        if (Forced && !MyInvocation.BoundParameters.ContainsKey("Confirm") && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
        {
            return true;
        }
        var description = $"Performing the operation \"{action}\" on target \"{target}\".";
        var warning = $"Are you sure you want to perform this action?\n{description}";
        ShouldProcessReason reason;
        try
        {
            if (ShouldProcess(description, warning, "Confirm", out reason))
            {
                return true;
            }
        }
        catch (Exception e) when (e is PSInvalidOperationException or System.Management.Automation.Host.HostException)
        {
            ThrowCannotAsk(e, $"{action} {target}");
            return false;
        }
        if (reason == ShouldProcessReason.WhatIf && whatIfDryRun is not null)
        {
            whatIfDryRun();
        }
        return false;
    }

    /// <summary>
    /// Stops the command when it must ask before a change but the host cannot ask (pwsh -NonInteractive, a job):
    /// every later item would need the same answer, so nothing can work until the user answers in the command line.
    /// </summary>
    protected void ThrowCannotAsk(Exception hostRefusal, string change)
    {
        var orForce = MyInvocation.MyCommand.Parameters.ContainsKey("Force") ? " (or -Force)" : "";
        var message = $"{MyInvocation.MyCommand.Name} must ask before it goes on ({change}), but PowerShell cannot ask here: it runs non-interactively. Add -Confirm:$false{orForce} to go ahead without asking, or -WhatIf to see what would change.";
        ThrowTerminatingError(new ErrorRecord(new PSInvalidOperationException(message, hostRefusal), "ConfirmationNotPossible", ErrorCategory.InvalidOperation, change)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Run the command again with -Confirm:$false{orForce}." },
        });
    }

    /// <summary>Stops the command for input that cannot work (checked before any request): says what is wrong and how to fix it.</summary>
    protected void ThrowInvalidArgument(Exception error, string errorId, object? target) =>
        ThrowTerminatingError(new ErrorRecord(error, errorId, ErrorCategory.InvalidArgument, target));

    /// <summary>
    /// The resource types that -Kind names (<c>pods</c>, <c>deploy,svc</c>, <c>all</c>, a custom resource); null after
    /// reporting an unknown one (with the closest types) or a failed discovery, so the next input item may still work.
    /// </summary>
    protected IReadOnlyList<ResourceDefinition>? ResolveKinds(IReadOnlyList<string> kinds)
    {
        try
        {
            return Await(token => Client.Resources.ResolveListAsync(kinds, token));
        }
        catch (KubeResourceTypeNotFoundException e)
        {
            WriteUnknownKind(e);
        }
        catch (ArgumentException e)
        {
            ThrowInvalidArgument(e, "NoResourceType", kinds);
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, "ResourceType", kinds);
        }
        return null;
    }

    /// <summary>The resource type of an object, from its apiVersion and kind; null after reporting why there is none.</summary>
    protected ResourceDefinition? ResolveKindOf(KubeObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (string.IsNullOrEmpty(obj.Kind))
        {
            WriteError(new ErrorRecord(new ArgumentException($"The object {obj.Name} has no kind, so its resource type is unknown; name it with -Kind and -Name instead."),
                "ObjectWithoutKind", ErrorCategory.InvalidArgument, obj));
            return null;
        }
        try
        {
            return Await(token => Client.Resources.ResolveKindAsync(obj.ApiVersion, obj.Kind, token));
        }
        catch (KubeResourceTypeNotFoundException e)
        {
            WriteUnknownKind(e);
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, obj.Kind, obj);
        }
        return null;
    }

    private void WriteUnknownKind(KubeResourceTypeNotFoundException error) =>
        WriteError(new ErrorRecord(error, "ResourceTypeNotFound", ErrorCategory.ObjectNotFound, error.ResourceType)
        {
            ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = "Check the spelling, or press Tab after -Kind to see the types the cluster serves." },
        });
}

using System.Management.Automation;
using PSKube.Client.Transport;

namespace PSKube;

// The one mapping of client failures to PowerShell errors: a stable id by reason (KubeErrors.ErrorId), the category
// (CategoryOf), the object as target, and a recommended action. A failure about one object (a refusal, a timeout) is
// a non-terminating error for that object, so -ErrorAction works and the next object may still succeed; a server
// that cannot be reached or trusted stops the command, since every later request would fail (and wait) the same way.
public abstract partial class KubeCmdlet
{
    /// <summary>Runs one API call for one object; a failure becomes a non-terminating error and the result false.</summary>
    /// <param name="origin">Where the object came from (a manifest's document), put before the error message; null for none.</param>
    protected bool TryApi(string kind, object? target, Action call, object? origin = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            call();
            return true;
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, kind, target, origin);
            return false;
        }
    }

    /// <summary>Reports a failed API call for one object, without stopping the command (the next item may work).</summary>
    /// <param name="origin">Where the object came from (a manifest's "web.yaml, document 2"), put before the message; null for none.</param>
    protected void WriteApiError(Exception error, string kind, object? target, object? origin = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var classified = KubeErrors.Classify(error);
        // The server's own text for a refused login is one word; kubectl's says what it means.
        var message = classified == KubeErrorKind.Unauthorized ? $"You must be logged in to the server (Unauthorized){InContext()}{(error.Message == "Unauthorized" ? "" : ": " + error.Message)}" : error.Message;
        WriteError(new ErrorRecord(error, KubeErrors.ErrorId(kind, error), CategoryOf(classified), target)
        {
            ErrorDetails = new ErrorDetails(origin is null ? message : $"{origin}: {message}") { RecommendedAction = RecommendedAction(error) },
        });
    }

    /// <summary>
    /// What a failed client call becomes on the pipeline thread: Ctrl+C stops the pipeline; a server that cannot be
    /// reached or trusted stops the command (<see cref="ThrowServerFailure"/>); a cancellation no one asked for is
    /// a request that got no answer in time (<see cref="TimeoutException"/>, reported for its object).
    /// </summary>
    private Exception Translated(Exception error)
    {
        if (error is OperationCanceledException && Cancellation.IsCancellationRequested)
        {
            return new PipelineStoppedException();
        }
        if (KubeErrors.IsServerFailure(error))
        {
            ThrowServerFailure(error);
        }
        return new TimeoutException($"The API server{InContext()} did not answer in time.", error);
    }

    /// <summary>
    /// Stops the command: the API server gave no answer at all (refused, unknown host, connection kept dropping) or
    /// its certificate cannot be trusted, so no later item of this command can work either and each would wait
    /// again; as kubectl, say so once and stop. The message names the server and the context, whose cluster
    /// settings are what to check.
    /// </summary>
    private void ThrowServerFailure(Exception error)
    {
        var (server, message) = error switch
        {
            KubeApiUnreachableException unreachable => (unreachable.Server, unreachable.Message),
            KubeTlsException untrusted => (untrusted.Server, untrusted.Message),
            _ => ((object?)_client?.Context.Endpoint.Server ?? "the API server", $"The connection to the API server failed: {error.Message}"),
        };
        var kind = KubeErrors.Classify(error);
        ThrowTerminatingError(new ErrorRecord(error, KubeErrors.ErrorId("", error), CategoryOf(kind), server)
        {
            ErrorDetails = new ErrorDetails($"{message}{InContext()}")
            {
                RecommendedAction = kind == KubeErrorKind.Unreachable
                    ? "Check that the cluster is running and reachable from here, and that the server URL of the kubeconfig context is right; -Context chooses another context."
                    : "Check the server URL and the certificate authority of the kubeconfig cluster (Get-KubeContext shows the server of each context); -Context chooses another context.",
            },
        });
    }

    private string InContext() => _client?.Context.ContextName is { Length: > 0 } context ? $" (context \"{context}\")" : "";

    /// <summary>The one mapping of kinds of failure to PowerShell categories.</summary>
    internal static ErrorCategory CategoryOf(KubeErrorKind kind) => kind switch
    {
        KubeErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        KubeErrorKind.AlreadyExists => ErrorCategory.ResourceExists,
        KubeErrorKind.Conflict => ErrorCategory.ResourceBusy,
        KubeErrorKind.Invalid => ErrorCategory.InvalidData,
        KubeErrorKind.BadRequest => ErrorCategory.InvalidArgument,
        KubeErrorKind.Unauthorized => ErrorCategory.AuthenticationError,
        KubeErrorKind.Forbidden => ErrorCategory.PermissionDenied,
        KubeErrorKind.Expired => ErrorCategory.InvalidOperation,
        KubeErrorKind.Throttled => ErrorCategory.LimitsExceeded,
        KubeErrorKind.Timeout => ErrorCategory.OperationTimeout,
        KubeErrorKind.ServerError => ErrorCategory.ConnectionError,
        KubeErrorKind.Unreachable => ErrorCategory.ConnectionError,
        KubeErrorKind.TlsUntrusted or KubeErrorKind.TlsNameMismatch => ErrorCategory.SecurityError,
        _ => ErrorCategory.NotSpecified,
    };

    internal static ErrorCategory CategoryOf(KubeApiException error) => CategoryOf(KubeErrors.Classify(error));

    private static string? RecommendedAction(Exception error) => KubeErrors.Classify(error) switch
    {
        KubeErrorKind.NotFound when error is KubeApiException refusal && KubeErrors.IsMissingNamespace(refusal) =>
            $"Create the namespace first (New-KubeNamespace {refusal.Status.Details?.Name}), or choose another with -Namespace.",
        KubeErrorKind.NotFound => "Check the name and the namespace (-Namespace; -AllNamespaces searches them all).",
        KubeErrorKind.AlreadyExists => "Choose another name, or remove the existing object first.",
        KubeErrorKind.Invalid => "Correct the fields the message names.",
        KubeErrorKind.Unauthorized => "Check the credentials of the kubeconfig user (Get-KubeContext shows which user a context uses).",
        KubeErrorKind.Forbidden when error is KubeApiException refusal && KubeErrors.IsAdmissionRefusal(refusal) =>
            "The cluster's policy for the namespace refused the object (limit ranges, quotas, Pod Security): change it to fit what the message names, or ask a cluster administrator about the policy.",
        KubeErrorKind.Forbidden => "Ask a cluster administrator for access, or use a context whose user has it (-Context).",
        KubeErrorKind.Conflict => "Read the object again and retry the change.",
        KubeErrorKind.Expired => "Run the command again: the list it resumed from is too old.",
        KubeErrorKind.Throttled => "The API server is busy: wait and retry.",
        KubeErrorKind.Timeout => "The API server is slow or overloaded: retry, or check the health of the cluster.",
        KubeErrorKind.ServerError => "The API server failed: retry, and check the health of the cluster if it persists.",
        _ => null,
    };
}

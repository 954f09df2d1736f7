using System.Net;
using PSKube.Client.Models;

namespace PSKube.Client.Transport;

/// <summary>
/// The API server refused a request. Carries the Status it sent (code, reason, message, causes, retry-after), or
/// what could be read of a body that was not a Status. The message never contains credentials.
/// </summary>
public class KubeApiException : Exception
{
    public KubeApiException(HttpStatusCode statusCode, Status status, string method, string path)
        : base(status.Message is { Length: > 0 } message ? message : $"{method} {path}: {(int)statusCode} {statusCode}")
    {
        StatusCode = statusCode;
        Status = status;
        Method = method;
        Path = path;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The Status object (built from the HTTP status when the body was not one).</summary>
    public Status Status { get; }

    /// <summary>The Kubernetes reason (NotFound, AlreadyExists, Conflict, Invalid, Forbidden...), or "" when unknown.</summary>
    public string Reason => Status.Reason ?? "";

    public IReadOnlyList<StatusCause> Causes => Status.Details?.Causes ?? [];

    public TimeSpan? RetryAfter => Status.Details?.RetryAfterSeconds is int seconds ? TimeSpan.FromSeconds(seconds) : null;

    public string Method { get; }

    /// <summary>The request path without the query string (queries may hold selectors but never secrets; paths never do).</summary>
    public string Path { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;
}

/// <summary>A server-side apply refused because other field managers own fields it would change.</summary>
public sealed class KubeApplyConflictException(HttpStatusCode statusCode, Status status, string method, string path)
    : KubeApiException(statusCode, status, method, path)
{
    /// <summary>Each contested field (".spec.replicas") with the manager that owns it.</summary>
    public IReadOnlyList<(string Field, string Manager)> Conflicts { get; } =
        (status.Details?.Causes ?? [])
            .Where(c => c.Reason == "FieldManagerConflict")
            .Select(c => (c.Field ?? "", ManagerOf(c.Message)))
            .ToList();

    // The cause message reads: conflict with "kubectl-client-side-apply" using apps/v1
    private static string ManagerOf(string? message)
    {
        if (message is null)
        {
            return "";
        }
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        return end > start ? message[(start + 1)..end] : message;
    }
}

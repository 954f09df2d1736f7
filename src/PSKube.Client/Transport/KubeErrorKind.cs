namespace PSKube.Client.Transport;

/// <summary>What kind of failure an API error is, for callers that map it to their own categories.</summary>
public enum KubeErrorKind
{
    NotFound,
    AlreadyExists,
    Conflict,
    Invalid,
    BadRequest,
    Unauthorized,
    Forbidden,
    Expired,
    Throttled,
    Timeout,
    ServerError,

    /// <summary>No answer at all: the server is not there, or the connection kept dropping (<see cref="KubeApiUnreachableException"/>).</summary>
    Unreachable,

    /// <summary>The server's certificate is not signed by the cluster's authority, or has expired (<see cref="KubeTlsException"/>).</summary>
    TlsUntrusted,

    /// <summary>The server's certificate does not name the host asked for (<see cref="KubeTlsException"/>).</summary>
    TlsNameMismatch,
    Other,
}

/// <summary>Classifies API errors and names them with stable ids such as <c>PodNotFound</c>.</summary>
public static class KubeErrors
{
    /// <summary>The error id of every failure to reach the API server, whatever the object.</summary>
    public const string UnreachableId = "KubeApiUnreachable";

    /// <summary>
    /// Any failure of a call: a refusal from the server by its reason, no answer at all as Unreachable, an untrusted
    /// certificate as TlsUntrusted or TlsNameMismatch, no answer in time (or a cancellation the caller did not ask
    /// for) as Timeout.
    /// </summary>
    public static KubeErrorKind Classify(Exception error) => error switch
    {
        KubeApiException refusal => Classify(refusal),
        KubeApiUnreachableException or HttpRequestException or IOException => KubeErrorKind.Unreachable,
        KubeTlsException { Failure: KubeTlsFailure.NameMismatch } => KubeErrorKind.TlsNameMismatch,
        KubeTlsException => KubeErrorKind.TlsUntrusted,
        TimeoutException or OperationCanceledException => KubeErrorKind.Timeout,
        _ => KubeErrorKind.Other,
    };

    /// <summary>
    /// Whether no later request to this server can work either: it cannot be reached or not be trusted. Such a
    /// failure is reported once for the whole command, not once per object.
    /// </summary>
    public static bool IsServerFailure(Exception error) =>
        Classify(error) is KubeErrorKind.Unreachable or KubeErrorKind.TlsUntrusted or KubeErrorKind.TlsNameMismatch;

    public static KubeErrorKind Classify(KubeApiException error) => error.Reason switch
    {
        "NotFound" => KubeErrorKind.NotFound,
        "AlreadyExists" => KubeErrorKind.AlreadyExists,
        "Conflict" => KubeErrorKind.Conflict,
        "Invalid" => KubeErrorKind.Invalid,
        "BadRequest" or "MethodNotAllowed" or "UnsupportedMediaType" or "NotAcceptable" or "RequestEntityTooLarge" => KubeErrorKind.BadRequest,
        "Unauthorized" => KubeErrorKind.Unauthorized,
        "Forbidden" => KubeErrorKind.Forbidden,
        "Expired" or "Gone" => KubeErrorKind.Expired,
        "TooManyRequests" => KubeErrorKind.Throttled,
        "Timeout" or "ServerTimeout" => KubeErrorKind.Timeout,
        "InternalError" or "ServiceUnavailable" => KubeErrorKind.ServerError,
        _ => (int)error.StatusCode >= 500 ? KubeErrorKind.ServerError : KubeErrorKind.Other,
    };

    /// <summary>
    /// A stable error id for any failure of a call about objects of <paramref name="kind"/>: see
    /// <see cref="ErrorId(string, KubeApiException)"/> for refusals; <c>KubeApiUnreachable</c>, <c>TlsUntrusted</c>,
    /// <c>TlsNameMismatch</c> and <c>Timeout</c> for the others, whatever the object.
    /// </summary>
    public static string ErrorId(string kind, Exception error) => error switch
    {
        KubeApiException refusal => ErrorId(kind, refusal),
        _ when Classify(error) == KubeErrorKind.Unreachable => UnreachableId,
        _ => Classify(error).ToString(),
    };

    /// <summary>
    /// A stable error id: the kind of object and what went wrong for object errors (<c>PodNotFound</c>,
    /// <c>DeploymentAlreadyExists</c>, <c>ConfigMapConflict</c>, <c>ServiceInvalid</c>), <c>NamespaceNotFound</c>
    /// when the object's namespace is missing, else the failure alone (<c>Unauthorized</c>, <c>Forbidden</c>,
    /// <c>Throttled</c>...).
    /// </summary>
    public static string ErrorId(string kind, KubeApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var classified = Classify(error);
        return classified switch
        {
            KubeErrorKind.NotFound when IsMissingNamespace(error) => "NamespaceNotFound",
            KubeErrorKind.NotFound or KubeErrorKind.AlreadyExists or KubeErrorKind.Conflict or KubeErrorKind.Invalid
                => (error is KubeApplyConflictException ? kind + "ApplyConflict" : kind + classified),
            _ => classified.ToString(),
        };
    }

    /// <summary>
    /// Whether a Forbidden is the cluster's admission policy refusing the object (a LimitRange's bounds, an exceeded
    /// quota, Pod Security) rather than RBAC refusing the user, whose message always names the user:
    /// <c>pods is forbidden: User "jane" cannot list resource "pods"...</c>.
    /// </summary>
    public static bool IsAdmissionRefusal(KubeApiException error) =>
        error?.Reason == "Forbidden" && !(error.Status.Message ?? "").Contains(" is forbidden: User \"", StringComparison.Ordinal);

    /// <summary>Whether a NotFound is about the namespace (creating in one that does not exist), not the object itself.</summary>
    public static bool IsMissingNamespace(KubeApiException error) =>
        error?.Reason == "NotFound" && error.Status.Details?.Kind == "namespaces";
}

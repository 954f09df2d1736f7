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
    Other,
}

/// <summary>Classifies API errors and names them with stable ids such as <c>PodNotFound</c>.</summary>
public static class KubeErrors
{
    /// <summary>The error id of every failure to reach the API server, whatever the object.</summary>
    public const string UnreachableId = "KubeApiUnreachable";

    /// <summary>Any failure of a call: a refusal from the server by its reason, no answer at all as Unreachable.</summary>
    public static KubeErrorKind Classify(Exception error) => error switch
    {
        KubeApiException refusal => Classify(refusal),
        KubeApiUnreachableException => KubeErrorKind.Unreachable,
        KubeRequestTimeoutException => KubeErrorKind.Timeout,
        _ => KubeErrorKind.Other,
    };

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
    /// A stable error id: the kind of object and what went wrong for object errors (<c>PodNotFound</c>,
    /// <c>DeploymentAlreadyExists</c>, <c>ConfigMapConflict</c>, <c>ServiceInvalid</c>), else the failure alone
    /// (<c>Unauthorized</c>, <c>Forbidden</c>, <c>Throttled</c>...).
    /// </summary>
    public static string ErrorId(string kind, KubeApiException error)
    {
        var classified = Classify(error);
        return classified switch
        {
            KubeErrorKind.NotFound or KubeErrorKind.AlreadyExists or KubeErrorKind.Conflict or KubeErrorKind.Invalid
                => (error is KubeApplyConflictException ? kind + "ApplyConflict" : kind + classified),
            _ => classified.ToString(),
        };
    }
}

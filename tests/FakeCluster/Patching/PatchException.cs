using System.Text.Json.Nodes;

namespace PSKube.FakeCluster.Patching;

/// <summary>
/// A patch the real API server would refuse. Carries what the HTTP layer needs to answer with
/// the same Status: the code, the reason and the message the server would send.
/// </summary>
public sealed class PatchException : Exception
{
    /// <summary>The wording the API server uses for every 422 built by NewGenericServerResponse;
    /// the underlying error text is not sent to the client.</summary>
    public const string GenericInvalidMessage = "the server rejected our request due to an error in our request";

    public PatchException(int statusCode, string? reason, string message, string? detail = null)
        : base(message)
    {
        StatusCode = statusCode;
        Reason = reason;
        Detail = detail;
    }

    /// <summary>HTTP status code of the answer, e.g. 400, 422 or 500.</summary>
    public int StatusCode { get; }

    /// <summary>Status reason (BadRequest, Invalid, ...); null where the server leaves it empty.</summary>
    public string? Reason { get; }

    /// <summary>What went wrong, when the Status message hides it (for logs and tests).</summary>
    public string? Detail { get; }

    /// <summary>The Status object the API server answers with for this error.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
        };
        if (Reason is not null)
        {
            status["reason"] = Reason;
        }

        // NewGenericServerResponse always attaches details, empty here.
        if (StatusCode == 422)
        {
            status["details"] = new JsonObject();
        }

        status["code"] = StatusCode;
        return status;
    }

    internal static PatchException BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>422 Invalid as the server builds it for failed JSON patch operations and some
    /// strategic merge errors: the detail is kept here but the Status says only the generic text.</summary>
    internal static PatchException Invalid(string detail) => new(422, "Invalid", GenericInvalidMessage, detail);

    /// <summary>A plain Go error reaching the handler: 500 with an empty reason and the error text.</summary>
    internal static PatchException Internal(string message) => new(500, null, message);
}

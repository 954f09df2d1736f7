using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PSKube.Client.Resources;
using PSKube.FakeCluster.Discovery;
using PSKube.FakeCluster.Metrics;
using PSKube.FakeCluster.OpenApi;
using PSKube.FakeCluster.Security;

namespace PSKube.FakeCluster.Api;

/// <summary>
/// The front of the API server: health and version for everyone, then authentication, then discovery, OpenAPI and
/// resource requests. Every failure leaves as a Status object.
/// </summary>
public sealed class ApiServer(Authenticator authenticator, ResourceHandler resources, FaultInjection faults, IReadOnlyList<ResourceDefinition> served, Func<string> serverAddress,
    MetricsApi? metrics = null)
{
    // Discovery also lists the groups of aggregated API servers (metrics-server's metrics.k8s.io).
    private readonly IReadOnlyList<ResourceDefinition> _discovered = metrics is null ? served : [.. served, .. MetricsApi.Resources];

    /// <summary>The resource types this server serves: the built-in ones and any extra (custom) ones it was given.</summary>
    public IReadOnlyList<ResourceDefinition> Resources => served;

    public static JsonObject Version { get; } = new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.4-fake",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-04-22T00:00:00Z",
        ["goVersion"] = "go1.23.6",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public async Task HandleAsync(HttpContext context)
    {
        faults.Record(context.Request);
        try
        {
            await RouteAsync(context);
        }
        catch (StatusError error) when (!context.Response.HasStarted)
        {
            await HttpJson.WriteAsync(context, error.Code, error.ToStatus());
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up.
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            await HttpJson.WriteAsync(context, 500, StatusObject.Failure(500, "InternalError", $"Internal error occurred: {error.Message}"));
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        switch (path)
        {
            case "/version" or "/version/":
                await HttpJson.WriteAsync(context, 200, Version);
                return;
            case "/healthz" or "/livez" or "/readyz":
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
        }

        if (authenticator.Authenticate(context) is not { } authenticated)
        {
            throw new StatusError(401, "Unauthorized", "Unauthorized");
        }
        var user = ImpersonationFilter.Apply(authenticated, context.Request);

        if (faults.TryThrottle(out var throttleCode, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var details = new JsonObject { ["retryAfterSeconds"] = retryAfter };
            throw throttleCode == 429
                ? new StatusError(429, "TooManyRequests", "Too many requests, please try again later.", details)
                : new StatusError(throttleCode, "ServiceUnavailable", "The server is currently unable to handle the request", details);
        }

        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var accept = context.Request.Headers.Accept.ToString();
        switch (segments)
        {
            case ["api"] or ["apis"]:
                var core = segments[0] == "api";
                if (MediaTypes.AggregatedDiscoveryVersion(accept) is { } discoveryVersion)
                {
                    context.Response.Headers["Vary"] = "Accept";
                    await HttpJson.WriteAsync(context, 200, DiscoveryDocuments.Aggregated(_discovered, core, discoveryVersion),
                        discoveryVersion == "v2" ? MediaTypes.DiscoveryV2 : MediaTypes.DiscoveryV2Beta1);
                }
                else
                {
                    await HttpJson.WriteAsync(context, 200, core ? DiscoveryDocuments.ApiVersions(serverAddress()) : DiscoveryDocuments.ApiGroupList(_discovered));
                }
                return;
            case ["api", var coreVersion]:
                await WriteOrNotFound(context, DiscoveryDocuments.ResourceList(_discovered, "", coreVersion));
                return;
            case ["apis", var group]:
                await WriteOrNotFound(context, DiscoveryDocuments.ApiGroup(_discovered, group));
                return;
            case ["apis", var group, var groupVersion]:
                await WriteOrNotFound(context, DiscoveryDocuments.ResourceList(_discovered, group, groupVersion));
                return;
            case ["apis", MetricsApi.Group, MetricsApi.Version, .. var metricsPath] when metrics is not null:
                await metrics.HandleAsync(context, metricsPath);
                return;
            case ["openapi", "v3"]:
                await HttpJson.WriteAsync(context, 200, OpenApiDocuments.Index(Resources));
                return;
            case ["apis", SelfSubjectReviews.Group, "v1", "selfsubjectreviews"]:
                await SelfSubjectReviews.HandleAsync(context, user);
                return;
            case ["openapi", "v2"]:
                throw NotFound();
            case ["openapi", "v3", .. var rest]:
                await WriteOrNotFound(context, OpenApiDocuments.Document(Resources, string.Join('/', rest)));
                return;
        }

        if (segments is not ["api" or "apis", ..])
        {
            // Outside the API the real server's mux answers in plain text, not with a Status.
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("404 page not found\n", context.RequestAborted);
            return;
        }
        var target = RequestTarget.Parse(path, Resources) ?? throw NotFound();
        await resources.HandleAsync(context, target);
    }

    private static async Task WriteOrNotFound(HttpContext context, JsonObject? document)
    {
        if (document is null)
        {
            throw NotFound();
        }
        await HttpJson.WriteAsync(context, 200, document);
    }

    private static StatusError NotFound() => new(404, "NotFound", "the server could not find the requested resource");
}

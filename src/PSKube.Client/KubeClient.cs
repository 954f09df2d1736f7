using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PSKube.Client.Config;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Client;

/// <summary>
/// Talks to one cluster as one user (a resolved kubeconfig context): typed get, list, watch, create, replace,
/// patch, apply, delete, scale and wait. Every call takes a CancellationToken; every failure the server reports
/// is a <see cref="KubeApiException"/>. Instances share pooled connections, so creating one is cheap.
/// </summary>
public sealed partial class KubeClient
{
    private const string JsonMediaType = "application/json";
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private readonly KubeConnection _connection;

    public KubeClient(KubeContext context, KubeConnection connection)
    {
        Context = context;
        _connection = connection;
        Resources = new ResourceCatalog(GetDocumentAsync);
    }

    public KubeContext Context { get; }

    /// <summary>The API server's URL, as health reports name it.</summary>
    internal Uri Server => _connection.Endpoint.Server;

    /// <summary>Resolves resource type names (built-in or discovered); discovery is cached with this client.</summary>
    public ResourceCatalog Resources { get; }

    /// <summary>Any JSON document of the API (discovery, /version...), parsed; the Accept header chooses its form.</summary>
    public async Task<JsonNode?> GetDocumentAsync(string path, string accept, CancellationToken cancellationToken)
    {
        using var response = await _connection.SendAsync(Request(HttpMethod.Get, path, accept), streaming: false, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    /// <summary>The server's version (what kubectl version prints as Server Version).</summary>
    public async Task<ServerVersion> GetServerVersionAsync(CancellationToken cancellationToken)
    {
        var document = await GetDocumentAsync("/version", JsonMediaType, cancellationToken);
        return new ServerVersion(
            (string?)document?["major"] ?? "",
            (string?)document?["minor"] ?? "",
            (string?)document?["gitVersion"] ?? "",
            (string?)document?["platform"] ?? "",
            (string?)document?["goVersion"] ?? "",
            (string?)document?["buildDate"] ?? "");
    }

    /// <summary>The namespace used when a call names none: the context's, else "default".</summary>
    public string DefaultNamespace => Context.Namespace;

    private string NamespaceFor(ResourceDefinition resource, string? @namespace) =>
        resource.Namespaced ? @namespace ?? DefaultNamespace : "";

    private string ObjectPath(ResourceDefinition resource, string? @namespace, string name, string? subresource = null)
    {
        var path = resource.ObjectPath(resource.Namespaced ? NamespaceFor(resource, @namespace) : null, name);
        return subresource is null ? path : $"{path}/{subresource}";
    }

    private string CollectionPath(ResourceDefinition resource, string? @namespace) =>
        resource.CollectionPath(resource.Namespaced ? NamespaceFor(resource, @namespace) : null);

    /// <summary>Lists and watches read one namespace, or every namespace when it is null.</summary>
    private static string ListPath(ResourceDefinition resource, string? @namespace) => resource.CollectionPath(@namespace);

    private static string WithQuery(string path, IEnumerable<(string Name, string? Value)> parameters)
    {
        var query = string.Join('&', parameters
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    private static Func<HttpRequestMessage> Request(HttpMethod method, string pathAndQuery, string accept = JsonMediaType, byte[]? body = null, string? contentType = null) => () =>
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.Accept.ParseAdd(accept);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? JsonMediaType);
        }
        return request;
    };

    private async Task<T> SendForAsync<T>(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var response = await _connection.SendAsync(request, streaming: false, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await KubeJson.DeserializeAsync<T>(stream, cancellationToken)
               ?? throw new InvalidDataException("The server sent an empty body.");
    }

    /// <summary>
    /// Lists come without kind and apiVersion on their items; put them back so every object is complete. Objects
    /// age by the server's clock.
    /// </summary>
    private T Complete<T>(T obj, ResourceDefinition resource)
        where T : KubeObject
    {
        obj.ApiVersion ??= resource.ApiVersion;
        obj.Kind ??= resource.Kind;
        obj.ServerClock = _connection.Clock;
        if (obj.LatestServerTime() is { } written)
        {
            _connection.Clock.ObserveAtLeast(written, DateTimeOffset.UtcNow);
        }
        return obj;
    }

    private static byte[] Body<T>(T value) => KubeJson.SerializeToUtf8Bytes(value);

    private static byte[] Body(string json) => Encoding.UTF8.GetBytes(json);
}

using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    /// <summary>Gets one object; a missing one is a <see cref="KubeApiException"/> with <c>IsNotFound</c>.</summary>
    public async Task<T> GetAsync<T>(ResourceDefinition resource, string? @namespace, string name, CancellationToken cancellationToken)
        where T : KubeObject =>
        Complete(await SendForAsync<T>(Request(HttpMethod.Get, ObjectPath(resource, @namespace, name)), cancellationToken), resource);

    /// <summary>Gets one object, or null when it does not exist.</summary>
    public async Task<T?> FindAsync<T>(ResourceDefinition resource, string? @namespace, string name, CancellationToken cancellationToken)
        where T : KubeObject
    {
        try
        {
            return await GetAsync<T>(resource, @namespace, name, cancellationToken);
        }
        catch (KubeApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Lists objects page by page (limit/continue), yielding each as soon as it is read. <paramref name="namespace"/>
    /// null lists every namespace. When a continue token expires mid-way the list starts again and skips what it
    /// already gave out.
    /// </summary>
    public async IAsyncEnumerable<T> ListAsync<T>(ResourceDefinition resource, string? @namespace, ListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : KubeObject
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var page = new ListPage<T>(this, resource, @namespace, options ?? new ListOptions());
        while (true)
        {
            var expired = false;
            await using var enumerator = page.ReadAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.Gone && page.Continuing)
                {
                    expired = true;
                    break;
                }
                var item = enumerator.Current;
                if (seen.Add($"{item.Namespace}/{item.Name}"))
                {
                    yield return item;
                }
            }
            if (!expired)
            {
                yield break;
            }
            page = new ListPage<T>(this, resource, @namespace, options ?? new ListOptions());
        }
    }

    /// <summary>Lists every page and returns the items with the list's resourceVersion (where a watch starts from).</summary>
    public async Task<(IReadOnlyList<T> Items, string ResourceVersion)> ListAllAsync<T>(ResourceDefinition resource, string? @namespace, ListOptions? options, CancellationToken cancellationToken)
        where T : KubeObject
    {
        var page = new ListPage<T>(this, resource, @namespace, options ?? new ListOptions());
        var items = new List<T>();
        await foreach (var item in page.ReadAsync(cancellationToken))
        {
            items.Add(item);
        }
        return (items, page.ResourceVersion ?? "");
    }

    /// <summary>The server-side Table for a kind (what kubectl get prints), with the whole object of each row.</summary>
    public async Task<KubeTable> GetTableAsync(ResourceDefinition resource, string? @namespace, ListOptions? options, CancellationToken cancellationToken)
    {
        options ??= new ListOptions();
        var path = WithQuery(ListPath(resource, @namespace), [("labelSelector", options.LabelSelector), ("fieldSelector", options.FieldSelector), ("includeObject", "Object")]);
        return await ReadTableAsync(path, cancellationToken);
    }

    /// <summary>The server-side Table of one object (one row), with the whole object; a missing one is a <see cref="KubeApiException"/>.</summary>
    public Task<KubeTable> GetObjectTableAsync(ResourceDefinition resource, string? @namespace, string name, CancellationToken cancellationToken) =>
        ReadTableAsync(WithQuery(ObjectPath(resource, @namespace, name), [("includeObject", "Object")]), cancellationToken);

    private async Task<KubeTable> ReadTableAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _connection.SendAsync(Request(HttpMethod.Get, path, TableAccept), streaming: false, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var table = await JsonSerializer.DeserializeAsync(stream, TableJsonContext.Default.Table, cancellationToken)
                    ?? throw new InvalidDataException("The server sent an empty Table.");
        return KubeTable.From(table);
    }

    /// <summary>One list request chain: each page fetched when the previous one is read through.</summary>
    private sealed class ListPage<T>(KubeClient client, ResourceDefinition resource, string? @namespace, ListOptions options)
        where T : KubeObject
    {
        private string? _continue;

        public string? ResourceVersion { get; private set; }

        public bool Continuing => _continue is not null;

        public async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var collection = ListPath(resource, @namespace);
            do
            {
                var path = WithQuery(collection,
                [
                    ("labelSelector", options.LabelSelector),
                    ("fieldSelector", options.FieldSelector),
                    ("limit", options.PageSize > 0 ? options.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
                    ("continue", _continue),
                ]);
                using var response = await client._connection.SendAsync(Request(HttpMethod.Get, path), streaming: true, cancellationToken);
                // A page read as it comes must not hang on a stalled server: the request timeout bounds each wait for more.
                var requestTimeout = client._connection.RequestTimeout;
                using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                stalled.CancelAfter(requestTimeout);
                await using var stream = await response.Content.ReadAsStreamAsync(stalled.Token);
                var reader = new JsonListReader<T>(stream, KubeJson.TypeInfo<T>());
                await using var items = reader.ReadItemsAsync(stalled.Token).GetAsyncEnumerator(stalled.Token);
                while (true)
                {
                    try
                    {
                        if (!await items.MoveNextAsync())
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                    {
                        throw new KubeRequestTimeoutException(client._connection.Endpoint.Server, "GET", collection, requestTimeout, e);
                    }
                    stalled.CancelAfter(requestTimeout);
                    yield return client.Complete(items.Current, resource);
                }
                ResourceVersion ??= reader.Metadata?.ResourceVersion;
                _continue = reader.Metadata?.Continue is { Length: > 0 } next ? next : null;
            }
            while (_continue is not null);
        }
    }
}

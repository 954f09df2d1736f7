using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Resources;
using PSKube.FakeCluster;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Storage;

namespace PSKube.Client.Tests.FakeClusterTests;

/// <summary>
/// How the fake writes lists and Tables: straight from the stored JSON, sent on as they grow (gzipped past 128 KiB
/// when the client accepts it), with the same bytes as the stored objects written as trees.
/// </summary>
public sealed class FakeClusterResponseTests : FakeClusterHttpTest
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    private static readonly ResourceDefinition ConfigMapResource = BuiltInResources.Find("configmaps")!;

    [Theory]
    [InlineData("")]
    [InlineData("&includeObject=Metadata")]
    [InlineData("&includeObject=Object")]
    public async Task LargeTable_IsTheSameGzippedOrPlain_AndCarriesTheStoredObjects(string includeObject)
    {
        Seed(300);
        var path = ConfigMaps + "?limit=250" + includeObject;
        var (plainEncoding, plain) = await GetAsync(path, TableAccept, gzip: false);
        var (gzipEncoding, gzipped) = await GetAsync(path, TableAccept, gzip: true);

        Assert.Null(plainEncoding);
        Assert.Equal("gzip", gzipEncoding);
        Assert.True(plain.Length > 128 * 1024, $"the page is {plain.Length} bytes: too small to be compressed");
        Assert.Equal(plain, gzipped);
        var rows = JsonNode.Parse(plain)!["rows"]!.AsArray();
        Assert.Equal(250, rows.Count);
        foreach (var row in rows)
        {
            var name = (string)row!["cells"]![0]!;
            var stored = (await Http.SendAsync(HttpMethod.Get, $"{ConfigMaps}/{name}")).Body!;
            var expected = includeObject switch
            {
                "&includeObject=Object" => stored,
                _ => new JsonObject { ["kind"] = "PartialObjectMetadata", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = stored["metadata"]!.DeepClone() },
            };
            Assert.True(JsonNode.DeepEquals(expected, row["object"]), $"{name}: {row["object"]?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task LargeList_IsTheSameGzippedOrPlain_AndItsItemsAreTheStoredObjectsWithoutKind()
    {
        Seed(300);
        var (plainEncoding, plain) = await GetAsync(ConfigMaps, "application/json", gzip: false);
        var (gzipEncoding, gzipped) = await GetAsync(ConfigMaps, "application/json", gzip: true);

        Assert.Null(plainEncoding);
        Assert.Equal("gzip", gzipEncoding);
        Assert.Equal(plain, gzipped);
        var list = JsonNode.Parse(plain)!;
        Assert.Equal("ConfigMapList", (string?)list["kind"]);
        var items = list["items"]!.AsArray();
        Assert.Equal(300, items.Count);
        foreach (var item in items)
        {
            var stored = (await Http.SendAsync(HttpMethod.Get, $"{ConfigMaps}/{(string)item!["metadata"]!["name"]!}")).Body!.AsObject();
            stored.Remove("kind");
            stored.Remove("apiVersion");
            Assert.True(JsonNode.DeepEquals(stored, item));
        }
    }

    [Fact]
    public async Task SmallTable_IsNotCompressed_AndWithoutObjectsHasNone()
    {
        Seed(3);
        var (encoding, body) = await GetAsync(ConfigMaps + "?includeObject=None", TableAccept, gzip: true);
        Assert.Null(encoding);
        var rows = JsonNode.Parse(body)!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Null(row!["object"]));
    }

    [Fact]
    public void StoredJson_HasTheBytesOfTheTreeWrittenAsResponsesWriteIt()
    {
        var obj = new JsonObject
        {
            ["kind"] = "ConfigMap",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["name"] = "quoted", ["annotations"] = new JsonObject { ["note"] = "<a href=\"x\">+1 & 'é' ✓</a>\n\t\u0001" } },
            ["data"] = new JsonObject { ["k"] = "v" },
        };
        var stored = Cluster.Store.Stored(ConfigMapResource, "default", Store(obj)["metadata"]!["name"]!.GetValue<string>())!;

        Assert.Equal(Written(w => stored.Object.WriteTo(w)), Encoding.UTF8.GetString(stored.Json.Span));
        Assert.Equal(Written(w => stored.Object["metadata"]!.WriteTo(w)), Encoding.UTF8.GetString(stored.Field("metadata").Span));
        Assert.True(stored.Field("status").IsEmpty);
        var item = Written(stored.WriteListItem);
        Assert.Equal(Written(w => new JsonObject { ["metadata"] = stored.Object["metadata"]!.DeepClone(), ["data"] = stored.Object["data"]!.DeepClone() }.WriteTo(w)), item);
    }

    [Fact]
    public void Decoded_DecodesAStoredVersionOnce()
    {
        var stored = StoredObject.Of(FakeClusterHttp.ConfigMap("once"));
        var decodes = 0;
        string Decode(ReadOnlyMemory<byte> json)
        {
            decodes++;
            return Encoding.UTF8.GetString(json.Span);
        }

        var first = stored.Decoded(Decode);
        var second = stored.Decoded(Decode);

        Assert.Same(first, second);
        Assert.Equal(1, decodes);
        Assert.Contains("\"once\"", first, StringComparison.Ordinal);
    }

    private JsonObject Store(JsonObject obj)
    {
        obj["metadata"]!["namespace"] = "default";
        return Cluster.Store.Add(ConfigMapResource, obj);
    }

    private void Seed(int count)
    {
        for (var i = 0; i < count; i++)
        {
            // Large metadata, as managed fields make it, so that a Table of metadata is large too.
            var configMap = FakeClusterHttp.ConfigMap($"cm-{i:D4}");
            configMap["metadata"]!["annotations"] = new JsonObject { ["note"] = new string('x', 600) };
            Store(configMap);
        }
    }

    private async Task<(string? Encoding, string Body)> GetAsync(string path, string accept, bool gzip)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (gzip)
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip");
        }
        using var response = await Http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        await using var stream = await response.Content.ReadAsStreamAsync();
        await using var body = encoding == "gzip" ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(body, Encoding.UTF8);
        return (encoding, await reader.ReadToEndAsync());
    }

    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, HttpJson.WriterOptions))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

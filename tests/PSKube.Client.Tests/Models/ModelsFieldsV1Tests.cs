using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Models;

/// <summary>managedFields' field sets, kept as the server's JSON bytes and written back unchanged.</summary>
public class ModelsFieldsV1Tests
{
    // As the API server writes it: keys that are JSON themselves, with escaped quotes, and a non-ASCII value.
    private const string Fields = """{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:ports":{"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{}}},"f:finalizers":{"v:\"example.com/ü\"":{}}}}""";

    private const string Entry = $$"""{"apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{{Fields}},"manager":"kubectl","operation":"Apply","time":"2025-01-02T03:04:05Z"}""";

    [Fact]
    public void ReadFromText_IsWrittenBackByteForByte()
    {
        var entry = KubeJson.Deserialize<ManagedFieldsEntry>(Entry)!;

        Assert.Equal(Fields, entry.FieldsV1!.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(Entry), KubeJson.SerializeToUtf8Bytes(entry));
    }

    [Fact]
    public async Task ReadFromAStreamInSmallPieces_KeepsTheWholeValue()
    {
        // The serializer's buffer holds a piece of the stream at a time; the value must still come out whole.
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes($$$"""{"metadata":{"name":"web","managedFields":[{{{Entry}}},{{{Entry}}}]}}"""));

        var pod = (await KubeJson.DeserializeAsync<Pod>(stream))!;

        Assert.All(pod.Metadata!.ManagedFields!, entry => Assert.Equal(Fields, entry.FieldsV1!.ToString()));
    }

    [Fact]
    public void ReadFromSeveralBuffers_KeepsTheValue()
    {
        var bytes = Encoding.UTF8.GetBytes(Entry);
        var middle = Entry.IndexOf("f:ports", StringComparison.Ordinal);
        var reader = new Utf8JsonReader(TwoSegments(bytes, middle));

        var entry = JsonSerializer.Deserialize(ref reader, KubeJson.TypeInfo<ManagedFieldsEntry>())!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fields), entry.FieldsV1!.ToJsonNode()));
    }

    [Fact]
    public void ToJsonNode_GivesATreeOfItsOwn()
    {
        var fields = new FieldsV1(Fields);

        fields.ToJsonNode()!.AsObject().Remove("f:spec");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Fields), fields.ToJsonNode()));
    }

    [Fact]
    public void MadeFromText_RefusesWhatIsNotJson()
    {
        Assert.ThrowsAny<JsonException>(() => new FieldsV1("""{"f:spec":"""));
        Assert.Equal("""{"fieldsV1":{"f:data":{}},"manager":"me"}""", KubeJson.Serialize(new ManagedFieldsEntry { Manager = "me", FieldsV1 = new FieldsV1("""{"f:data":{}}""") }));
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] bytes, int split)
    {
        var first = new Segment(bytes.AsMemory(0, split), 0);
        var second = new Segment(bytes.AsMemory(split), split);
        first.SetNext(second);
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }

    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        private const int Piece = 16;

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, Piece)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, Piece));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}

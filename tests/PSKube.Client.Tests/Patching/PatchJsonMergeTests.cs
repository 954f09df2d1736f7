using System.Text.Json.Nodes;
using PSKube.FakeCluster.Patching;

namespace PSKube.Client.Tests.Patching;

public class PatchJsonMergeTests
{
    // RFC 7386 appendix A.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void AppliesTheRfcExamples(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        PatchJsonAssert.Equivalent(expected, result);
    }

    [Fact]
    public void LabelsAPodAsKubectlLabelDoes()
    {
        var pod = PatchJsonAssert.Object("""{"kind":"Pod","metadata":{"name":"bar","labels":{"run":"bar"}},"spec":{"containers":[{"name":"bar","image":"alpine"}]}}""");

        var result = JsonMergePatch.Apply(pod, JsonNode.Parse("""{"metadata":{"labels":{"color":"red"}}}""")!);

        PatchJsonAssert.Equivalent("""{"kind":"Pod","metadata":{"name":"bar","labels":{"run":"bar","color":"red"}},"spec":{"containers":[{"name":"bar","image":"alpine"}]}}""", result);
        Assert.Null(pod["metadata"]!["labels"]!["color"]);
    }
}

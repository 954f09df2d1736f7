using System.Text.Json.Nodes;
using PSKube.FakeCluster.Patching;

namespace PSKube.Client.Tests.Patching;

public class PatchJsonPatchTests
{
    // RFC 6902 appendix A, plus pointer escaping and appending with "-".
    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""", """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData("""{"baz":"qux","foo":["a",2,"c"]}""", """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""", """{"baz":"qux","foo":["a",2,"c"]}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10},{"op":"replace","path":"/~1","value":1}]""", """{"/":1,"~1":10}""")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"copy","from":"/a","path":"/c"},{"op":"replace","path":"/c/b","value":2}]""", """{"a":{"b":1},"c":{"b":2}}""")]
    [InlineData("""{"metadata":{"finalizers":["a","b"]}}""", """[{"op":"remove","path":"/metadata/finalizers/0"}]""", """{"metadata":{"finalizers":["b"]}}""")]
    public void AppliesTheRfcExamples(string target, string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        PatchJsonAssert.Equivalent(expected, result);
    }

    // Operations that cannot apply are 422 Invalid with the server's generic message.
    [Theory]
    [InlineData("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"remove","path":"/missing"}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"replace","path":"/missing","value":1}]""")]
    [InlineData("""{"foo":[1]}""", """[{"op":"add","path":"/foo/5","value":1}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"frobnicate","path":"/foo"}]""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","value":1}]""")]
    public void RejectsOperationsThatCannotApply(string target, string patch)
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch)));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal("the server rejected our request due to an error in our request", error.Message);
        Assert.NotNull(error.Detail);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"/a","value":1}""", "json: cannot unmarshal object into Go value of type jsonpatch.Patch")]
    [InlineData("\"add\"", "json: cannot unmarshal string into Go value of type jsonpatch.Patch")]
    [InlineData("""["add"]""", "json: cannot unmarshal string into Go value of type jsonpatch.Operation")]
    public void RejectsABodyThatIsNotAListOfOperationsAsBadRequest(string patch, string message)
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse("{}"), JsonNode.Parse(patch)));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("BadRequest", error.Reason);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void DescribesAFailedOperationWithTheServersStatus()
    {
        var error = Assert.Throws<PatchException>(() => JsonPatch.Apply(JsonNode.Parse("{}"), JsonNode.Parse("""[{"op":"remove","path":"/a"}]""")));

        PatchJsonAssert.Exact(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server rejected our request due to an error in our request","reason":"Invalid","details":{},"code":422}""",
            error.ToStatus());
    }

    [Fact]
    public void LeavesTheTargetUntouchedWhenALaterOperationFails()
    {
        var target = JsonNode.Parse("""{"a":1}""");

        Assert.Throws<PatchException>(() => JsonPatch.Apply(target, JsonNode.Parse("""[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/b"}]""")));

        PatchJsonAssert.Exact("""{"a":1}""", target);
    }
}

using PSKube.Client.Selectors;

namespace PSKube.Client.Tests.Selectors;

public class FieldSelectorTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("metadata.name=web", "metadata.name=web")]
    [InlineData("a==b", "a=b")]
    [InlineData("a!=b", "a!=b")]
    [InlineData("b=2,a=1", "a=1,b=2")]
    [InlineData(",a=1,,", "a=1")]
    [InlineData("a=", "a=")]
    [InlineData(@"a=x\,y", @"a=x\,y")]
    [InlineData(@"a=x\=y\\z", @"a=x\=y\\z")]
    [InlineData("involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=123",
        "involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=123")]
    public void ParsesAndPrintsCanonicalForm(string selector, string expected) =>
        Assert.Equal(expected, FieldSelector.Parse(selector).ToString());

    [Theory]
    [InlineData("status.phase=Running", "status.phase", FieldSelectorOperator.Equals, "Running")]
    [InlineData("status.phase==Running", "status.phase", FieldSelectorOperator.Equals, "Running")]
    [InlineData("spec.nodeName!=", "spec.nodeName", FieldSelectorOperator.NotEquals, "")]
    [InlineData(@"metadata.name=a\,b", "metadata.name", FieldSelectorOperator.Equals, "a,b")]
    [InlineData(@"metadata.name=a\=b", "metadata.name", FieldSelectorOperator.Equals, "a=b")]
    [InlineData(@"metadata.name=a\\b", "metadata.name", FieldSelectorOperator.Equals, @"a\b")]
    [InlineData("a b=c d", "a b", FieldSelectorOperator.Equals, "c d")]
    public void ExposesUnescapedRequirements(string selector, string field, FieldSelectorOperator @operator, string value) =>
        Assert.Equal(new FieldRequirement(field, @operator, value), Assert.Single(FieldSelector.Parse(selector).Requirements));

    [Theory]
    [InlineData("abc", "invalid selector: 'abc'; can't understand 'abc'")]
    [InlineData("a=1,xyz", "invalid selector: 'a=1,xyz'; can't understand 'xyz'")]
    [InlineData("a=x,y", "invalid selector: 'a=x,y'; can't understand 'y'")]
    [InlineData("a=b=c", "invalid field selector: unescaped character in value: 61")]
    [InlineData("a!==b", "invalid field selector: unescaped character in value: 61")]
    [InlineData(@"a=x\y", @"invalid field selector: invalid escape sequence: \y")]
    [InlineData(@"a=x\", @"invalid field selector: invalid escape sequence: \")]
    public void RejectsInvalidSelectorsWithTheApiServerMessage(string selector, string expected)
    {
        var exception = Assert.Throws<FieldSelectorException>(() => FieldSelector.Parse(selector));
        Assert.Equal(expected, exception.Message);
    }

    [Theory]
    [InlineData("status.phase=Running", "status.phase=Running", true)]
    [InlineData("status.phase=Running", "status.phase=Pending", false)]
    [InlineData("status.phase!=Running", "status.phase=Pending", true)]
    [InlineData("status.phase!=Running", "status.phase=Running", false)]
    [InlineData("spec.nodeName!=", "", false)]
    [InlineData("spec.nodeName!=", "spec.nodeName=node-1", true)]
    [InlineData("spec.nodeName=", "", true)]
    [InlineData("metadata.name=web,metadata.namespace=default", "metadata.name=web;metadata.namespace=default", true)]
    [InlineData("metadata.name=web,metadata.namespace=default", "metadata.name=web;metadata.namespace=prod", false)]
    [InlineData(@"metadata.name=a\,b", "metadata.name=a,b", true)]
    [InlineData("", "", true)]
    public void MatchesFields(string selector, string fields, bool expected)
    {
        var values = fields.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);

        Assert.Equal(expected, FieldSelector.Parse(selector).Matches(field => values.GetValueOrDefault(field)));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData(@"a,b=c\d", @"a\,b\=c\\d")]
    public void EscapesValues(string value, string expected)
    {
        Assert.Equal(expected, FieldSelector.EscapeValue(value));
        Assert.Equal(value, Assert.Single(FieldSelector.Parse("f=" + expected).Requirements).Value);
    }
}

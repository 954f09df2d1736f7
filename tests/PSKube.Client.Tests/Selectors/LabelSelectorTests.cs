using PSKube.Client.Selectors;
using PSKube.Client.Tests.Validation;

namespace PSKube.Client.Tests.Selectors;

public class LabelSelectorTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(" \t\r\n", "")]
    [InlineData("a=b", "a=b")]
    [InlineData("a==b", "a==b")]
    [InlineData("a!=b", "a!=b")]
    [InlineData("a in (y,x)", "a in (x,y)")]
    [InlineData("a in (x,x)", "a in (x)")]
    [InlineData("a notin (x)", "a notin (x)")]
    [InlineData("a", "a")]
    [InlineData("!a", "!a")]
    [InlineData("a>1", "a>1")]
    [InlineData("a<10", "a<10")]
    [InlineData("a=", "a=")]
    [InlineData("a!=", "a!=")]
    [InlineData("  b = c ,\ta ", "a,b=c")]
    [InlineData("x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()")]
    [InlineData("a in (,)", "a in ()")]
    [InlineData("a in (x,)", "a in (,x)")]
    [InlineData("in in (in),notin notin (notin)", "in in (in),notin notin (notin)")]
    [InlineData("app.kubernetes.io/name=web,tier in (front)", "app.kubernetes.io/name=web,tier in (front)")]
    [InlineData("a=b,a!=c", "a=b,a!=c")]
    [InlineData("z,!y,x=1", "x=1,!y,z")]
    public void ParsesAndPrintsCanonicalForm(string selector, string expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).ToString());

    [Theory]
    [InlineData("a=b", LabelSelectorOperator.Equals, new[] { "b" })]
    [InlineData("a==b", LabelSelectorOperator.DoubleEquals, new[] { "b" })]
    [InlineData("a!=b", LabelSelectorOperator.NotEquals, new[] { "b" })]
    [InlineData("a in (c,b,c)", LabelSelectorOperator.In, new[] { "b", "c" })]
    [InlineData("a notin (b)", LabelSelectorOperator.NotIn, new[] { "b" })]
    [InlineData("a", LabelSelectorOperator.Exists, new string[0])]
    [InlineData("!a", LabelSelectorOperator.DoesNotExist, new string[0])]
    [InlineData("a>3", LabelSelectorOperator.GreaterThan, new[] { "3" })]
    [InlineData("a<3", LabelSelectorOperator.LessThan, new[] { "3" })]
    public void ExposesRequirements(string selector, LabelSelectorOperator expectedOperator, string[] expectedValues)
    {
        var requirement = Assert.Single(LabelSelector.Parse(selector).Requirements);
        Assert.Equal("a", requirement.Key);
        Assert.Equal(expectedOperator, requirement.Operator);
        Assert.Equal(expectedValues, requirement.Values);
    }

    public static TheoryData<string, string> ParseErrors => new()
    {
        { "a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt" },
        { "a!b", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt" },
        { "a=b c", "found 'c', expected: ',' or 'end of string'" },
        { "a=b)", "found ')', expected: ',' or 'end of string'" },
        { "!a=b", "found '=', expected: ',' or 'end of string'" },
        { "a=b,", "found '', expected: identifier after ','" },
        { "a,,b", "found ',', expected: identifier after ','" },
        { "=a", "found '=', expected: !, identifier, or 'end of string'" },
        { "!", "unable to parse requirement: found '', expected: identifier" },
        { "a in x", "unable to parse requirement: found 'x' expected: '('" },
        { "a in (x", "unable to parse requirement: found '', expected: ',' or ')'" },
        { "a in (x y)", "unable to parse requirement: found 'y', expected: ',' or ')'" },
        { "a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier" },
        { "a in (x,=)", "unable to parse requirement: found '=', expected: ',', or identifier" },
        { "a=(b)", "unable to parse requirement: found '(', expected: identifier" },
        { "app:monolith", "unable to parse requirement: <nil>: Invalid value: \"app:monolith\": " + ApiMessages.LabelKeyName },
        { "a/b/c=d", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": " + ApiMessages.LabelKeyTooManySlashes },
        { "example.com/=x", "unable to parse requirement: <nil>: Invalid value: \"example.com/\": name part must be non-empty; " + ApiMessages.LabelKeyName },
        { "a=b@", "unable to parse requirement: values[0][a]: Invalid value: \"b@\": " + ApiMessages.LabelValue },
        { "a=" + new string('v', 64), "unable to parse requirement: values[0][a]: Invalid value: \"" + new string('v', 64) + "\": must be no more than 63 bytes" },
        { "a in (-y,-x)", "unable to parse requirement: [values[0][a]: Invalid value: \"-x\": " + ApiMessages.LabelValue + ", values[1][a]: Invalid value: \"-y\": " + ApiMessages.LabelValue + "]" },
        { "a>x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer" },
        { "a<", "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer" },
        { "a>-1", "unable to parse requirement: values[0][a]: Invalid value: \"-1\": " + ApiMessages.LabelValue },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public void RejectsInvalidSelectorsWithTheApiServerMessage(string selector, string expected)
    {
        var exception = Assert.Throws<LabelSelectorException>(() => LabelSelector.Parse(selector));
        Assert.Equal(expected, exception.Message);
    }

    [Theory]
    [InlineData("a=b", "a=b", true)]
    [InlineData("a=b", "a=c", false)]
    [InlineData("a=b", "", false)]
    [InlineData("a==b", "a=b", true)]
    [InlineData("a=", "a=", true)]
    [InlineData("a=", "", false)]
    [InlineData("a!=b", "", true)]
    [InlineData("a!=b", "a=b", false)]
    [InlineData("a!=b", "a=c", true)]
    [InlineData("a in (x,y)", "a=y", true)]
    [InlineData("a in (x,y)", "a=z", false)]
    [InlineData("a in (x,y)", "", false)]
    [InlineData("a notin (x)", "", true)]
    [InlineData("a notin (x)", "a=x", false)]
    [InlineData("a notin (x)", "a=z", true)]
    [InlineData("a", "a=", true)]
    [InlineData("a", "b=a", false)]
    [InlineData("!a", "", true)]
    [InlineData("!a", "a=1", false)]
    [InlineData("a>5", "a=6", true)]
    [InlineData("a>5", "a=5", false)]
    [InlineData("a>5", "a=x", false)]
    [InlineData("a>5", "", false)]
    [InlineData("a<5", "a=-1", true)]
    [InlineData("a<5", "a=5", false)]
    [InlineData("app=web,tier", "app=web;tier=front", true)]
    [InlineData("app=web,tier", "app=web", false)]
    [InlineData("", "", true)]
    [InlineData("", "x=y", true)]
    public void MatchesLabels(string selector, string labels, bool expected) =>
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels(labels)));

    [Fact]
    public void NullLabelsAreNoLabels()
    {
        Assert.True(LabelSelector.Parse("!a").Matches(null));
        Assert.False(LabelSelector.Parse("a").Matches(null));
        Assert.True(LabelSelector.Everything.Matches(null));
        Assert.True(LabelSelector.Everything.IsEmpty);
    }

    [Fact]
    public void BuildsDeploymentSelectorFromMatchLabelsAndExpressions()
    {
        var selector = LabelSelector.FromMatch(
            new Dictionary<string, string> { ["app"] = "web" },
            [("env", "In", ["prod", "dev"]), ("canary", "DoesNotExist", []), ("tier", "NotIn", ["db"]), ("team", "Exists", [])]);

        Assert.Equal("app=web,!canary,env in (dev,prod),team,tier notin (db)", selector.ToString());
        Assert.True(selector.Matches(Labels("app=web;env=dev;team=a")));
        Assert.False(selector.Matches(Labels("app=web;env=dev;team=a;canary=1")));
        Assert.False(selector.Matches(Labels("app=web;env=test;team=a")));
        Assert.False(selector.Matches(Labels("app=web;env=dev;team=a;tier=db")));
    }

    [Fact]
    public void EmptyMatchSelectsEverything()
    {
        Assert.True(LabelSelector.FromMatch(null, null).IsEmpty);
        Assert.True(LabelSelector.FromMatch(new Dictionary<string, string>(), []).Matches(Labels("a=b")));
    }

    public static TheoryData<string, string, string[], string> MatchErrors => new()
    {
        { "app", "Equals", ["web"], "\"Equals\" is not a valid label selector operator" },
        { "app", "In", [], "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty" },
        { "app", "Exists", ["web"], "values: Invalid value: [\"web\"]: values set must be empty for exists and does not exist" },
        { "-app", "Exists", [], "key: Invalid value: \"-app\": " + ApiMessages.LabelKeyName },
        { "app", "NotIn", ["ok", "-bad"], "values[1][app]: Invalid value: \"-bad\": " + ApiMessages.LabelValue },
    };

    [Theory]
    [MemberData(nameof(MatchErrors))]
    public void RejectsInvalidMatchExpressions(string key, string op, string[] values, string expected)
    {
        var exception = Assert.Throws<LabelSelectorException>(() => LabelSelector.FromMatch(null, [(key, op, values)]));
        Assert.Equal(expected, exception.Message);
    }

    [Fact]
    public void RejectsInvalidMatchLabels()
    {
        var exception = Assert.Throws<LabelSelectorException>(
            () => LabelSelector.FromMatch(new Dictionary<string, string> { ["app"] = "web site" }, null));
        Assert.Equal("values[0][app]: Invalid value: \"web site\": " + ApiMessages.LabelValue, exception.Message);
    }

    [Theory]
    [InlineData(LabelSelectorOperator.Equals, new[] { "a", "b" }, "values: Invalid value: [\"a\",\"b\"]: exact-match compatibility requires one single value")]
    [InlineData(LabelSelectorOperator.GreaterThan, new[] { "1", "2" }, "values: Invalid value: [\"1\",\"2\"]: for 'Gt', 'Lt' operators, exactly one value is required")]
    [InlineData(LabelSelectorOperator.LessThan, new[] { "1", "x" }, "[values: Invalid value: [\"1\",\"x\"]: for 'Gt', 'Lt' operators, exactly one value is required, values[1]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer]")]
    public void RequirementsCheckTheirValueCount(LabelSelectorOperator @operator, string[] values, string expected)
    {
        var exception = Assert.Throws<LabelSelectorException>(() => LabelRequirement.Create("a", @operator, values));
        Assert.Equal(expected, exception.Message);
    }

    [Theory]
    [InlineData("app=web", "app=web")]
    [InlineData("app==web, tier=front", "app=web;tier=front")]
    [InlineData("", "")]
    public void SelectorsOfKeyValueTermsAreLabels(string selector, string expected) =>
        Assert.Equal(Labels(expected), LabelSelector.Parse(selector).ToLabels());

    [Theory]
    [InlineData("app!=web", "'app!=web' is not a key=value term, and only those can be plain labels")]
    [InlineData("app in (web)", "'app in (web)' is not a key=value term, and only those can be plain labels")]
    [InlineData("app", "'app' is not a key=value term, and only those can be plain labels")]
    [InlineData("app=web,app=api", "the label 'app' is given more than once")]
    public void SelectorsWithOtherTermsAreNotLabels(string selector, string expected) =>
        Assert.Equal(expected, Assert.Throws<LabelSelectorException>(() => LabelSelector.Parse(selector).ToLabels()).Message);

    private static Dictionary<string, string> Labels(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
}

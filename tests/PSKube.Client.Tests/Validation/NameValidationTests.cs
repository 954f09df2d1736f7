using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Validation;

public class NameValidationTests
{
    private static readonly string A63 = new('a', 63);
    private static readonly string A64 = new('a', 64);

    public static TheoryData<string, string[]> Subdomains => new()
    {
        { "example.com", [] },
        { "a", [] },
        { "0.1-a.b--c", [] },
        { new string('a', 253), [] },
        { new string('a', 100) + "." + new string('b', 100), [] }, // no per-label limit in Kubernetes
        { "", [ApiMessages.Subdomain] },
        { "Example.com", [ApiMessages.Subdomain] },
        { "a..b", [ApiMessages.Subdomain] },
        { "-a", [ApiMessages.Subdomain] },
        { "a_b", [ApiMessages.Subdomain] },
        { "web\n", [ApiMessages.Subdomain] },
        { new string('a', 254), ["must be no more than 253 bytes"] },
        { new string('A', 254), ["must be no more than 253 bytes", ApiMessages.Subdomain] },
    };

    public static TheoryData<string, string[]> Dns1123Labels => new()
    {
        { "my-name", [] },
        { "123-abc", [] },
        { A63, [] },
        { "a.b", ["must not contain dots"] },
        { "A", [ApiMessages.Dns1123Label] },
        { "a-", [ApiMessages.Dns1123Label] },
        { "", [ApiMessages.Dns1123Label] },
        { A64, ["must be no more than 63 bytes"] },
        { new string('a', 32) + "." + new string('a', 31), ["must be no more than 63 bytes", "must not contain dots"] },
    };

    public static TheoryData<string, string[]> Dns1035Labels => new()
    {
        { "my-svc", [] },
        { "a1", [] },
        { "1abc", [ApiMessages.Dns1035Label] },
        { "my.svc", [ApiMessages.Dns1035Label] },
        { "x" + A63, ["must be no more than 63 bytes"] },
    };

    public static TheoryData<string, string[]> LabelKeys => new()
    {
        { "app", [] },
        { "app.kubernetes.io/name", [] },
        { "Uppercase_Is_OK_123", [] },
        { new string('a', 253) + "/" + A63, [] },
        { "a/b/c", [ApiMessages.LabelKeyTooManySlashes] },
        { "/simple", ["prefix part must be non-empty"] },
        { "example.com/", ["name part must be non-empty", ApiMessages.LabelKeyName] },
        { "app.kubernetes_io/name", ["prefix part " + ApiMessages.Subdomain] },
        { new string('a', 254) + "/abc", ["prefix part must be no more than 253 bytes"] },
        { A64, ["name part must be no more than 63 bytes"] },
        { "-bad", [ApiMessages.LabelKeyName] },
        { "app:monolith", [ApiMessages.LabelKeyName] },
    };

    public static TheoryData<string, string[]> LabelValues => new()
    {
        { "", [] },
        { "MyValue", [] },
        { "1.2_3-x", [] },
        { A63, [] },
        { A64, ["must be no more than 63 bytes"] },
        { "-x", [ApiMessages.LabelValue] },
        { "x.", [ApiMessages.LabelValue] },
        { "Māori", [ApiMessages.LabelValue] },
        { new string('a', 62) + "ā", ["must be no more than 63 bytes", ApiMessages.LabelValue] }, // 63 characters, 64 bytes
    };

    [Theory]
    [MemberData(nameof(Subdomains))]
    public void ValidatesDns1123Subdomains(string value, string[] expected) =>
        Assert.Equal(expected, NameValidation.ValidateDns1123Subdomain(value));

    [Theory]
    [MemberData(nameof(Dns1123Labels))]
    public void ValidatesDns1123Labels(string value, string[] expected) =>
        Assert.Equal(expected, NameValidation.ValidateDns1123Label(value));

    [Theory]
    [MemberData(nameof(Dns1035Labels))]
    public void ValidatesDns1035Labels(string value, string[] expected) =>
        Assert.Equal(expected, NameValidation.ValidateDns1035Label(value));

    [Theory]
    [MemberData(nameof(LabelKeys))]
    public void ValidatesLabelKeys(string value, string[] expected) =>
        Assert.Equal(expected, NameValidation.ValidateLabelKey(value));

    [Theory]
    [MemberData(nameof(LabelValues))]
    public void ValidatesLabelValues(string value, string[] expected) =>
        Assert.Equal(expected, NameValidation.ValidateLabelValue(value));

    [Theory]
    [InlineData("pods", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("Pod", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("po", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("services", ObjectNameRule.Dns1035Label)]
    [InlineData("Service", ObjectNameRule.Dns1035Label)]
    [InlineData("svc", ObjectNameRule.Dns1035Label)]
    [InlineData("namespaces", ObjectNameRule.Dns1123Label)]
    [InlineData("ns", ObjectNameRule.Dns1123Label)]
    [InlineData("nodes", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("configmaps", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("secrets", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("serviceaccounts", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("endpoints", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("events", ObjectNameRule.PathSegment)]
    [InlineData("events.events.k8s.io", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("replicationcontrollers", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("deployments", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("replicasets", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("StatefulSet", ObjectNameRule.Dns1123Label)]
    [InlineData("daemonsets", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("jobs", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("cronjobs", ObjectNameRule.Dns1123Subdomain)]
    [InlineData("widgets.example.com", ObjectNameRule.Dns1123Subdomain)]
    public void KnowsTheNameRuleOfEachResource(string resource, ObjectNameRule expected) =>
        Assert.Equal(expected, NameValidation.GetObjectNameRule(resource));

    public static TheoryData<string, string, bool, string[]> ObjectNames => new()
    {
        { "pods", "web.v1", false, [] },
        { "pods", "", false, ["name or generateName is required"] },
        { "pods", "Web", false, [ApiMessages.Subdomain] },
        { "pods", "a%b", false, [ApiMessages.Subdomain, "may not contain '%'"] },
        { "services", "1web", false, [ApiMessages.Dns1035Label] },
        { "services", "web", false, [] },
        { "namespaces", "team.a", false, ["must not contain dots"] },
        { "statefulsets", "db.primary", false, ["must not contain dots"] },
        { "deployments", A64, false, [] },
        { "cronjobs", new string('a', 52), false, [] },
        { "cronjobs", new string('a', 53), false, ["must be no more than 52 characters"] },
        { "CronJob", "Nightly" + new string('x', 50), false, [ApiMessages.Subdomain, "must be no more than 52 characters"] },
        { "jobs", A63, false, [] },
        { "jobs", A64, false, ["must be no more than 63 bytes"] },
        { "events", "Anything_Goes.123", false, [] },
        { "events", "a/b", false, ["may not contain '/'"] },
        { "events", "..", false, ["may not be '..'"] },
        { "pods", "web-", true, [] },
        { "services", "web-", true, [] },
        { "pods", "Web-", true, [ApiMessages.Subdomain] },
        { "events", "..", true, [] },
        { "cronjobs", new string('a', 60) + "-", true, [] },
    };

    [Theory]
    [MemberData(nameof(ObjectNames))]
    public void ValidatesObjectNamesLikeTheApiServer(string resource, string name, bool isPrefix, string[] expected) =>
        Assert.Equal(expected, NameValidation.ValidateObjectName(resource, name, isPrefix));
}

using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Generators;

/// <summary>
/// What the RBAC, service account and token generators refuse beyond kubectl's own checks, because the API server
/// would refuse it: names that are not path segments, empty subjects, malformed service accounts; each names the option.
/// </summary>
public sealed class RbacGeneratorsValidationTests
{
    private static readonly RoleOptions Role = new() { Name = "pod-reader", Verbs = ["get"], Resources = ["pods"] };
    private static readonly ClusterRoleOptions ClusterRole = new() { Name = "node-reader", Verbs = ["get"], Resources = ["nodes"] };
    private static readonly RoleBindingOptions Binding = new() { Name = "ci-reads", Role = "pod-reader" };

    public static TheoryData<string, Func<KubeObject>, string, string[]> Cases => new()
    {
        { "role name with slash", () => RoleGenerator.Generate(Role with { Name = "a/b" }), "Name", ["'a/b' is not a valid Role name", "may not contain '/'", "e.g. 'pod-reader'"] },
        { "role name ..", () => RoleGenerator.Generate(Role with { Name = ".." }), "Name", ["may not be '..'"] },
        { "role name empty", () => RoleGenerator.Generate(Role with { Name = "" }), "Name", ["A Role name is required"] },
        { "cluster role name with %", () => ClusterRoleGenerator.Generate(ClusterRole with { Name = "100%" }), "Name", ["may not contain '%'"] },
        { "empty verb", () => RoleGenerator.Generate(Role with { Verbs = ["get", ""] }), "Verbs", ["contains an empty verb"] },
        { "unknown resource names the option", () => RoleGenerator.Generate(Role with { Resources = ["podz"] }), "Resources", ["The server has no resource type 'podz'"] },
        { "bad aggregation label", () => ClusterRoleGenerator.Generate(new ClusterRoleOptions { Name = "agg", AggregationRule = new Dictionary<string, string> { ["a b"] = "c" } }), "AggregationRule", ["'a b' is not a valid label key"] },
        { "role ref name", () => RoleBindingGenerator.Generate(Binding with { Role = "a/b" }), "Role", ["'a/b' is not a valid Role name"] },
        { "binding name", () => RoleBindingGenerator.Generate(Binding with { Name = "." }), "Name", ["may not be '.'"] },
        { "empty user", () => RoleBindingGenerator.Generate(Binding with { Users = [""] }), "Users", ["contains an empty name"] },
        { "empty group", () => RoleBindingGenerator.Generate(new ClusterRoleBindingOptions { Name = "b", ClusterRole = "view", Groups = [""] }), "Groups", ["contains an empty name"] },
        { "service account namespace", () => RoleBindingGenerator.Generate(Binding with { ServiceAccounts = ["Team:ci"] }), "ServiceAccounts", ["'Team' in the service account 'Team:ci' is not a valid namespace name"] },
        { "service account name", () => RoleBindingGenerator.Generate(Binding with { ServiceAccounts = ["team:CI"] }), "ServiceAccounts", ["'CI' in the service account 'team:CI' is not a valid service account name"] },
        { "service account name rule", () => ServiceAccountGenerator.Generate(new ServiceAccountOptions { Name = "Bad" }), "Name", ["'Bad' is not a valid ServiceAccount name"] },
        { "bound kind case", () => TokenRequestGenerator.Generate(new TokenRequestOptions { BoundObjectKind = "pod", BoundObjectName = "x" }), "BoundObjectKind", ["(write it 'Pod')", "Node, Pod, Secret"] },
        { "caller's parameter names", () => RoleGenerator.Generate(Role with { Verbs = [], ParameterNames = option => option == "Verbs" ? "-Verb" : option }), "-Verb", ["Give -Verb"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generators_RefuseBeforeAnyRequest(string input, Func<KubeObject> generate, string parameter, string[] phrases)
    {
        ArgumentNullException.ThrowIfNull(generate);
        ArgumentNullException.ThrowIfNull(phrases);
        var error = Assert.Throws<KubeInputException>(() => generate());
        Assert.True(parameter == error.ParameterName, $"{input}: named {error.ParameterName}");
        Assert.All(phrases, phrase => Assert.Contains(phrase, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Generators_RoleWarnsOfANonStandardVerb_AndStillMakesTheRole()
    {
        var warnings = new List<string>();
        var role = RoleGenerator.Generate(Role with { Verbs = ["get", "frob"], Warning = warnings.Add });
        Assert.Equal(["'frob' is not a standard resource verb."], warnings);
        Assert.Equal(["get", "frob"], role.Rules![0].Verbs!);
    }

    [Fact]
    public void Generators_TokenDuration_IsWholeSeconds_ZeroLeavingItToTheServer()
    {
        Assert.Equal(600, TokenRequestGenerator.Generate(new TokenRequestOptions { Duration = TimeSpan.FromMinutes(10) }).Spec!.ExpirationSeconds);
        Assert.Null(TokenRequestGenerator.Generate(new TokenRequestOptions { Duration = TimeSpan.Zero }).Spec!.ExpirationSeconds);
    }
}

using PSKube.Client.Manifests.Generators;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Generators;

/// <summary>Every input the quota, priority class, ingress and disruption budget generators refuse: the option at fault, what is wrong and how to fix it.</summary>
public sealed class PolicyGeneratorsValidationTests
{
    private static readonly QuotaOptions Quota = new() { Name = "team" };
    private static readonly PriorityClassOptions Priority = new() { Name = "high" };
    private static readonly IngressOptions Ingress = new() { Name = "web", Rules = ["example.com/=web:80"] };
    private static readonly PodDisruptionBudgetOptions Budget = new() { Name = "web", Selector = "app=web", MinAvailable = "1" };

    public static TheoryData<string, Action, string, string[]> Cases => new()
    {
        { "quota name", () => QuotaGenerator.Generate(Quota with { Name = "Team" }), "Name", ["'Team' is not a valid ResourceQuota name"] },
        { "quota namespace", () => QuotaGenerator.Generate(Quota with { Namespace = "Team_A" }), "Namespace", ["'Team_A' is not a valid namespace name"] },
        { "quota resource", () => QuotaGenerator.Generate(Quota with { Hard = Map("gpus", "1") }), "Hard", ["'gpus' is not a resource a quota can limit", "count/deployments.apps", "requests.nvidia.com/gpu"] },
        { "quota resource syntax", () => QuotaGenerator.Generate(Quota with { Hard = Map("my pods", "1") }), "Hard", ["'my pods' is not a valid resource name"] },
        { "quota quantity", () => QuotaGenerator.Generate(Quota with { Hard = Map("pods", "ten") }), "Hard", ["'ten' is not a valid quantity for pods", "does not start with a number"] },
        { "quota unit", () => QuotaGenerator.Generate(Quota with { Hard = Map("memory", "4GB") }), "Hard", ["'GB' is not a unit", "'4Gi'"] },
        { "quota negative", () => QuotaGenerator.Generate(Quota with { Hard = Map("pods", "-1") }), "Hard", ["pods limit '-1' is negative"] },
        { "quota scope", () => QuotaGenerator.Generate(Quota with { Scopes = ["Cheap"] }), "Scopes", ["'Cheap' is not a valid quota scope", "BestEffort"] },
        { "quota scope case", () => QuotaGenerator.Generate(Quota with { Scopes = ["besteffort"] }), "Scopes", ["write it 'BestEffort'"] },
        { "scope with storage", () => QuotaGenerator.Generate(Quota with { Hard = Map("requests.storage", "10Gi"), Scopes = ["PriorityClass"] }), "Scopes", ["PriorityClass counts pods and their cpu and memory", "cannot cap 'requests.storage'"] },
        { "best effort with cpu", () => QuotaGenerator.Generate(Quota with { Hard = Map("requests.cpu", "1"), Scopes = ["BestEffort"] }), "Scopes", ["BestEffort counts pods, so it cannot cap 'requests.cpu'"] },
        { "conflicting scopes", () => QuotaGenerator.Generate(Quota with { Scopes = ["Terminating", "NotTerminating"] }), "Scopes", ["together select no pod"] },
        { "caller's quota names", () => QuotaGenerator.Generate(Quota with { Scopes = ["x"], ParameterNames = option => option == "Scopes" ? "-Scope" : "-" + option }), "-Scope", ["Give -Scope one of"] },
        { "priority name", () => PriorityClassGenerator.Generate(Priority with { Name = "High" }), "Name", ["'High' is not a valid PriorityClass name"] },
        { "priority system name", () => PriorityClassGenerator.Generate(Priority with { Name = "system-mine" }), "Name", ["starts with 'system-'", "'high-priority'"] },
        { "priority value", () => PriorityClassGenerator.Generate(Priority with { Value = 1_000_000_001 }), "Value", ["above 1000000000", "Give 1000000000 or less"] },
        { "preemption policy", () => PriorityClassGenerator.Generate(Priority with { PreemptionPolicy = "Always" }), "PreemptionPolicy", ["PreemptLowerPriority, Never"] },
        { "preemption policy case", () => PriorityClassGenerator.Generate(Priority with { PreemptionPolicy = "never" }), "PreemptionPolicy", ["write it 'Never'"] },
        { "ingress without rules", () => IngressGenerator.Generate(Ingress with { Rules = null }), "Rules", ["needs rules or a default backend", "'example.com/*=web:80'"] },
        { "rule without path", () => IngressGenerator.Generate(Ingress with { Rules = ["example.com=web:80"] }), "Rules", ["'example.com=web:80' is not host/path=service:port", "must start with '/'"] },
        { "rule without port", () => IngressGenerator.Generate(Ingress with { Rules = ["example.com/=web"] }), "Rules", ["is not host/path=service:port"] },
        { "rule port junk", () => IngressGenerator.Generate(Ingress with { Rules = ["example.com/=web:80!!"] }), "Rules", ["port '80!!'", "neither a number nor a valid port name"] },
        { "rule port name", () => IngressGenerator.Generate(Ingress with { Rules = ["example.com/=web:Http"] }), "Rules", ["port 'Http'", "only lowercase letters"] },
        { "rule host case", () => IngressGenerator.Generate(Ingress with { Rules = ["Example.com/=web:80"] }), "Rules", ["host 'Example.com'", "lower-case DNS name"] },
        { "rule host ip", () => IngressGenerator.Generate(Ingress with { Rules = ["10.0.0.1/=web:80"] }), "Rules", ["is an IP address"] },
        { "rule host star", () => IngressGenerator.Generate(Ingress with { Rules = ["a*.example.com/=web:80"] }), "Rules", ["'*' that is not the leading '*.'"] },
        { "rule service", () => IngressGenerator.Generate(Ingress with { Rules = ["example.com/=Web_1:80"] }), "Rules", ["service 'Web_1'", "not a valid service name"] },
        { "rule port", () => IngressGenerator.Generate(Ingress with { Rules = ["example.com/=web:70000"] }), "Rules", ["port 70000", "out of range"] },
        { "rule secret", () => IngressGenerator.Generate(Ingress with { Rules = ["example.com/=web:80,tls=My_Cert"] }), "Rules", ["TLS secret 'My_Cert'"] },
        { "default backend", () => IngressGenerator.Generate(Ingress with { Rules = null, DefaultBackend = "web" }), "DefaultBackend", ["'web' is not service:port", "'web:80'"] },
        { "default backend port", () => IngressGenerator.Generate(Ingress with { Rules = null, DefaultBackend = "web:0" }), "DefaultBackend", ["port 0", "out of range"] },
        { "ingress class", () => IngressGenerator.Generate(Ingress with { IngressClass = "Nginx" }), "IngressClass", ["'Nginx' is not a valid ingress class name"] },
        { "ingress annotation", () => IngressGenerator.Generate(Ingress with { Annotations = Map("a/b/c", "x") }), "Annotations", ["'a/b/c' is not a valid annotation key"] },
        { "budget without counts", () => PodDisruptionBudgetGenerator.Generate(Budget with { MinAvailable = null }), "MinAvailable", ["needs MinAvailable or MaxUnavailable"] },
        { "budget with both", () => PodDisruptionBudgetGenerator.Generate(Budget with { MaxUnavailable = "1" }), "MaxUnavailable", ["not both"] },
        { "budget count", () => PodDisruptionBudgetGenerator.Generate(Budget with { MinAvailable = "1.5" }), "MinAvailable", ["'1.5' is not a number of pods or a percentage", "'50%'"] },
        { "budget negative", () => PodDisruptionBudgetGenerator.Generate(Budget with { MinAvailable = null, MaxUnavailable = "-1" }), "MaxUnavailable", ["'-1' is not a number of pods"] },
        { "budget percent", () => PodDisruptionBudgetGenerator.Generate(Budget with { MinAvailable = "150%" }), "MinAvailable", ["more than 100%"] },
        { "budget big", () => PodDisruptionBudgetGenerator.Generate(Budget with { MinAvailable = "99999999999" }), "MinAvailable", ["too large"] },
        { "budget selector", () => PodDisruptionBudgetGenerator.Generate(Budget with { Selector = "" }), "Selector", ["needs a selector", "'app=web'"] },
        { "budget selector syntax", () => PodDisruptionBudgetGenerator.Generate(Budget with { Selector = "app in web" }), "Selector", ["'app in web' is not a valid label selector"] },
        { "budget selector not equals", () => PodDisruptionBudgetGenerator.Generate(Budget with { Selector = "app!=web" }), "Selector", ["'app!=web' cannot be part of a disruption budget's selector", "notin"] },
        { "budget name", () => PodDisruptionBudgetGenerator.Generate(Budget with { Name = "web_1" }), "Name", ["'web_1' is not a valid PodDisruptionBudget name"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generators_BadPolicyInput_IsRefusedWithParameterAndFix(string description, Action generate, string parameter, string[] messageParts)
    {
        var error = Assert.Throws<KubeInputException>(generate);
        Assert.True(parameter == error.ParameterName, $"{description}: parameter {error.ParameterName}, message: {error.Message}");
        foreach (var part in messageParts)
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1000", "1k")]
    [InlineData("1k", "1k")]
    [InlineData("0.5", "500m")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("1536Mi", "1536Mi")]
    [InlineData("0.5Gi", "512Mi")]
    [InlineData("1.5Ki", "1536")]
    [InlineData("1e3", "1e3")]
    [InlineData("1.5e3", "1500")]
    [InlineData("0.0000000001", "1n")]
    [InlineData("010", "010")]
    [InlineData("00", "0")]
    public void Generators_Quantity_IsWrittenAsTheApiServerWritesIt(string quantity, string expected) =>
        Assert.Equal(expected, QuantityText.Canonicalize(quantity, out _));

    private static Dictionary<string, string> Map(string key, string value) => new(StringComparer.Ordinal) { [key] = value };
}

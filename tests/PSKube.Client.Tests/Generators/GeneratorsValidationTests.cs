using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Generators;

/// <summary>Every input the generators refuse: which option is at fault, what is wrong and how to fix it.</summary>
public sealed class GeneratorsValidationTests
{
    private static readonly PodOptions Pod = new() { Name = "web", Image = "nginx" };
    private static readonly DeploymentOptions Deployment = new() { Name = "web", Images = ["nginx"] };
    private static readonly JobOptions Job = new() { Name = "once", Image = "busybox" };
    private static readonly CronJobOptions CronJob = new() { Name = "tick", Image = "busybox", Schedule = "*/5 * * * *" };

    public static TheoryData<string, Action, string, string[]> Cases => new()
    {
        { "empty name", () => PodGenerator.Generate(Pod with { Name = "" }), "Name", ["A Pod name is required", "e.g. 'web-1'"] },
        { "upper case name", () => PodGenerator.Generate(Pod with { Name = "Web" }), "Name", ["'Web' is not a valid Pod name", "lowercase RFC 1123 subdomain", "Use lowercase letters"] },
        { "dotted pod name", () => PodGenerator.Generate(Pod with { Name = "web.v1" }), "Name", ["container name 'web.v1'", "names the container after the pod", "must not contain dots"] },
        { "empty image", () => PodGenerator.Generate(Pod with { Image = " " }), "Image", ["An image is required", "nginx:1.27"] },
        { "image with space", () => PodGenerator.Generate(Pod with { Image = "nginx 1.27" }), "Image", ["'nginx 1.27' contains whitespace", "Give it like"] },
        { "port zero", () => PodGenerator.Generate(Pod with { Port = 0 }), "Port", ["port 0 is out of range", "from 1 to 65535"] },
        { "port too big", () => PodGenerator.Generate(Pod with { Port = 70000 }), "Port", ["port 70000 is out of range"] },
        { "env without =", () => PodGenerator.Generate(Pod with { Env = ["A"] }), "Env", ["'A' is not NAME=VALUE", "LOG_LEVEL=debug"] },
        { "env with empty name", () => PodGenerator.Generate(Pod with { Env = ["=1"] }), "Env", ["'=1' is not NAME=VALUE"] },
        { "env name with digit first", () => PodGenerator.Generate(Pod with { Env = ["1A=x"] }), "Env", ["'1A'", "not a valid variable name", "must not start with a digit", "e.g. 'LOG_LEVEL'"] },
        { "env name ..x", () => PodGenerator.Generate(Pod with { Env = ["..x=1"] }), "Env", ["must not start with '..'"] },
        { "label key", () => PodGenerator.Generate(Pod with { Labels = new Dictionary<string, string> { ["-a"] = "b" } }), "Labels", ["'-a' is not a valid label key", "'example.com/tier'"] },
        { "label value", () => PodGenerator.Generate(Pod with { Labels = new Dictionary<string, string> { ["a"] = "b c" } }), "Labels", ["'b c' is not a valid value for the label 'a'", "up to 63"] },
        { "annotation key", () => PodGenerator.Generate(Pod with { Annotations = new Dictionary<string, string> { ["a/b/c"] = "x" } }), "Annotations", ["'a/b/c' is not a valid annotation key"] },
        { "restart policy", () => PodGenerator.Generate(Pod with { RestartPolicy = "Sometimes" }), "RestartPolicy", ["'Sometimes' is not a valid restart policy", "Always, OnFailure, Never"] },
        { "restart policy case", () => PodGenerator.Generate(Pod with { RestartPolicy = "never" }), "RestartPolicy", ["write it 'Never'"] },
        { "pull policy", () => PodGenerator.Generate(Pod with { ImagePullPolicy = "Sometimes" }), "ImagePullPolicy", ["Always, IfNotPresent, Never"] },
        { "null argument", () => PodGenerator.Generate(Pod with { Arguments = ["a", null!] }), "Arguments", ["null entry"] },
        { "bad quantity", () => PodGenerator.Generate(Pod with { Requests = new Dictionary<string, string> { ["cpu"] = "1 core" } }), "Requests", ["'1 core' is not a valid quantity for cpu", "' core' is not a unit", "'250m'"] },
        { "negative quantity", () => PodGenerator.Generate(Pod with { Limits = new Dictionary<string, string> { ["memory"] = "-1Gi" } }), "Limits", ["'-1Gi' is negative"] },
        { "resource name", () => PodGenerator.Generate(Pod with { Limits = new Dictionary<string, string> { ["my gpu"] = "1" } }), "Limits", ["'my gpu' is not a valid resource name"] },
        { "request over limit", () => PodGenerator.Generate(Pod with { Requests = new Dictionary<string, string> { ["memory"] = "1Gi" }, Limits = new Dictionary<string, string> { ["memory"] = "512Mi" } }), "Requests", ["memory request '1Gi' is more than its limit '512Mi'", "Lower the request"] },
        { "namespace", () => PodGenerator.Generate(Pod with { Namespace = "Team_A" }), "Namespace", ["'Team_A' is not a valid namespace name"] },
        { "negative replicas", () => DeploymentGenerator.Generate(Deployment with { Replicas = -1 }), "Replicas", ["Replicas is -1", "cannot be negative"] },
        { "long deployment name", () => DeploymentGenerator.Generate(Deployment with { Name = new string('a', 64) }), "Name", ["too long for the label app="] },
        { "image not a reference", () => DeploymentGenerator.Generate(Deployment with { Images = ["team/Web:1"] }), "Images", ["Invalid image name \"team/Web:1\": invalid reference format", "e.g. 'nginx:1.27'"] },
        { "upper case image", () => PodGenerator.Generate(Pod with { Image = "UPPER:case" }), "Image", ["Invalid image name \"UPPER:case\": invalid reference format"] },
        { "job image", () => JobGenerator.Generate(Job with { Image = "nginx:" }), "Image", ["invalid reference format"] },
        { "image base name", () => DeploymentGenerator.Generate(Deployment with { Images = ["team/" + new string('w', 64) + ":1"] }), "Images", ["made from the image", "Give Images an image whose last path segment"] },
        { "caller's parameter names", () => PodGenerator.Generate(Pod with { Port = 0, ParameterNames = option => "-" + option }), "-Port", ["Give -Port a number"] },
        { "caller's renamed parameter", () => PodGenerator.Generate(Pod with { RestartPolicy = "Sometimes", ParameterNames = option => option == "RestartPolicy" ? "-Restart" : option }), "-Restart", ["Give -Restart one of"] },
        { "job name too long", () => JobGenerator.Generate(Job with { Name = new string('a', 64) }), "Name", ["not a valid Job name", "no more than 63"] },
        { "negative completions", () => JobGenerator.Generate(Job with { Completions = -1 }), "Completions", ["cannot be negative"] },
        { "negative parallelism", () => JobGenerator.Generate(Job with { Parallelism = -2 }), "Parallelism", ["cannot be negative"] },
        { "negative backoff", () => JobGenerator.Generate(Job with { BackoffLimit = -1 }), "BackoffLimit", ["cannot be negative"] },
        { "zero deadline", () => JobGenerator.Generate(Job with { ActiveDeadlineSeconds = 0 }), "ActiveDeadlineSeconds", ["must be 1 or more"] },
        { "cronjob name too long", () => CronJobGenerator.Generate(CronJob with { Name = new string('a', 53) }), "Name", ["not a valid CronJob name", "no more than 52"] },
        { "schedule field", () => CronJobGenerator.Generate(CronJob with { Schedule = "61 * * * *" }), "Schedule", ["minute field '61'", "outside the allowed 0-59"] },
        { "schedule fields", () => CronJobGenerator.Generate(CronJob with { Schedule = "* * * *" }), "Schedule", ["needs exactly 5"] },
        { "schedule null", () => CronJobGenerator.Generate(CronJob with { Schedule = null! }), "Schedule", ["A schedule is required"] },
        { "cron restart", () => CronJobGenerator.Generate(CronJob with { RestartPolicy = "Always" }), "RestartPolicy", ["OnFailure, Never"] },
        { "concurrency", () => CronJobGenerator.Generate(CronJob with { ConcurrencyPolicy = "Queue" }), "ConcurrencyPolicy", ["Allow, Forbid, Replace"] },
        { "unknown zone", () => CronJobGenerator.Generate(CronJob with { TimeZone = "Mars/Olympus" }), "TimeZone", ["'Mars/Olympus' is unknown", "'Europe/Berlin'"] },
        { "local zone", () => CronJobGenerator.Generate(CronJob with { TimeZone = "Local" }), "TimeZone", ["explicit zone"] },
        { "empty zone", () => CronJobGenerator.Generate(CronJob with { TimeZone = "" }), "TimeZone", ["time zone is empty"] },
        { "zone with spaces", () => CronJobGenerator.Generate(CronJob with { TimeZone = "Pacific Standard Time" }), "TimeZone", ["is unknown"] },
        { "history limit", () => CronJobGenerator.Generate(CronJob with { FailedJobsHistoryLimit = -1 }), "FailedJobsHistoryLimit", ["cannot be negative"] },
        { "starting deadline", () => CronJobGenerator.Generate(CronJob with { StartingDeadlineSeconds = -5 }), "StartingDeadlineSeconds", ["cannot be negative"] },
        { "cronjob not from cluster", () => JobGenerator.FromCronJob(new CronJob { Metadata = new ObjectMeta { Name = "tick" } }), "CronJob", ["not read from the cluster"] },
        { "service without ports", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web" }), "Ports", ["at least one port", "80:8080", "None for a headless"] },
        { "service name", () => ServiceGenerator.Generate(new ServiceOptions { Name = "1web", Ports = ["80"] }), "Name", ["'1web' is not a valid Service name", "DNS-1035"] },
        { "duplicate ports", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80", "80:8080"] }), "Ports", ["port 80 is given more than once"] },
        { "port text", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["http"] }), "Ports", ["'http' is not a port", "PORT:TARGET"] },
        { "port with two colons", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80:81:82"] }), "Ports", ["'80:81:82' is not a port"] },
        { "port zero", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["0:80"] }), "Ports", ["port 0 is out of range"] },
        { "port's target name", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80:Http"] }), "Ports", ["'Http' is neither a port number nor a valid port name"] },
        { "target port name", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80"], TargetPort = "my-http-port-name" }), "TargetPort", ["longer than 15", "container port's name"] },
        { "target port digits", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80"], TargetPort = "0" }), "TargetPort", ["port 0 is out of range"] },
        { "target port hyphens", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80"], TargetPort = "a--b" }), "TargetPort", ["'--'"] },
        { "protocol", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80"], Protocol = "HTTP" }), "Protocol", ["TCP, UDP, SCTP"] },
        { "type", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Ports = ["80"], Type = "Ingress" }), "Type", ["ClusterIP, NodePort, LoadBalancer, ExternalName"] },
        { "selector value", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Selector = new Dictionary<string, string> { ["app"] = "a b" }, Ports = ["80"] }), "Selector", ["not a valid value for the label 'app'"] },
        { "external name missing", () => ServiceGenerator.Generate(new ServiceOptions { Name = "db", Type = "ExternalName" }), "ExternalName", ["needs the DNS name", "db.example.com"] },
        { "external name invalid", () => ServiceGenerator.Generate(new ServiceOptions { Name = "db", ExternalName = "Db_Host" }), "ExternalName", ["'Db_Host' is not a valid external name"] },
        { "external name with another type", () => ServiceGenerator.Generate(new ServiceOptions { Name = "db", Type = "NodePort", ExternalName = "db.example.com", Ports = ["80"] }), "ExternalName", ["makes an ExternalName Service, not a NodePort one"] },
        { "external name with cluster IP", () => ServiceGenerator.Generate(new ServiceOptions { Name = "db", ExternalName = "db.example.com", ClusterIP = "10.96.0.9" }), "ClusterIP", ["has no cluster IP"] },
        { "headless node port service", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Type = "NodePort", ClusterIP = "None", Ports = ["80"] }), "ClusterIP", ["cannot be headless", "only be used with a ClusterIP Service"] },
        { "cluster IP text", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", ClusterIP = "auto", Ports = ["80"] }), "ClusterIP", ["'auto' is not an IP address"] },
        { "cluster IP short", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", ClusterIP = "10.96.1", Ports = ["80"] }), "ClusterIP", ["not an IP address"] },
        { "node port on cluster IP", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", Type = "ClusterIP", NodePort = 30080, Ports = ["80"] }), "NodePort", ["for NodePort and LoadBalancer Services, not ClusterIP ones"] },
        { "node port for several ports", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", NodePort = 30080, Ports = ["80", "443"] }), "NodePort", ["there are 2"] },
        { "node port range", () => ServiceGenerator.Generate(new ServiceOptions { Name = "web", NodePort = 70000, Ports = ["80"] }), "NodePort", ["out of range"] },
        { "expose as external name", () => ServiceGenerator.Expose(new Pod { Kind = "Pod", Metadata = new ObjectMeta { Name = "p", Labels = Selector } }, new ServiceOptions { ExternalName = "db.example.com" }), "ExternalName", ["stands for a DNS name, not for the pods of the Pod 'p'"] },
        { "expose with external name type", () => ServiceGenerator.Expose(new Pod { Kind = "Pod", Metadata = new ObjectMeta { Name = "p", Labels = Selector } }, new ServiceOptions { Type = "ExternalName", Ports = ["80"] }), "Type", ["stands for a DNS name"] },
        { "several images and a command", () => DeploymentGenerator.Generate(Deployment with { Images = ["nginx", "busybox"], Command = ["sleep", "1"] }), "Command", ["cannot go with several images"] },
        { "several images and a container name", () => DeploymentGenerator.Generate(Deployment with { Images = ["nginx", "busybox"], ContainerName = "app" }), "ContainerName", ["names the container of a single image"] },
        { "images with one name", () => DeploymentGenerator.Generate(Deployment with { Images = ["nginx", "team/nginx:1.27"] }), "Images", ["'nginx' and 'team/nginx:1.27' both make the container name 'nginx'"] },
        { "no image", () => DeploymentGenerator.Generate(Deployment with { Images = [] }), "Images", ["An image is required"] },
        { "overrides not JSON", () => PodGenerator.Generate(Pod with { Overrides = "{spec:" }), "Overrides", ["is not JSON"] },
        { "overrides not an object", () => PodGenerator.Generate(Pod with { Overrides = "[1]" }), "Overrides", ["must be a JSON object"] },
        { "overrides change the kind", () => PodGenerator.Generate(Pod with { Overrides = """{"kind":"Deployment"}""" }), "Overrides", ["must keep them (v1 Pod)"] },
        { "overrides of the wrong type", () => PodGenerator.Generate(Pod with { Overrides = """{"spec":{"containers":"web"}}""" }), "Overrides", ["wrong type"] },
        { "unlabelled pod", () => ServiceGenerator.Expose(new Pod { Kind = "Pod", Metadata = new ObjectMeta { Name = "bare" } }, new ServiceOptions { Ports = ["80"] }), "Selector", ["Pod 'bare' has no labels", "Give Selector"] },
        { "portless pod", () => ServiceGenerator.Expose(new Pod { Kind = "Pod", Metadata = new ObjectMeta { Name = "p", Labels = Selector } }, new ServiceOptions()), "Ports", ["declares no ports", "Give Ports"] },
        { "match expressions", () => ServiceGenerator.Expose(ExpressionDeployment(), new ServiceOptions { Ports = ["80"] }), "Selector", ["matchExpressions", "Give Selector"] },
        { "unexposable kind", () => ServiceGenerator.Expose(new ConfigMap { Kind = "ConfigMap", Metadata = new ObjectMeta { Name = "c" } }, new ServiceOptions()), "InputObject", ["A ConfigMap cannot be exposed"] },
    };

    private static Dictionary<string, string> Selector => new() { ["app"] = "web" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generators_BadInput_IsRefusedWithParameterAndFix(string description, Action generate, string parameter, string[] messageParts)
    {
        var error = Assert.Throws<KubeInputException>(generate);
        Assert.True(parameter == error.ParameterName, $"{description}: parameter {error.ParameterName}, message: {error.Message}");
        foreach (var part in messageParts)
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generators_MatchExpressionsWithSelector_Expose()
    {
        var service = ServiceGenerator.Expose(ExpressionDeployment(), new ServiceOptions { Ports = ["80"], Selector = Selector });
        Assert.Equal("web", service.Spec!.Selector!["app"]);
        Assert.Equal("expr", service.Name);
    }

    [Theory]
    [InlineData("100m", 0.1)]
    [InlineData("1.5", 1.5)]
    [InlineData("256Mi", 268435456)]
    [InlineData("1e3", 1000)]
    [InlineData("1E-2", 0.01)]
    [InlineData("2k", 2000)]
    [InlineData("1Ki", 1024)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("+3G", 3e9)]
    [InlineData("-1", -1)]
    [InlineData("0", 0)]
    [InlineData("1E", 1e18)]
    public void Generators_Quantity_Valid(string quantity, double value)
    {
        Assert.True(QuantityValidation.TryParse(quantity, out var parsed, out var error), error);
        Assert.Equal(value, parsed, 1e-9 * Math.Max(1, Math.Abs(value)));
        Assert.Null(QuantityValidation.Validate(quantity));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("Mi", "it does not start with a number")]
    [InlineData(".", "it does not start with a number")]
    [InlineData("1mi", "'mi' is not a unit")]
    [InlineData("1 Gi", "' Gi' is not a unit")]
    [InlineData("1e", "'e' is not a unit")]
    [InlineData("1e1.5", "'e1.5' is not a unit")]
    [InlineData("1KiB", "'KiB' is not a unit")]
    [InlineData("--1", "it does not start with a number")]
    public void Generators_Quantity_Invalid(string quantity, string reason) =>
        Assert.Equal(reason, QuantityValidation.Validate(quantity)?.Split(" Kubernetes")[0]);

    [Theory]
    [InlineData("LOG_LEVEL", true)]
    [InlineData("my.env-name", true)]
    [InlineData("_x", true)]
    [InlineData("1A", false)]
    [InlineData("A B", false)]
    [InlineData(".", false)]
    [InlineData("..a", false)]
    [InlineData("", false)]
    public void Generators_EnvVarName(string name, bool valid) =>
        Assert.Equal(valid, NameValidation.ValidateEnvVarName(name).Count == 0);

    [Fact]
    public void Generators_DefaultManualJobName_FitsAJobName()
    {
        var name = JobGenerator.DefaultManualJobName(new string('a', 49) + ".b-c");
        Assert.Matches(@"\Aa{49}-manual-[bcdfghjklmnpqrstvwxz2456789]{5}\z", name);
        Assert.Empty(NameValidation.ValidateObjectName("jobs", name));
        Assert.NotEqual(JobGenerator.DefaultManualJobName("tick"), JobGenerator.DefaultManualJobName("tick"));
    }

    [Theory]
    [InlineData("nginx", "nginx")]
    [InlineData("nginx:1.27", "nginx")]
    [InlineData("registry.example.com:5000/team/api:2.1@sha256:abc", "api")]
    [InlineData("api@sha256:abc", "api")]
    public void Generators_ContainerNameFromImage(string image, string name) =>
        Assert.Equal(name, DeploymentGenerator.ContainerNameFromImage(image));

    [Fact]
    public void Generators_GivenContainerName_ReplacesTheImageName()
    {
        var deployment = DeploymentGenerator.Generate(Deployment with { Images = ["team/web_app:1"], ContainerName = "web" });
        Assert.Equal("web", deployment.Spec!.Template!.Spec!.Containers![0].Name);
    }

    private static Deployment ExpressionDeployment() => new()
    {
        Kind = "Deployment",
        Metadata = new ObjectMeta { Name = "expr" },
        Spec = new DeploymentSpec
        {
            Selector = new LabelSelector { MatchExpressions = [new LabelSelectorRequirement { Key = "app", Operator = "In", Values = ["expr"] }] },
            Template = new PodTemplateSpec { Spec = new PodSpec { Containers = [new Container { Name = "a", Image = "nginx", Ports = [new ContainerPort { ContainerPortValue = 80 }] }] } },
        },
    };
}

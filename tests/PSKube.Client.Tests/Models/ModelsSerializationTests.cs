using System.Reflection;
using System.Text.Json.Serialization;
using PSKube.Client.Models;

namespace PSKube.Client.Tests.Models;

public class ModelsSerializationTests
{
    [Fact]
    public void NullsAreOmittedAndTheKindHeaderComesFirst()
    {
        var pod = new Pod
        {
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "nginx" }] },
            Metadata = new ObjectMeta { Name = "web" },
            Kind = "Pod",
            ApiVersion = "v1",
        };

        Assert.Equal(
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"image":"nginx","name":"web"}]}}""",
            KubeJson.Serialize(pod));
    }

    [Fact]
    public void EmptyObjectWritesNothing() => Assert.Equal("{}", KubeJson.Serialize(new Deployment()));

    [Fact]
    public void WireNamesAreTheSchemaNames()
    {
        var status = new PodStatus
        {
            HostIP = "192.168.49.2",
            PodIPs = [new PodIP { Ip = "10.244.0.7" }],
            QosClass = "BestEffort",
        };
        var endpoints = new NodeDaemonEndpoints { KubeletEndpoint = new DaemonEndpoint { Port = 10250 } };

        Assert.Equal("""{"hostIP":"192.168.49.2","podIPs":[{"ip":"10.244.0.7"}],"qosClass":"BestEffort"}""", KubeJson.Serialize(status));
        Assert.Equal("""{"kubeletEndpoint":{"Port":10250}}""", KubeJson.Serialize(endpoints));
    }

    [Fact]
    public void MembersNamedLikeTheirClassKeepTheirWireName()
    {
        var status = new Status { StatusValue = "Failure", Code = 404 };
        var port = new ContainerPort { ContainerPortValue = 8080 };

        Assert.Equal("""{"code":404,"status":"Failure"}""", KubeJson.Serialize(status));
        Assert.Equal("""{"containerPort":8080}""", KubeJson.Serialize(port));
    }

    [Fact]
    public void NoSchemaExtensionsLeakIntoTheOutput()
    {
        var deployment = new Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = new ObjectMeta { Name = "web", Labels = new() { ["app"] = "web" } },
            Spec = new DeploymentSpec
            {
                Replicas = 1,
                Selector = new LabelSelector { MatchLabels = new() { ["app"] = "web" } },
                Template = new PodTemplateSpec { Spec = new PodSpec { Containers = [new Container { Name = "nginx" }] } },
            },
        };

        Assert.DoesNotContain("x-kubernetes", KubeJson.Serialize(deployment), StringComparison.Ordinal);
    }

    [Fact]
    public void StatusReadsAnApiError()
    {
        const string json = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"x\" not found",
             "reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}
            """;

        var status = KubeJson.Deserialize<Status>(json)!;

        Assert.Equal(("Failure", "NotFound", 404, "x", "pods"), (status.StatusValue, status.Reason, status.Code, status.Details!.Name, status.Details.Kind));
        Assert.Equal("pods \"x\" not found", status.Message);
    }

    [Fact]
    public void NameAndNamespaceGoThroughMetadata()
    {
        var service = new Service();

        service.Name = "web";
        service.Namespace = "shop";

        Assert.Equal(("web", "shop"), (service.Metadata!.Name, service.Metadata.Namespace));
        Assert.Equal("""{"metadata":{"name":"web","namespace":"shop"}}""", KubeJson.Serialize(service));
        Assert.Null(new ConfigMap().Name);
        Assert.Null(new ConfigMap().Namespace);
    }

    [Fact]
    public void ListsReadItemsAndPaging()
    {
        const string json = """
            {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"99","continue":"token","remainingItemCount":3},
             "items":[{"metadata":{"name":"a","namespace":"default"}},{"metadata":{"name":"b","namespace":"default"}}]}
            """;

        var list = KubeJson.Deserialize<KubeList<Pod>>(json)!;

        Assert.Equal(["a", "b"], list.Items!.Select(pod => pod.Name));
        Assert.Equal(("token", 3L, "99"), (list.Metadata!.Continue, list.Metadata.RemainingItemCount, list.Metadata.ResourceVersion));
    }

    [Fact]
    public void GenericObjectsKeepEverythingBeyondTheHeader()
    {
        const string json = """
            {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1","namespace":"default"},"spec":{"size":3},"status":{"ready":true}}
            """;

        var list = KubeJson.Deserialize<KubeList<GenericKubeObject>>($$"""{"items":[{{json}}]}""")!;
        var widget = Assert.Single(list.Items!);

        Assert.Equal(("Widget", "w1"), (widget.Kind, widget.Name));
        Assert.Equal(3, widget.ExtensionData!["spec"].GetProperty("size").GetInt32());
        Assert.Equal(json, KubeJson.Serialize(widget));
    }

    [Fact]
    public void UnregisteredTypesAreRefusedRatherThanReflected() =>
        Assert.Throws<NotSupportedException>(() => KubeJson.Serialize(new Uri("https://example.com")));

    public static TheoryData<Type> ModelTypes()
    {
        var data = new TheoryData<Type>();
        var models = typeof(KubeObject).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(KubeObject).Namespace && type.IsClass && !type.IsAbstract && !type.IsGenericTypeDefinition)
            .Where(type => type.GetProperties().Any(property => property.GetCustomAttribute<JsonPropertyNameAttribute>() is not null))
            .OrderBy(type => type.Name, StringComparer.Ordinal);
        foreach (var type in models)
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void EveryModelKeepsUnknownFieldsAndIsRegistered(Type modelType)
    {
        Assert.Contains(modelType.GetProperties(), property => property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null);
        // The hand-written Table types have their own context: the generated one cannot be extended.
        Assert.NotNull(KubeJsonContext.Default.GetTypeInfo(modelType) ?? TableJsonContext.Default.GetTypeInfo(modelType));
    }

    [Fact]
    public void EveryListedKindIsAModel()
    {
        Type[] kinds =
        [
            typeof(Pod), typeof(Deployment), typeof(ReplicaSet), typeof(StatefulSet), typeof(DaemonSet), typeof(Job),
            typeof(CronJob), typeof(Service), typeof(Endpoints), typeof(Namespace), typeof(Node), typeof(Event),
            typeof(ConfigMap), typeof(Secret), typeof(ServiceAccount), typeof(Scale),
        ];

        Assert.All(kinds, kind =>
        {
            Assert.True(kind.IsSubclassOf(typeof(KubeObject)), kind.Name);
            Assert.NotNull(KubeJsonContext.Default.GetTypeInfo(typeof(KubeList<>).MakeGenericType(kind)));
        });
    }
}

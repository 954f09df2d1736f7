using PSKube.Client.Models;
using PSKube.Client.Queries;
using PSKube.Client.Resources;

namespace PSKube.Client.Tests.Queries;

/// <summary>What a piped object stands for in a command of another kind: every pair is a relation or refused.</summary>
public sealed class RelatedObjectsTests
{
    private static readonly string[] Targets =
        ["pods", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "services", "namespaces", "nodes", "events", "endpoints", "configmaps"];

    private static readonly string[] Namespaced = [.. Targets.Except(["namespaces", "nodes"])];

    // Written out rather than derived from the rules, so a change of a rule shows here as a changed line.
    private static readonly Dictionary<string, string[]> Works = new()
    {
        ["Pod"] = ["pods", "events"],
        ["Deployment"] = ["deployments", "replicasets", "pods", "services", "events"],
        ["ReplicaSet"] = ["replicasets", "pods", "events"],
        ["StatefulSet"] = ["statefulsets", "pods", "services", "events"],
        ["DaemonSet"] = ["daemonsets", "pods", "services", "events"],
        ["Job"] = ["jobs", "pods", "events"],
        ["CronJob"] = ["cronjobs", "jobs", "events"],
        ["Service"] = ["services", "pods", "endpoints", "events"],
        ["Node"] = ["nodes", "pods", "events"],
        ["Namespace"] = ["namespaces", .. Namespaced],
        ["Event"] = ["events"],
        ["ConfigMap"] = ["configmaps", "events"],
        ["Endpoints"] = ["endpoints", "events"],
    };

    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var kind in Works.Keys)
        {
            foreach (var target in Targets)
            {
                pairs.Add(kind, target);
            }
        }
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryPipedKindIntoEveryKind_IsARelationOrRefused(string kind, string target)
    {
        var piped = Sample(kind);
        var resource = BuiltInResources.Find(target)!;
        if (Works[kind].Contains(target))
        {
            var query = RelatedObjects.Query(piped, resource, "default");
            Assert.NotNull(query);
        }
        else
        {
            var refused = Assert.Throws<UnrelatedObjectException>(() => RelatedObjects.Query(piped, resource, "default"));
            Assert.Same(piped, refused.Piped);
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void TheMessagesListExactlyWhatWorks(string kind, string target)
    {
        var resource = BuiltInResources.Find(target)!;
        var sources = RelatedObjects.SourcesOf(resource).Select(s => s.Kind).ToList();
        var works = Works[kind].Contains(target);
        var listed = sources.Contains(kind)
            || (kind == "Namespace" && resource.Namespaced)
            || (target == "events" && sources.Contains("any object"));
        Assert.Equal(works, listed);
        var targets = RelatedObjects.TargetsOf(kind).Select(t => t.Plural).ToList();
        Assert.Equal(works, targets.Contains(target) || (kind == "Namespace" && resource.Namespaced && targets.Contains("any namespaced kind")));
    }

    [Fact]
    public void AnObjectOfTheKindStandsForItself_InItsNamespace_OrTheDefaultWhenItCarriesNone()
    {
        var deployments = BuiltInResources.Find("deployments")!;
        var saved = RelatedObjects.Query(Sample("Deployment"), deployments, "default");
        Assert.Equal(("web", "shop"), (saved.Name, saved.Namespace));
        var built = RelatedObjects.Query(new Deployment { ApiVersion = "apps/v1", Kind = "Deployment", Metadata = new ObjectMeta { Name = "web" } }, deployments, "team-a");
        Assert.Equal(("web", "team-a"), (built.Name, built.Namespace));
    }

    [Fact]
    public void AKindOfAnotherGroupIsNotTheSameKind()
    {
        var events = BuiltInResources.Find("events")!;
        var newEvent = new GenericKubeObject { ApiVersion = "events.k8s.io/v1", Kind = "Event", Metadata = new ObjectMeta { Name = "e", Namespace = "shop" } };
        Assert.False(RelatedObjects.IsOfKind(newEvent, events));
        Assert.True(RelatedObjects.IsOfKind(Sample("Event"), events));
    }

    [Fact]
    public void ANamespaceStandsForTheObjectsInIt()
    {
        var query = RelatedObjects.Query(Sample("Namespace"), BuiltInResources.Find("pods")!, "default");
        Assert.Equal("team-a", query.Namespace);
        Assert.Null(query.Name);
        Assert.Null(query.Filter);
    }

    [Fact]
    public void ANodeStandsForItsPodsInEveryNamespace()
    {
        var query = RelatedObjects.Query(Sample("Node"), BuiltInResources.Find("pods")!, "default");
        Assert.Null(query.Namespace);
        Assert.Equal("spec.nodeName=fake-node-1", query.Options.FieldSelector);
    }

    [Fact]
    public void ACronJobStandsForTheJobsItOwns_ByUid()
    {
        var query = RelatedObjects.Query(Sample("CronJob"), BuiltInResources.Find("jobs")!, "default");
        Assert.Equal("shop", query.Namespace);
        Assert.True(query.Selects(Owned("Job", "nightly-1", "CronJob", "nightly", "uid-nightly")));
        Assert.False(query.Selects(Owned("Job", "nightly-2", "CronJob", "nightly", "uid-of-an-earlier-nightly")));
        Assert.False(query.Selects(new Job { Metadata = new ObjectMeta { Name = "manual" } }));
    }

    [Fact]
    public void ACronJobNotReadFromTheServer_HasNoUid_AndOwnsByKindAndName()
    {
        var built = new CronJob { ApiVersion = "batch/v1", Kind = "CronJob", Metadata = new ObjectMeta { Name = "nightly", Namespace = "shop" } };
        var query = RelatedObjects.Query(built, BuiltInResources.Find("jobs")!, "default");
        Assert.True(query.Selects(Owned("Job", "nightly-1", "CronJob", "nightly", "any")));
        Assert.False(query.Selects(Owned("Job", "weekly-1", "CronJob", "weekly", "any")));
    }

    [Fact]
    public void AWorkloadStandsForTheServicesThatSelectItsPods()
    {
        var query = RelatedObjects.Query(Sample("Deployment"), BuiltInResources.Find("services")!, "default");
        Assert.True(query.Selects(ServiceSelecting(new() { ["app"] = "web" })));
        Assert.False(query.Selects(ServiceSelecting(new() { ["app"] = "web", ["tier"] = "db" })));
        Assert.False(query.Selects(ServiceSelecting(new() { ["app"] = "api" })));
        // A service without a selector (endpoints kept by hand) selects no pods, so it is nobody's.
        Assert.False(query.Selects(ServiceSelecting([])));
    }

    [Fact]
    public void AServiceStandsForItsEndpoints_OfTheSameName()
    {
        var endpoints = RelatedObjects.Query(Sample("Service"), BuiltInResources.Find("endpoints")!, "default");
        Assert.Equal(("web", "shop"), (endpoints.Name, endpoints.Namespace));
    }

    [Fact]
    public void AWorkloadWithAnEmptySelectorSelectsNoPods()
    {
        var empty = new Deployment { Kind = "Deployment", Metadata = new ObjectMeta { Name = "odd", Namespace = "shop" }, Spec = new DeploymentSpec() };
        Assert.True(RelatedObjects.Query(empty, BuiltInResources.Find("pods")!, "default").SelectsNothing);
    }

    [Fact]
    public void AnObjectWithoutANameIsRefused() =>
        Assert.Throws<ArgumentException>(() => RelatedObjects.Query(new Pod { Kind = "Pod" }, BuiltInResources.Find("pods")!, "default"));

    [Theory]
    [InlineData("deploy/web", "deploy", "web")]
    [InlineData("pod/x", "pod", "x")]
    [InlineData("deployments.apps/web", "deployments.apps", "web")]
    [InlineData("web", null, "web")]
    [InlineData("web-*", null, "web-*")]
    public void KindQualifiedNames_SplitAtTheFirstSlash(string text, string? kind, string name) =>
        Assert.Equal((kind, name), KindQualifiedName.Split(text));

    private static KubeObject Sample(string kind)
    {
        var meta = new ObjectMeta { Name = Name(kind), Namespace = kind is "Node" or "Namespace" ? null : "shop", Uid = "uid-" + Name(kind) };
        var labels = new Dictionary<string, string> { ["app"] = "web" };
        var template = new PodTemplateSpec { Metadata = new ObjectMeta { Labels = labels } };
        var selector = new LabelSelector { MatchLabels = labels };
        KubeObject obj = kind switch
        {
            "Pod" => new Pod(),
            "Deployment" => new Deployment { Spec = new DeploymentSpec { Selector = selector, Template = template } },
            "ReplicaSet" => new ReplicaSet { Spec = new ReplicaSetSpec { Selector = selector, Template = template } },
            "StatefulSet" => new StatefulSet { Spec = new StatefulSetSpec { Selector = selector, Template = template } },
            "DaemonSet" => new DaemonSet { Spec = new DaemonSetSpec { Selector = selector, Template = template } },
            "Job" => new Job { Spec = new JobSpec { Selector = selector, Template = template } },
            "CronJob" => new CronJob(),
            "Service" => new Service { Spec = new ServiceSpec { Selector = labels } },
            "Node" => new Node(),
            "Namespace" => new Namespace(),
            "Event" => new Event(),
            "ConfigMap" => new ConfigMap(),
            "Endpoints" => new Endpoints(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        obj.Kind = kind;
        obj.ApiVersion = BuiltInResources.All.First(r => r.Kind == kind).ApiVersion;
        obj.Metadata = meta;
        return obj;
    }

    private static string Name(string kind) => kind switch
    {
        "Node" => "fake-node-1",
        "Namespace" => "team-a",
        "CronJob" => "nightly",
        _ => "web",
    };

    private static Job Owned(string kind, string name, string ownerKind, string ownerName, string ownerUid) => new()
    {
        Kind = kind,
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "shop",
            OwnerReferences = [new OwnerReference { Kind = ownerKind, Name = ownerName, Uid = ownerUid, Controller = true }],
        },
    };

    private static Service ServiceSelecting(Dictionary<string, string> selector) =>
        new() { Kind = "Service", Metadata = new ObjectMeta { Name = "s", Namespace = "shop" }, Spec = new ServiceSpec { Selector = selector } };
}

namespace PSKube.Client.Tests.Printing;

public class TableWorkloadTests
{
    [Fact]
    public void Deployment()
    {
        var cells = PrintingTestData.Cells("Deployment", """
            {"metadata":{"name":"web","creationTimestamp":"ago(7200)"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"tier":"front","app":"web"}},
                     "template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"},{"name":"log","image":"busybox"}]}}},
             "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}}
            """);
        Assert.Equal(new object?[] { "web", "2/3", 3L, 2L, "120m", "web,log", "nginx:1.27,busybox", "app=web,tier=front" }, cells);
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"d"}}""", "0/1", "")]
    [InlineData("""{"spec":{"replicas":0,"selector":{}}}""", "0/0", "")]
    [InlineData("""{"spec":{"selector":{"matchExpressions":[{"key":"a","operator":"Bogus"}]}}}""", "0/1", "<invalid>")]
    public void DeploymentDefaultsAndSelectors(string json, string ready, string selector)
    {
        var cells = PrintingTestData.Cells("Deployment", json);
        Assert.Equal(ready, cells[1]);
        Assert.Equal(selector, cells[7]);
    }

    [Fact]
    public void ReplicaSet()
    {
        var cells = PrintingTestData.Cells("ReplicaSet", """
            {"metadata":{"name":"web-5d8f","creationTimestamp":"ago(300)"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"spec":{"containers":[{"name":"web","image":"nginx"}]}}},
             "status":{"replicas":3,"readyReplicas":1}}
            """);
        Assert.Equal(new object?[] { "web-5d8f", 3L, 3L, 1L, "5m", "web", "nginx", "app=web" }, cells);
    }

    [Theory]
    [InlineData("null", "<none>")]
    [InlineData("{}", "<none>")]
    [InlineData("""{"matchLabels":{"b":"2","a":"1"}}""", "a=1,b=2")]
    [InlineData("""
        {"matchLabels":{"app":"web"},"matchExpressions":[
          {"key":"env","operator":"In","values":["prod","dev"]},{"key":"canary","operator":"DoesNotExist"},
          {"key":"zone","operator":"NotIn","values":["b","a"]},{"key":"arch","operator":"Exists"}]}
        """, "app=web,arch,!canary,env in (dev,prod),zone notin (a,b)")]
    [InlineData("""{"matchExpressions":[{"key":"env","operator":"In","values":[]}]}""", "<error>")]
    [InlineData("""{"matchExpressions":[{"key":"env","operator":"Exists","values":["x"]}]}""", "<error>")]
    [InlineData("""{"matchExpressions":[{"key":"env","operator":"Gt","values":["1"]}]}""", "<error>")]
    public void SelectorsPrintLikeApimachinery(string selector, string expected)
    {
        var cells = PrintingTestData.Cells("ReplicaSet", """{"spec":{"selector":$selector}}""".Replace("$selector", selector, StringComparison.Ordinal));
        Assert.Equal(expected, cells[7]);
    }

    [Fact]
    public void StatefulSet()
    {
        var cells = PrintingTestData.Cells("StatefulSet", """
            {"metadata":{"name":"db","creationTimestamp":"ago(86400)"},
             "spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"pg","image":"postgres:16"}]}}},"status":{"readyReplicas":1}}
            """);
        Assert.Equal(new object?[] { "db", "1/3", "24h", "pg", "postgres:16" }, cells);
    }

    [Fact]
    public void DaemonSet()
    {
        var cells = PrintingTestData.Cells("DaemonSet", """
            {"metadata":{"name":"agent","creationTimestamp":"ago(259200)"},
             "spec":{"selector":{"matchLabels":{"app":"agent"}},
                     "template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux","disk":"ssd"},"containers":[{"name":"agent","image":"agent:2"}]}}},
             "status":{"desiredNumberScheduled":3,"currentNumberScheduled":3,"numberReady":2,"updatedNumberScheduled":3,"numberAvailable":2}}
            """);
        Assert.Equal(new object?[] { "agent", 3L, 3L, 2L, 3L, 2L, "disk=ssd,kubernetes.io/os=linux", "3d", "agent", "agent:2", "app=agent" }, cells);
    }

    [Fact]
    public void DaemonSetWithoutNodeSelector() =>
        Assert.Equal("<none>", PrintingTestData.Cells("DaemonSet", """{"metadata":{"name":"d"}}""")[6]);

    [Fact]
    public void CompletedJob()
    {
        var cells = PrintingTestData.Cells("Job", """
            {"metadata":{"name":"pi","creationTimestamp":"ago(600)"},
             "spec":{"completions":1,"selector":{"matchLabels":{"controller-uid":"abc"}},
                     "template":{"spec":{"containers":[{"name":"pi","image":"perl"}]}}},
             "status":{"succeeded":1,"startTime":"ago(300)","completionTime":"ago(200)","conditions":[{"type":"Complete","status":"True"}]}}
            """);
        Assert.Equal(new object?[] { "pi", "Complete", "1/1", "100s", "10m", "pi", "perl", "controller-uid=abc" }, cells);
    }

    [Theory]
    [InlineData("""{"spec":{"completions":5},"status":{"succeeded":2,"startTime":"ago(45)"}}""", "2/5", "45s")]
    [InlineData("""{"spec":{"parallelism":3},"status":{"startTime":"ago(7200)"}}""", "0/1 of 3", "120m")]
    [InlineData("""{"spec":{"parallelism":1},"status":{"succeeded":1}}""", "1/1", "")]
    [InlineData("""{}""", "0/1", "")]
    public void JobCompletionsAndDuration(string json, string completions, string duration)
    {
        var cells = PrintingTestData.Cells("Job", json);
        Assert.Equal(completions, cells[2]);
        Assert.Equal(duration, cells[3]);
    }

    [Theory]
    [InlineData("""[]""", false, "Running")]
    [InlineData("""[{"type":"Complete","status":"True"}]""", true, "Complete")]
    [InlineData("""[{"type":"Failed","status":"True"}]""", true, "Failed")]
    [InlineData("""[{"type":"Failed","status":"False"}]""", true, "Terminating")]
    [InlineData("""[{"type":"Suspended","status":"True"}]""", false, "Suspended")]
    [InlineData("""[{"type":"Suspended","status":"True"}]""", true, "Terminating")]
    [InlineData("""[{"type":"FailureTarget","status":"True"}]""", false, "FailureTarget")]
    [InlineData("""[{"type":"FailureTarget","status":"True"},{"type":"Failed","status":"True"}]""", false, "Failed")]
    [InlineData("""[{"type":"Complete","status":"False"},{"type":"Complete","status":"True"}]""", false, "Running")]
    public void JobStatus(string conditions, bool deleted, string expected)
    {
        var metadata = deleted ? """{"deletionTimestamp":"ago(5)"}""" : "{}";
        var json = """{"metadata":$metadata,"status":{"conditions":$conditions}}"""
            .Replace("$metadata", metadata, StringComparison.Ordinal)
            .Replace("$conditions", conditions, StringComparison.Ordinal);
        Assert.Equal(expected, PrintingTestData.Cells("Job", json)[1]);
    }

    [Fact]
    public void CronJob()
    {
        var cells = PrintingTestData.Cells("CronJob", """
            {"metadata":{"name":"backup","creationTimestamp":"ago(172800)"},
             "spec":{"schedule":"0 2 * * *","timeZone":"Europe/Paris","suspend":false,
                     "jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"backup","image":"restic"}]}}}}},
             "status":{"active":[{"name":"backup-28500000"}],"lastScheduleTime":"ago(3600)"}}
            """);
        Assert.Equal(new object?[] { "backup", "0 2 * * *", "Europe/Paris", "False", 1L, "60m", "2d", "backup", "restic", "<none>" }, cells);
    }

    [Theory]
    [InlineData("""{"spec":{"schedule":"@hourly"}}""", "<none>", "<unset>", "<none>")]
    [InlineData("""{"spec":{"schedule":"@hourly","suspend":true},"status":{"lastScheduleTime":"ago(30)"}}""", "<none>", "True", "30s")]
    public void CronJobPlaceholders(string json, string timeZone, string suspend, string lastSchedule)
    {
        var cells = PrintingTestData.Cells("CronJob", json);
        Assert.Equal(new object?[] { "@hourly", timeZone, suspend, 0L, lastSchedule }, cells.Skip(1).Take(5));
    }
}

using PSKube.Client.Models;

namespace PSKube.Client.Tests.Models;

// Objects shaped like what an API server returns for each kind.
public class ModelsSampleTests
{
    [Fact]
    public void DeploymentDeserializes()
    {
        var deployment = KubeJson.Deserialize<Deployment>("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","generation":2},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                     "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.25"}]}}},
             "status":{"replicas":3,"readyReplicas":2,"availableReplicas":2,"updatedReplicas":3,"observedGeneration":2,
                       "conditions":[{"type":"Available","status":"True","lastUpdateTime":"2024-05-01T10:00:00Z","lastTransitionTime":"2024-05-01T10:00:00Z","reason":"MinimumReplicasAvailable"}]}}
            """)!;

        Assert.Equal(("web", "shop", 2L), (deployment.Name, deployment.Namespace, deployment.Metadata!.Generation));
        Assert.Equal(3, deployment.Spec!.Replicas);
        Assert.Equal("web", deployment.Spec.Selector!.MatchLabels!["app"]);
        Assert.Equal(new IntOrString("25%"), deployment.Spec.Strategy!.RollingUpdate!.MaxSurge);
        Assert.Equal("nginx:1.25", deployment.Spec.Template!.Spec!.Containers![0].Image);
        Assert.Equal(2, deployment.Status!.ReadyReplicas);
        Assert.Equal("MinimumReplicasAvailable", deployment.Status.Conditions![0].Reason);
    }

    [Fact]
    public void JobDeserializes()
    {
        var job = KubeJson.Deserialize<Job>("""
            {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","namespace":"default","labels":{"job-name":"pi"}},
             "spec":{"backoffLimit":6,"completions":1,"parallelism":1,"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"u1"}},
                     "template":{"spec":{"restartPolicy":"Never","containers":[{"name":"pi","image":"perl","command":["perl","-e","print 1"]}]}}},
             "status":{"startTime":"2024-05-01T10:00:00Z","completionTime":"2024-05-01T10:00:09Z","succeeded":1,"ready":0,
                       "conditions":[{"type":"Complete","status":"True"}]}}
            """)!;

        Assert.Equal(6, job.Spec!.BackoffLimit);
        Assert.Equal(["perl", "-e", "print 1"], job.Spec.Template!.Spec!.Containers![0].Command!);
        Assert.Equal(TimeSpan.FromSeconds(9), job.JobStatus!.CompletionTime - job.JobStatus.StartTime);
        Assert.Equal(1, job.JobStatus.Succeeded);
        Assert.Equal("Complete", job.JobStatus.Conditions![0].Type);
    }

    [Fact]
    public void CronJobDeserializes()
    {
        var cronJob = KubeJson.Deserialize<CronJob>("""
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"hello"},
             "spec":{"schedule":"*/5 * * * *","timeZone":"Etc/UTC","suspend":false,"concurrencyPolicy":"Allow",
                     "successfulJobsHistoryLimit":3,"failedJobsHistoryLimit":1,
                     "jobTemplate":{"metadata":{"name":"hello"},"spec":{"template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"hello","image":"busybox"}]}}}}},
             "status":{"lastScheduleTime":"2024-05-01T10:05:00Z","active":[{"kind":"Job","name":"hello-28577945","namespace":"default"}]}}
            """)!;

        Assert.Equal("*/5 * * * *", cronJob.Spec!.Schedule);
        Assert.False(cronJob.Spec.Suspend);
        Assert.Equal("OnFailure", cronJob.Spec.JobTemplate!.Spec!.Template!.Spec!.RestartPolicy);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 5, 0, TimeSpan.Zero), cronJob.Status!.LastScheduleTime);
        Assert.Equal("hello-28577945", cronJob.Status.Active![0].Name);
    }

    [Fact]
    public void ServiceDeserializes()
    {
        var service = KubeJson.Deserialize<Service>("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"},
             "spec":{"type":"LoadBalancer","selector":{"app":"web"},"clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],
                     "ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack",
                     "ports":[{"name":"http","port":80,"targetPort":8080,"protocol":"TCP","nodePort":30080},{"name":"metrics","port":9090,"targetPort":"metrics"}]},
             "status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.5","ipMode":"VIP"}]}}}
            """)!;

        Assert.Equal(("LoadBalancer", "10.96.0.10"), (service.Spec!.Type, service.Spec.ClusterIP));
        Assert.Equal(new IntOrString(8080), service.Spec.Ports![0].TargetPort);
        Assert.Equal(new IntOrString("metrics"), service.Spec.Ports[1].TargetPort);
        Assert.Equal(30080, service.Spec.Ports[0].NodePort);
        Assert.Equal("203.0.113.5", service.Status!.LoadBalancer!.Ingress![0].Ip);
    }

    [Fact]
    public void NodeDeserializes()
    {
        var node = KubeJson.Deserialize<Node>("""
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1","labels":{"node-role.kubernetes.io/control-plane":""}},
             "spec":{"podCIDR":"10.244.0.0/24","taints":[{"key":"node-role.kubernetes.io/control-plane","effect":"NoSchedule"}]},
             "status":{"capacity":{"cpu":"4","memory":"16318940Ki","pods":"110"},"allocatable":{"cpu":"4"},
                       "conditions":[{"type":"Ready","status":"True","lastHeartbeatTime":"2024-05-01T10:00:00Z","reason":"KubeletReady"}],
                       "addresses":[{"type":"InternalIP","address":"192.168.49.2"},{"type":"Hostname","address":"node-1"}],
                       "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},
                       "nodeInfo":{"kubeletVersion":"v1.36.0","osImage":"Debian GNU/Linux 12","containerRuntimeVersion":"containerd://1.7.0","architecture":"amd64","operatingSystem":"linux"}}}
            """)!;

        Assert.Null(node.Namespace);
        Assert.Equal("NoSchedule", node.Spec!.Taints![0].Effect);
        Assert.Equal("16318940Ki", node.NodeStatus!.Capacity!["memory"]);
        Assert.Equal("KubeletReady", node.NodeStatus.Conditions![0].Reason);
        Assert.Equal("192.168.49.2", node.NodeStatus.Addresses![0].Address);
        Assert.Equal(10250, node.NodeStatus.DaemonEndpoints!.KubeletEndpoint!.Port);
        Assert.Equal("v1.36.0", node.NodeStatus.NodeInfo!.KubeletVersion);
    }

    [Fact]
    public void EventDeserializes()
    {
        var kubeEvent = KubeJson.Deserialize<Event>("""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"web.17c","namespace":"shop"},
             "involvedObject":{"kind":"Pod","namespace":"shop","name":"web","uid":"u1","apiVersion":"v1","fieldPath":"spec.containers{web}"},
             "reason":"Pulled","message":"Successfully pulled image","type":"Normal","count":2,
             "source":{"component":"kubelet","host":"node-1"},
             "firstTimestamp":"2024-05-01T10:00:00Z","lastTimestamp":"2024-05-01T10:01:00Z",
             "eventTime":"2024-05-01T10:00:00.250000Z","series":{"count":2,"lastObservedTime":"2024-05-01T10:01:00.500000Z"},
             "reportingComponent":"kubelet","reportingInstance":"node-1"}
            """)!;

        Assert.Equal(("Pod", "web"), (kubeEvent.InvolvedObject!.Kind, kubeEvent.InvolvedObject.Name));
        Assert.Equal(("Pulled", "Normal", 2), (kubeEvent.Reason, kubeEvent.Type, kubeEvent.Count));
        Assert.Equal("kubelet", kubeEvent.Source!.Component);
        Assert.Equal(TimeSpan.FromMinutes(1), kubeEvent.LastTimestamp - kubeEvent.FirstTimestamp);
        Assert.Equal(TimeSpan.FromMilliseconds(250), kubeEvent.EventTime!.Value.TimeOfDay - TimeSpan.FromHours(10));
        Assert.Equal(2, kubeEvent.Series!.Count);
    }

    [Fact]
    public void SecretKeepsDataAsBase64Text()
    {
        const string json = """
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"shop"},"data":{"password":"czNjcjN0"},"immutable":true,"type":"Opaque"}
            """;

        var secret = KubeJson.Deserialize<Secret>(json)!;

        Assert.Equal("Opaque", secret.Type);
        Assert.True(secret.Immutable);
        Assert.Equal("s3cr3t", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret.Data!["password"])));
        Assert.Equal(json, KubeJson.Serialize(secret));
    }
}

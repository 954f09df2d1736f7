using PSKube.FakeCluster.Protobuf;

namespace PSKube.Client.Tests.Protobuf;

/// <summary>Hand-built messages exercising each field kind and the omitempty / pointer rules.</summary>
public class ProtobufDecoderTests
{
    [Fact]
    public void ObjectMetaDecodesEveryField()
    {
        var body = Deployment(
            metadata => metadata
                .String(1, "web")
                .String(2, "web-")
                .String(3, "shop")
                .String(5, "0b7c-uid")
                .String(6, "42")
                .Varint(7, 3L)
                .Message(8, time => time.Varint(1, 1_700_000_000L).Varint(2, 123L))
                .MapEntry(11, "app", "web")
                .MapEntry(12, "note", "a=b")
                .Message(13, owner => owner
                    .String(1, "CronJob").String(3, "nightly").String(4, "owner-uid").String(5, "batch/v1")
                    .Bool(6, true).Bool(7, false))
                .String(14, "example.com/cleanup"),
            spec => { });

        ProtobufJsonAssert.Equal(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {
              "name": "web", "generateName": "web-", "namespace": "shop", "uid": "0b7c-uid", "resourceVersion": "42",
              "generation": 3, "creationTimestamp": "2023-11-14T22:13:20Z",
              "labels": {"app": "web"}, "annotations": {"note": "a=b"},
              "ownerReferences": [{"apiVersion": "batch/v1", "kind": "CronJob", "name": "nightly", "uid": "owner-uid",
                                   "controller": true, "blockOwnerDeletion": false}],
              "finalizers": ["example.com/cleanup"]}}
            """,
            KubeProtobuf.DecodeObject(body));
    }

    [Fact]
    public void MapsKeepEveryEntryIncludingEmptyValues()
    {
        var body = Deployment(
            metadata => metadata
                .String(1, "web")
                .MapEntry(11, "app", "web")
                .MapEntry(11, "tier", string.Empty)
                .Message(11, keyOnly => keyOnly.String(1, "flag")),
            spec => spec.Message(3, template => template.Message(2, pod => pod
                .Message(2, container => container
                    .String(1, "c")
                    .Message(8, resources => resources
                        .QuantityEntry(1, "cpu", "500m")
                        .QuantityEntry(1, "memory", "128Mi")
                        .QuantityEntry(2, "cpu", "250m")))
                .MapEntry(7, "disk", "ssd"))));

        ProtobufJsonAssert.Equal(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment",
             "metadata": {"name": "web", "labels": {"app": "web", "tier": "", "flag": ""}},
             "spec": {"template": {"spec": {
               "containers": [{"name": "c", "resources": {"limits": {"cpu": "500m", "memory": "128Mi"},
                                                          "requests": {"cpu": "250m"}}}],
               "nodeSelector": {"disk": "ssd"}}}}}
            """,
            KubeProtobuf.DecodeObject(body));
    }

    [Fact]
    public void RepeatedMessagesVolumesAndEnvironmentDecode()
    {
        var body = ProtobufWriter.Envelope("v1", "Pod", new ProtobufWriter()
            .Message(1, metadata => metadata.String(1, "p"))
            .Message(2, spec => spec
                .Message(1, volume => volume.String(1, "cache").Message(2, source => source.Message(2, emptyDir => { })))
                .Message(1, volume => volume.String(1, "cfg").Message(2, source => source.Message(19, configMap => configMap
                    .Message(1, reference => reference.String(1, "app-config"))
                    .Message(2, item => item.String(1, "a").String(2, "a.txt"))
                    .Varint(3, 420L))))
                .Message(1, volume => volume.String(1, "tls").Message(2, source => source.Message(6, secret => secret
                    .String(1, "tls").Varint(3, 0L).Bool(4, false))))
                .Message(20, init => init.String(1, "init").String(2, "busybox").String(3, "sh").String(3, "-c").String(3, "true"))
                .Message(2, container => container
                    .String(1, "app")
                    .String(2, "nginx")
                    .Message(6, port => port.String(1, "http").Varint(3, 80L).String(4, "TCP"))
                    .Message(6, port => port.Varint(2, 8443L).Varint(3, 443L))
                    .Message(19, envFrom => envFrom.String(1, "X_").Message(2, source => source
                        .Message(1, reference => reference.String(1, "cm"))))
                    .Message(7, env => env.String(1, "A").String(2, "1"))
                    .Message(7, env => env.String(1, "B").Message(3, from => from.Message(3, selector => selector
                        .Message(1, reference => reference.String(1, "cm")).String(2, "k"))))
                    .Message(7, env => env.String(1, "C").Message(3, from => from.Message(4, selector => selector
                        .Message(1, reference => reference.String(1, "s")).String(2, "p").Bool(3, true))))
                    .Message(7, env => env.String(1, "D").Message(3, from => from.Message(1, field => field
                        .String(1, "v1").String(2, "metadata.name"))))
                    .Message(9, mount => mount.String(1, "cache").String(3, "/cache"))
                    .Message(9, mount => mount.String(1, "cfg").Bool(2, true).String(3, "/etc/cfg")))
                .Message(2, container => container.String(1, "sidecar").String(2, "busybox").String(4, "sleep").String(4, "1d"))
                .Message(15, secret => secret.String(1, "regcred"))
                .Message(22, toleration => toleration.String(1, "dedicated").String(2, "Exists").String(4, "NoSchedule"))));

        ProtobufJsonAssert.Equal(
            """
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {
              "volumes": [
                {"name": "cache", "emptyDir": {}},
                {"name": "cfg", "configMap": {"name": "app-config", "items": [{"key": "a", "path": "a.txt"}], "defaultMode": 420}},
                {"name": "tls", "secret": {"secretName": "tls", "defaultMode": 0, "optional": false}}],
              "initContainers": [{"name": "init", "image": "busybox", "command": ["sh", "-c", "true"]}],
              "containers": [
                {"name": "app", "image": "nginx",
                 "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}, {"hostPort": 8443, "containerPort": 443}],
                 "envFrom": [{"prefix": "X_", "configMapRef": {"name": "cm"}}],
                 "env": [
                   {"name": "A", "value": "1"},
                   {"name": "B", "valueFrom": {"configMapKeyRef": {"name": "cm", "key": "k"}}},
                   {"name": "C", "valueFrom": {"secretKeyRef": {"name": "s", "key": "p", "optional": true}}},
                   {"name": "D", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}}],
                 "volumeMounts": [{"name": "cache", "mountPath": "/cache"}, {"name": "cfg", "readOnly": true, "mountPath": "/etc/cfg"}]},
                {"name": "sidecar", "image": "busybox", "args": ["sleep", "1d"]}],
              "imagePullSecrets": [{"name": "regcred"}],
              "tolerations": [{"key": "dedicated", "operator": "Exists", "effect": "NoSchedule"}]}}
            """,
            KubeProtobuf.DecodeObject(body));
    }

    [Theory]
    [InlineData(0L, 0, "", "0")]
    [InlineData(0L, 2, "", "2")]
    [InlineData(1L, 0, "25%", "\"25%\"")]
    public void IntOrStringRendersTheSelectedForm(long type, int intValue, string stringValue, string expectedJson)
    {
        // Go's encoder writes all three IntOrString fields; the type decides which one counts.
        var body = Deployment(
            metadata => metadata.String(1, "web"),
            spec => spec.Message(4, strategy => strategy
                .String(1, "RollingUpdate")
                .Message(2, rollingUpdate => rollingUpdate.Message(2, surge => surge
                    .Varint(1, type).Varint(2, (long)intValue).String(3, stringValue)))));

        var strategy = KubeProtobuf.DecodeObject(body)["spec"]!["strategy"]!;

        ProtobufJsonAssert.Equal($$$"""{"type": "RollingUpdate", "rollingUpdate": {"maxSurge": {{{expectedJson}}}}}""", strategy);
    }

    [Theory]
    [InlineData("08 80 e2 cf aa 06 10 7b", "\"2023-11-14T22:13:20Z\"")]
    [InlineData("08 00", "\"1970-01-01T00:00:00Z\"")]
    [InlineData("", null)]
    public void TimeRendersWholeSecondsInUtcAndEmptyMeansUnset(string timeMessageHex, string? expectedJson)
    {
        var time = Convert.FromHexString(timeMessageHex.Replace(" ", string.Empty, StringComparison.Ordinal));
        var body = Deployment(metadata => metadata.String(1, "web").Bytes(8, time), spec => { });

        var creationTimestamp = KubeProtobuf.DecodeObject(body)["metadata"]!.AsObject()["creationTimestamp"];

        Assert.Equal(expectedJson, creationTimestamp?.ToJsonString());
    }

    [Fact]
    public void DeploymentKeepsPointerZerosAndDropsPlainZeros()
    {
        var body = Deployment(
            metadata => metadata.String(1, "web"),
            spec => spec
                .Varint(1, 0L)
                .Message(2, selector => selector.Message(2, requirement => requirement
                    .String(1, "tier").String(2, "In").String(3, "web").String(3, "api")))
                .Message(3, template => template.Message(2, pod => pod
                    .Message(2, container => container.String(1, "c").Bool(16, false).Bool(18, false))
                    .Varint(4, 0L)
                    .Varint(5, 30L)
                    .String(6, "ClusterFirst")
                    .String(8, "robot")
                    .String(10, "node-1")
                    .Bool(11, true)
                    .Bool(12, false)
                    .String(16, "h")
                    .String(17, "sub")
                    .String(19, "default-scheduler")
                    .Varint(25, 0L)
                    .Bool(30, false)))
                .Message(4, strategy => strategy.String(1, "Recreate"))
                .Varint(5, 0L)
                .Varint(6, 0L)
                .Bool(7, false)
                .Varint(9, 600L));

        ProtobufJsonAssert.Equal(
            """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"}, "spec": {
              "replicas": 0,
              "selector": {"matchExpressions": [{"key": "tier", "operator": "In", "values": ["web", "api"]}]},
              "template": {"spec": {
                "containers": [{"name": "c"}],
                "terminationGracePeriodSeconds": 0, "activeDeadlineSeconds": 30, "dnsPolicy": "ClusterFirst",
                "serviceAccountName": "robot", "nodeName": "node-1", "hostNetwork": true, "hostname": "h",
                "subdomain": "sub", "schedulerName": "default-scheduler", "priority": 0, "enableServiceLinks": false}},
              "strategy": {"type": "Recreate"},
              "revisionHistoryLimit": 0,
              "progressDeadlineSeconds": 600}}
            """,
            KubeProtobuf.DecodeObject(body));
    }

    [Fact]
    public void JobSpecDecodesEveryFieldAndKeepsPointerZeros()
    {
        var body = ProtobufWriter.Envelope("batch/v1", "Job", new ProtobufWriter()
            .Message(1, metadata => metadata.String(1, "batch"))
            .Message(2, spec => spec
                .Varint(1, 0L)
                .Varint(2, 3L)
                .Varint(3, 600L)
                .Message(4, selector => selector.MapEntry(1, "job", "batch"))
                .Bool(5, false)
                .Message(6, template => template
                    .Message(1, metadata => metadata.MapEntry(11, "job", "batch"))
                    .Message(2, pod => pod.Message(2, container => container.String(1, "c").String(2, "i")).String(3, "OnFailure")))
                .Varint(7, 0L)
                .Varint(8, 0L)
                .String(9, "Indexed")
                .Bool(10, false)));

        ProtobufJsonAssert.Equal(
            """
            {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "batch"}, "spec": {
              "parallelism": 0, "completions": 3, "activeDeadlineSeconds": 600, "backoffLimit": 0,
              "selector": {"matchLabels": {"job": "batch"}}, "manualSelector": false,
              "template": {"metadata": {"labels": {"job": "batch"}},
                           "spec": {"containers": [{"name": "c", "image": "i"}], "restartPolicy": "OnFailure"}},
              "ttlSecondsAfterFinished": 0, "completionMode": "Indexed", "suspend": false}}
            """,
            KubeProtobuf.DecodeObject(body));
    }

    [Fact]
    public void CronJobSpecDecodesEveryField()
    {
        var body = ProtobufWriter.Envelope("batch/v1", "CronJob", new ProtobufWriter()
            .Message(1, metadata => metadata.String(1, "nightly"))
            .Message(2, spec => spec
                .String(1, "0 2 * * *")
                .Varint(2, 0L)
                .String(3, "Forbid")
                .Bool(4, false)
                .Message(5, jobTemplate => jobTemplate
                    .Message(1, metadata => metadata.String(1, "nightly"))
                    .Message(2, job => job.Varint(7, 2L).Message(6, template => template
                        .Message(2, pod => pod.Message(2, container => container.String(1, "c")).String(3, "Never")))))
                .Varint(6, 0L)
                .Varint(7, 1L)
                .String(8, "Etc/UTC")));

        ProtobufJsonAssert.Equal(
            """
            {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "nightly"}, "spec": {
              "schedule": "0 2 * * *", "timeZone": "Etc/UTC", "startingDeadlineSeconds": 0,
              "concurrencyPolicy": "Forbid", "suspend": false,
              "jobTemplate": {"metadata": {"name": "nightly"}, "spec": {"backoffLimit": 2,
                "template": {"spec": {"containers": [{"name": "c"}], "restartPolicy": "Never"}}}},
              "successfulJobsHistoryLimit": 0, "failedJobsHistoryLimit": 1}}
            """,
            KubeProtobuf.DecodeObject(body));
    }

    [Fact]
    public void ContainerProbesAndSecurityContextDecode()
    {
        var body = Deployment(
            metadata => metadata.String(1, "web"),
            spec => spec.Message(3, template => template.Message(2, pod => pod.Message(2, container => container
                .String(1, "c")
                .String(5, "/srv")
                .Message(10, probe => probe
                    .Message(1, handler => handler.Message(2, httpGet => httpGet
                        .String(1, "/healthz")
                        .Message(2, port => port.Varint(1, 1L).Varint(2, 0L).String(3, "http"))
                        .String(4, "HTTPS")
                        .Message(5, header => header.String(1, "X-Probe").String(2, "1"))))
                    .Varint(2, 5L).Varint(3, 1L).Varint(4, 10L).Varint(5, 1L).Varint(6, 3L))
                .Message(11, probe => probe
                    .Message(1, handler => handler.Message(1, exec => exec.String(1, "cat").String(1, "/tmp/ready")))
                    .Varint(4, 5L))
                .Message(22, probe => probe
                    .Message(1, handler => handler.Message(3, tcp => tcp.Message(1, port => port.Varint(1, 0L).Varint(2, 8080L))))
                    .Varint(6, 30L))
                .String(13, "/dev/termination-log")
                .String(14, "IfNotPresent")
                .Message(15, security => security
                    .Message(1, capabilities => capabilities.String(2, "ALL"))
                    .Bool(2, false)
                    .Varint(4, 0L)
                    .Bool(5, true))
                .Bool(16, true)
                .Bool(17, true)
                .Bool(18, true)
                .String(20, "FallbackToLogsOnError")))));

        var container = KubeProtobuf.DecodeObject(body)["spec"]!["template"]!["spec"]!["containers"]![0];

        ProtobufJsonAssert.Equal(
            """
            {"name": "c", "workingDir": "/srv",
             "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http", "scheme": "HTTPS",
                                           "httpHeaders": [{"name": "X-Probe", "value": "1"}]},
                               "initialDelaySeconds": 5, "timeoutSeconds": 1, "periodSeconds": 10,
                               "successThreshold": 1, "failureThreshold": 3},
             "readinessProbe": {"exec": {"command": ["cat", "/tmp/ready"]}, "periodSeconds": 5},
             "startupProbe": {"tcpSocket": {"port": 8080}, "failureThreshold": 30},
             "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "FallbackToLogsOnError",
             "imagePullPolicy": "IfNotPresent",
             "securityContext": {"capabilities": {"drop": ["ALL"]}, "privileged": false, "runAsUser": 0, "runAsNonRoot": true},
             "stdin": true, "stdinOnce": true, "tty": true}
            """,
            container);
    }

    [Fact]
    public void UnknownFieldsOfEveryWireTypeAreSkipped()
    {
        var plain = Deployment(metadata => metadata.String(1, "web"), spec => spec.Varint(1, 2L));
        var withUnknownFields = ProtobufWriter.Envelope("apps/v1", "Deployment", new ProtobufWriter()
            .Message(1, metadata => metadata
                .String(1, "web")
                .Message(17, managedFields => managedFields.String(1, "kubectl-create")))
            .Message(2, spec => spec
                .Varint(99, 12345L)
                .Fixed64(100, ulong.MaxValue)
                .Fixed32(101, 7)
                .String(102, "future field")
                .Varint(1, 2L))
            .Message(3, status => status.Varint(2, 5L)));

        Assert.Equal(
            KubeProtobuf.DecodeObject(plain).ToJsonString(),
            KubeProtobuf.DecodeObject(withUnknownFields).ToJsonString());
    }

    [Fact]
    public void CoreKindsConfigMapSecretAndNamespaceDecode()
    {
        var configMap = ProtobufWriter.Envelope("v1", "ConfigMap", new ProtobufWriter()
            .Message(1, metadata => metadata.String(1, "settings"))
            .MapEntry(2, "mode", "fast")
            .Message(3, entry => entry.String(1, "blob").Bytes(2, [0x00, 0xFF]))
            .Bool(4, false));
        var secret = ProtobufWriter.Envelope("v1", "Secret", new ProtobufWriter()
            .Message(1, metadata => metadata.String(1, "creds"))
            .Message(2, entry => entry.String(1, "password").Bytes(2, "hunter2"u8.ToArray()))
            .String(3, "Opaque"));
        var ns = ProtobufWriter.Envelope("v1", "Namespace", new ProtobufWriter()
            .Message(1, metadata => metadata.String(1, "team-a"))
            .Message(2, spec => spec.String(1, "kubernetes")));

        ProtobufJsonAssert.Equal(
            """
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}, "immutable": false,
             "data": {"mode": "fast"}, "binaryData": {"blob": "AP8="}}
            """,
            KubeProtobuf.DecodeObject(configMap));
        ProtobufJsonAssert.Equal(
            """{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "creds"}, "data": {"password": "aHVudGVyMg=="}, "type": "Opaque"}""",
            KubeProtobuf.DecodeObject(secret));
        ProtobufJsonAssert.Equal(
            """{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}, "spec": {"finalizers": ["kubernetes"]}}""",
            KubeProtobuf.DecodeObject(ns));
    }

    private static byte[] Deployment(Action<ProtobufWriter> metadata, Action<ProtobufWriter> spec) =>
        ProtobufWriter.Envelope("apps/v1", "Deployment", new ProtobufWriter().Message(1, metadata).Message(2, spec));
}

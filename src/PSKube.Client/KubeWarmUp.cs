using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PSKube.Client.Config;
using PSKube.Client.Models;
using PSKube.Client.Transport;

namespace PSKube.Client;

/// <summary>
/// What a process's first command pays before its first answer, done on pool threads from the moment PowerShell
/// creates that command (as PowerShell itself warms its engine at start), beside the command's own parameter binding,
/// kubeconfig read and connection: the kubeconfig parsed into the file cache, the system certificate store that .NET
/// reads at its first TLS handshake, and the code that decodes and displays a pod list compiled. Nothing is sent
/// anywhere and nothing runs that could prompt (no exec plugin, no token read); a failure here is left for the
/// command itself to meet and report.
/// </summary>
public static class KubeWarmUp
{
    private static int _started;

    /// <summary>Starts the warm-up once per process; returns at once.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // Two pieces at once: reading the certificate store needs no kubeconfig, and each takes tens of milliseconds.
            ThreadPool.UnsafeQueueUserWorkItem(_ => ReadSystemStore(), null);
            ThreadPool.UnsafeQueueUserWorkItem(_ => Run(KubeConfigLoader.FromEnvironment()), null);
        }
    }

    /// <summary>Parses the kubeconfig and decodes the sample pods; returns the kubeconfig it read (null when that failed).</summary>
    internal static KubeConfig? Run(KubeConfigLoader loader)
    {
        try
        {
            var config = loader.Load();
            DecodeSamplePods();
            return config;
        }
#pragma warning disable CA1031 // A warm-up only saves time: whatever fails here, the command meets and reports itself.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>
    /// Builds a chain for a throwaway certificate: the handshake checks the server's chain against the system store
    /// (before PSKube checks it against a pinned CA), and .NET reads every file of that store the first time
    /// (/etc/ssl/certs on Linux). Returns whether that ran (the throwaway certificate itself is never trusted).
    /// </summary>
    internal static bool ReadSystemStore()
    {
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var now = DateTimeOffset.UtcNow;
            using var certificate = new CertificateRequest("CN=PSKube warm-up", key, HashAlgorithmName.SHA256).CreateSelfSigned(now.AddMinutes(-1), now.AddMinutes(1));
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.Build(certificate);
            return true;
        }
#pragma warning disable CA1031 // As above.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>Decodes a sample pod list as a list response is decoded, and reads its table's columns.</summary>
    internal static IReadOnlyList<Pod> DecodeSamplePods()
    {
        using var stream = new MemoryStream(SamplePodList);
        var reader = new JsonListReader<Pod>(stream, KubeJson.TypeInfo<Pod>());
        var pods = reader.ReadItemsAsync(CancellationToken.None).ToBlockingEnumerable().ToList();
        foreach (var pod in pods)
        {
            _ = (pod.Name, pod.ReadyContainers, pod.Status, pod.RestartsText, pod.Age?.ToString(), pod.IP, pod.Node);
        }
        return pods;
    }

    // A pod as a deployment's controller and the kubelet leave it, with the fields most lists carry.
    private static byte[] SamplePodList => """
        {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"web-1",
        "generateName":"web-","namespace":"default","uid":"00000000-0000-0000-0000-000000000001","resourceVersion":"1",
        "creationTimestamp":"2026-01-01T00:00:00Z","labels":{"app":"web"},"annotations":{"note":"x"},
        "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web","uid":"00000000-0000-0000-0000-000000000002","controller":true,"blockOwnerDeletion":true}],
        "managedFields":[{"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2026-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:phase":{}}},"subresource":"status"}]},
        "spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80,"protocol":"TCP"}],
        "resources":{"limits":{"cpu":"500m","memory":"128Mi"},"requests":{"cpu":"250m","memory":"64Mi"}},
        "env":[{"name":"A","value":"1"}],"terminationMessagePath":"/dev/termination-log","imagePullPolicy":"Always"}],
        "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","nodeName":"node-1",
        "serviceAccountName":"default","securityContext":{},"schedulerName":"default-scheduler",
        "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],
        "priority":0,"enableServiceLinks":true},
        "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-01-01T00:00:00Z"}],
        "hostIP":"10.0.0.1","podIP":"10.244.0.2","podIPs":[{"ip":"10.244.0.2"}],"startTime":"2026-01-01T00:00:00Z",
        "containerStatuses":[{"name":"web","state":{"running":{"startedAt":"2026-01-01T00:00:00Z"}},"lastState":{},
        "ready":true,"restartCount":0,"image":"nginx","imageID":"docker.io/library/nginx@sha256:0","containerID":"containerd://0","started":true}],
        "qosClass":"Burstable"}}]}
        """u8.ToArray();
}

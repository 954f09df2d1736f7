using System.Net;
using PSKube.Client.Config;
using PSKube.Client.Models;
using PSKube.Client.Transport;

namespace PSKube.Client.Tests.Client;

/// <summary>Stable error ids and kinds for API failures, and the context list of a kubeconfig.</summary>
public sealed class ClientErrorIdTests
{
    [Theory]
    [InlineData(404, "NotFound", "Pod", "PodNotFound", KubeErrorKind.NotFound)]
    [InlineData(409, "AlreadyExists", "Deployment", "DeploymentAlreadyExists", KubeErrorKind.AlreadyExists)]
    [InlineData(409, "Conflict", "ConfigMap", "ConfigMapConflict", KubeErrorKind.Conflict)]
    [InlineData(422, "Invalid", "Service", "ServiceInvalid", KubeErrorKind.Invalid)]
    [InlineData(401, "Unauthorized", "Pod", "Unauthorized", KubeErrorKind.Unauthorized)]
    [InlineData(403, "Forbidden", "Pod", "Forbidden", KubeErrorKind.Forbidden)]
    [InlineData(429, "TooManyRequests", "Pod", "Throttled", KubeErrorKind.Throttled)]
    [InlineData(502, "", "Pod", "ServerError", KubeErrorKind.ServerError)]
    [InlineData(504, "Timeout", "Pod", "Timeout", KubeErrorKind.Timeout)]
    [InlineData(410, "Expired", "Pod", "Expired", KubeErrorKind.Expired)]
    [InlineData(400, "BadRequest", "Pod", "BadRequest", KubeErrorKind.BadRequest)]
    public void Errors_HaveStableIdsAndKinds(int code, string reason, string kind, string expectedId, KubeErrorKind expectedKind)
    {
        var error = new KubeApiException((HttpStatusCode)code, new Status { Reason = reason, Code = code, Message = "m" }, "GET", "/x");
        Assert.Equal(expectedId, KubeErrors.ErrorId(kind, error));
        Assert.Equal(expectedKind, KubeErrors.Classify(error));
    }

    [Fact]
    public void Errors_AMissingNamespaceIsNamespaceNotFound_NotTheObjectsKind()
    {
        // What the API server answers to a create in a namespace that does not exist.
        var status = new Status { Reason = "NotFound", Code = 404, Message = "namespaces \"nope\" not found", Details = new StatusDetails { Name = "nope", Kind = "namespaces" } };
        var error = new KubeApiException(HttpStatusCode.NotFound, status, "POST", "/api/v1/namespaces/nope/pods");
        Assert.Equal("NamespaceNotFound", KubeErrors.ErrorId("Pod", error));
        Assert.Equal("NamespaceNotFound", KubeErrors.ErrorId("Deployment", error));
        Assert.True(KubeErrors.IsMissingNamespace(error));
        var missingPod = new KubeApiException(HttpStatusCode.NotFound, new Status { Reason = "NotFound", Code = 404, Details = new StatusDetails { Name = "web", Kind = "pods" } }, "GET", "/api/v1/namespaces/default/pods/web");
        Assert.Equal("PodNotFound", KubeErrors.ErrorId("Pod", missingPod));
    }

    [Theory]
    [InlineData("pods is forbidden: User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"", false)]
    [InlineData("pods \"web\" is forbidden: User \"system:serviceaccount:ci:deployer\" cannot delete resource \"pods\" in API group \"\" in the namespace \"ci\"", false)]
    [InlineData("pods \"big\" is forbidden: maximum cpu usage per Container is 800m, but limit is 1", true)]
    [InlineData("pods \"web\" is forbidden: exceeded quota: team, requested: pods=1, used: pods=2, limited: pods=2", true)]
    public void Errors_AForbiddenNamingAUserIsRbac_AnyOtherIsTheAdmissionPolicy(string message, bool admission)
    {
        var error = new KubeApiException(HttpStatusCode.Forbidden, new Status { Reason = "Forbidden", Code = 403, Message = message }, "POST", "/api/v1/namespaces/default/pods");
        Assert.Equal(admission, KubeErrors.IsAdmissionRefusal(error));
        Assert.Equal("Forbidden", KubeErrors.ErrorId("Pod", error));
    }

    /// <summary>Every failure that is not a refusal: its id (whatever the object), its kind, and whether it ends the command.</summary>
    public static TheoryData<Exception, string, KubeErrorKind, bool> Failures() => new()
    {
        { new KubeApiUnreachableException(new Uri("https://10.0.0.1:6443"), KubeUnreachableReason.Refused, "GET", "/api/v1/pods"), "KubeApiUnreachable", KubeErrorKind.Unreachable, true },
        { new KubeApiUnreachableException(new Uri("https://10.0.0.1:6443"), KubeUnreachableReason.ConnectionLost, "POST", "/api/v1/pods"), "KubeApiUnreachable", KubeErrorKind.Unreachable, true },
        { new HttpRequestException("An HTTP/2 protocol error"), "KubeApiUnreachable", KubeErrorKind.Unreachable, true },
        { new IOException("The response ended prematurely."), "KubeApiUnreachable", KubeErrorKind.Unreachable, true },
        { new KubeTlsException(new Uri("https://10.0.0.1:6443"), KubeTlsFailure.UnknownAuthority, ""), "TlsUntrusted", KubeErrorKind.TlsUntrusted, true },
        { new KubeTlsException(new Uri("https://10.0.0.1:6443"), KubeTlsFailure.Expired, "it is valid from ... to ..."), "TlsUntrusted", KubeErrorKind.TlsUntrusted, true },
        { new KubeTlsException(new Uri("https://10.0.0.1:6443"), KubeTlsFailure.Other, "the server presented no certificate"), "TlsUntrusted", KubeErrorKind.TlsUntrusted, true },
        { new KubeTlsException(new Uri("https://10.0.0.1:6443"), KubeTlsFailure.NameMismatch, "certificate is valid for a, not b"), "TlsNameMismatch", KubeErrorKind.TlsNameMismatch, true },
        { new TimeoutException("GET /api/v1/pods did not answer within 30 s."), "Timeout", KubeErrorKind.Timeout, false },
        { new TaskCanceledException("The operation was canceled."), "Timeout", KubeErrorKind.Timeout, false },
        { new KubeApiException(HttpStatusCode.Unauthorized, new Status { Reason = "Unauthorized", Code = 401 }, "GET", "/api/v1/pods"), "Unauthorized", KubeErrorKind.Unauthorized, false },
        { new InvalidOperationException("anything else"), "Other", KubeErrorKind.Other, false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Errors_EveryFailureHasOneIdAndKind(Exception error, string expectedId, KubeErrorKind expectedKind, bool endsTheCommand)
    {
        Assert.Equal(expectedId, KubeErrors.ErrorId("Pod", error));
        Assert.Equal(expectedId, KubeErrors.ErrorId("Deployment", error));
        Assert.Equal(expectedKind, KubeErrors.Classify(error));
        Assert.Equal(endsTheCommand, KubeErrors.IsServerFailure(error));
    }

    [Fact]
    public void Errors_TlsMessagesNameTheServerInKubectlsWords()
    {
        var server = new Uri("https://10.0.0.1:6443");
        Assert.StartsWith("Unable to connect to the server https://10.0.0.1:6443: tls: failed to verify certificate: x509: certificate signed by unknown authority.",
            new KubeTlsException(server, KubeTlsFailure.UnknownAuthority, "").Message, StringComparison.Ordinal);
        Assert.StartsWith("Unable to connect to the server https://10.0.0.1:6443: tls: failed to verify certificate: x509: certificate is valid for a, not b.",
            new KubeTlsException(server, KubeTlsFailure.NameMismatch, "certificate is valid for a, not b").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_ApplyConflictsHaveTheirOwnId()
    {
        var status = new Status
        {
            Reason = "Conflict",
            Code = 409,
            Details = new StatusDetails { Causes = [new StatusCause { Reason = "FieldManagerConflict", Field = ".spec.replicas", Message = "conflict with \"kubectl\" using apps/v1" }] },
        };
        var error = new KubeApplyConflictException(HttpStatusCode.Conflict, status, "PATCH", "/apis/apps/v1/namespaces/default/deployments/web");
        Assert.Equal("DeploymentApplyConflict", KubeErrors.ErrorId("Deployment", error));
        Assert.Equal([(".spec.replicas", "kubectl")], error.Conflicts);
    }

    [Fact]
    public void Kubeconfig_ContextSummariesMarkTheCurrentOne()
    {
        var folder = Directory.CreateTempSubdirectory("pskube-summary-").FullName;
        try
        {
            var path = Path.Combine(folder, "config");
            File.WriteAllText(path, """
                apiVersion: v1
                kind: Config
                current-context: b
                clusters:
                - name: c1
                  cluster: {server: "https://c1.example:6443"}
                users:
                - name: u1
                  user: {token: t}
                contexts:
                - name: b
                  context: {cluster: c1, user: u1, namespace: web}
                - name: a
                  context: {cluster: missing, user: u1}
                """);
            var summaries = KubeContextSummary.From(KubeConfig.Load(path));
            Assert.Equal(["a", "b"], summaries.Select(s => s.Name));
            Assert.Equal(new KubeContextSummary("b", "c1", "u1", "web", "https://c1.example:6443", true, path), summaries[1]);
            Assert.Null(summaries[0].Server);
            Assert.False(summaries[0].IsCurrent);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

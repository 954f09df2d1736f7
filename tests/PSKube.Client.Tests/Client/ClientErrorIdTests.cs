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
    public void Errors_HaveStableIdsAndKinds(int code, string reason, string kind, string expectedId, KubeErrorKind expectedKind)
    {
        var error = new KubeApiException((HttpStatusCode)code, new Status { Reason = reason, Code = code, Message = "m" }, "GET", "/x");
        Assert.Equal(expectedId, KubeErrors.ErrorId(kind, error));
        Assert.Equal(expectedKind, KubeErrors.Classify(error));
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

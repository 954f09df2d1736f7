using PSKube.Client.Auth;
using PSKube.Client.Transport;

namespace PSKube.Client.Config;

/// <summary>
/// Everything needed to talk to a cluster as one user, resolved from a kubeconfig context (or from the in-cluster
/// service account): the names involved, the default namespace, the endpoint and the credentials.
/// </summary>
public sealed record KubeContext(
    string ContextName,
    string ClusterName,
    string UserName,
    string Namespace,
    ClusterEndpoint Endpoint,
    IKubeCredentials Credentials);

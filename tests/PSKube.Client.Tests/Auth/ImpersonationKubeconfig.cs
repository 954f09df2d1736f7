using System.Text;
using PSKube.FakeCluster;
using PSKube.FakeCluster.Kubeconfig;

namespace PSKube.Client.Tests.Auth;

/// <summary>
/// A kubeconfig for a fake cluster whose users impersonate: <c>as-jane</c> (the admin certificate acting as jane
/// with every as-* field, several groups and extra values among them), <c>as-jane-once</c> (the admin acting as
/// jane with one value per header), <c>token-as-jane</c> (the token user, which may not impersonate),
/// <c>groups-only</c> (as-groups without as) and <c>fake</c> (the admin, not impersonating).
/// </summary>
internal static class ImpersonationKubeconfig
{
    public const string ImpersonatingContext = "as-jane";
    public const string OneValueEachContext = "as-jane-once";
    public const string TokenContext = "token-as-jane";
    public const string GroupsOnlyContext = "groups-only";
    public const string GroupsOnlyUser = "admin-groups-only";

    public static string Text(FakeClusterServer cluster)
    {
        var certificate = Base64(cluster.ClientCertificate.ExportCertificatePem());
        var key = Base64(KubeconfigWriter.PrivateKeyPem(cluster.ClientCertificate));
        var ca = Base64(cluster.Authority.Certificate.ExportCertificatePem());
        return $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {{cluster.Server}}
                certificate-authority-data: {{ca}}
            contexts:
            - name: fake
              context: {cluster: fake, user: admin}
            - name: {{ImpersonatingContext}}
              context: {cluster: fake, user: admin-as-jane}
            - name: {{OneValueEachContext}}
              context: {cluster: fake, user: admin-as-jane-once}
            - name: {{TokenContext}}
              context: {cluster: fake, user: token-as-jane}
            - name: {{GroupsOnlyContext}}
              context: {cluster: fake, user: admin-groups-only}
            current-context: {{ImpersonatingContext}}
            users:
            - name: admin
              user: {client-certificate-data: {{certificate}}, client-key-data: {{key}}}
            - name: admin-as-jane
              user:
                client-certificate-data: {{certificate}}
                client-key-data: {{key}}
                as: jane
                as-uid: "1234"
                as-groups: [devs, ops]
                as-user-extra:
                  scopes: [read, write]
                  example.com/team: ["a b"]
                  "Ünï %x": [välue]
            - name: admin-as-jane-once
              user:
                client-certificate-data: {{certificate}}
                client-key-data: {{key}}
                as: jane
                as-groups: [devs]
                as-user-extra:
                  scopes: [read]
                  "Ünï %x": [välue]
            - name: token-as-jane
              user:
                token: {{cluster.Token}}
                as: jane
            - name: {{GroupsOnlyUser}}
              user:
                client-certificate-data: {{certificate}}
                client-key-data: {{key}}
                as-groups: [devs]
            """;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

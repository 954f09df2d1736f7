using System.Net;
using System.Security.Cryptography;
using System.Text;
using PSKube.Client.Auth;
using PSKube.Client.Config;
using PSKube.Client.Tests.Config;

namespace PSKube.Client.Tests.Auth;

public sealed class CertificateCredentialsTests(AuthClusterFixture fixture) : IClassFixture<AuthClusterFixture>, IDisposable
{
    private readonly KubeconfigTestFolder _folder = new();

    public static TheoryData<string, string> KeyForms => new()
    {
        { "RSA", "PKCS1" },
        { "RSA", "PKCS8" },
        { "EC", "SEC1" },
        { "EC", "PKCS8" },
    };

    [Theory]
    [MemberData(nameof(KeyForms))]
    public async Task ClientCertificate_InEachPemForm_AuthenticatesOverTls(string algorithm, string form)
    {
        var (certificatePem, keyPem) = IssuePem(algorithm, form);

        var credentials = ClientCertificateCredentials.FromPem(certificatePem, keyPem);

        Assert.True(credentials.ClientCertificate!.HasPrivateKey);
        Assert.Equal(HttpStatusCode.OK, await CredentialsHttp.GetAsync(fixture.Cluster, credentials));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task KubeconfigUser_WithDataOrFiles_GivesAWorkingCertificate(bool embedded)
    {
        var (certificatePem, keyPem) = IssuePem("EC", "SEC1");
        var user = embedded
            ? $"client-certificate-data: {Base64(certificatePem)}\n    client-key-data: {Base64(keyPem)}"
            : "client-certificate: pki/me.crt\n    client-key: pki/me.key";
        _folder.Write("kube/pki/me.crt", certificatePem);
        _folder.Write("kube/pki/me.key", keyPem);
        var path = _folder.Write("kube/config", $"""
            clusters: [{"{"}name: fake, cluster: {"{"}server: "{fixture.Cluster.Server}"{"}}"}]
            users:
            - name: me
              user:
                {user}
            contexts: [{"{"}name: x, context: {"{"}cluster: fake, user: me{"}}"}]
            """);

        var context = new KubeConfigLoader { KubeconfigVariable = path, HomeDirectory = _folder.Path }.Load().Resolve("x");

        Assert.IsType<ClientCertificateCredentials>(context.Credentials);
        Assert.Equal(HttpStatusCode.OK, await CredentialsHttp.GetAsync(fixture.Cluster, context.Credentials));
    }

    [Fact]
    public async Task TokenAndCertificate_AreBothUsed()
    {
        var (certificatePem, keyPem) = IssuePem("RSA", "PKCS1");
        var path = _folder.Write("config", $"""
            clusters: [{"{"}name: fake, cluster: {"{"}server: "{fixture.Cluster.Server}"{"}}"}]
            users: [{"{"}name: me, user: {"{"}token: not-accepted, client-certificate-data: {Base64(certificatePem)}, client-key-data: {Base64(keyPem)}{"}}"}]
            contexts: [{"{"}name: x, context: {"{"}cluster: fake, user: me{"}}"}]
            """);

        var credentials = new KubeConfigLoader { KubeconfigVariable = path, HomeDirectory = _folder.Path }.Load().Resolve("x").Credentials;
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Cluster.Server);
        await credentials.ApplyAsync(request, CancellationToken.None);

        Assert.IsType<CombinedCredentials>(credentials);
        Assert.Equal("Bearer not-accepted", request.Headers.Authorization!.ToString());
        Assert.NotNull(credentials.ClientCertificate);
        Assert.DoesNotContain("not-accepted", credentials.CacheKey, StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateWithoutKey_NamesTheUserAndTheMissingKey()
    {
        var (certificatePem, _) = IssuePem("EC", "SEC1");
        var path = _folder.Write("config", $"""
            clusters: [{"{"}name: fake, cluster: {"{"}server: "https://127.0.0.1:1"{"}}"}]
            users: [{"{"}name: me, user: {"{"}client-certificate-data: {Base64(certificatePem)}{"}}"}]
            contexts: [{"{"}name: x, context: {"{"}cluster: fake, user: me{"}}"}]
            """);

        var error = Assert.Throws<KubeConfigException>(() => new KubeConfigLoader { KubeconfigVariable = path, HomeDirectory = _folder.Path }.Load().Resolve("x"));

        Assert.Equal($"user \"me\" (in {path}) has a client certificate but no client-key or client-key-data; add the private key that belongs to it", error.Message);
    }

    private (string Certificate, string Key) IssuePem(string algorithm, string form)
    {
        using AsymmetricAlgorithm key = algorithm == "RSA" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = fixture.Cluster.Authority.IssueClientCertificate("cert-user", ["system:masters"], key);
        var keyPem = (key, form) switch
        {
            (RSA rsa, "PKCS1") => rsa.ExportRSAPrivateKeyPem(),
            (ECDsa ec, "SEC1") => ec.ExportECPrivateKeyPem(),
            (_, "PKCS8") => key.ExportPkcs8PrivateKeyPem(),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        Assert.StartsWith($"-----BEGIN {form switch { "PKCS1" => "RSA PRIVATE KEY", "SEC1" => "EC PRIVATE KEY", _ => "PRIVATE KEY" }}-----", keyPem, StringComparison.Ordinal);
        return (certificate.ExportCertificatePem(), keyPem);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    public void Dispose() => _folder.Dispose();
}

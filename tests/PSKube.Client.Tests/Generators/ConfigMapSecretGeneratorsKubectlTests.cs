using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Client.Tests.Client;
using PSKube.Client.Tests.Kubectl;
using PSKube.Client.Validation;
using static PSKube.Client.Tests.Generators.GeneratorJson;

namespace PSKube.Client.Tests.Generators;

/// <summary>
/// kubectl create configmap / secret generic / tls / docker-registry against our generators: the same JSON for the
/// same sources (files, directories, env files, literals, --append-hash), and both refuse the same bad input.
/// </summary>
public sealed class ConfigMapSecretGeneratorsKubectlTests : IDisposable
{
    private const string EnvVariable = "PSKUBE_TEST_ENV_FILE_VALUE";
    private readonly string _folder = Directory.CreateTempSubdirectory("pskube-sources-").FullName;

    public ConfigMapSecretGeneratorsKubectlTests()
    {
        // kubectl inherits this process's environment: an env-file line without '=' reads this variable in both.
        Environment.SetEnvironmentVariable(EnvVariable, "from the environment <&>");
        Write("dir/app.properties", "mode=fast\nsize=3\n");
        Write("dir/greeting.txt", "héllo wörld\r\n\ttabbed \"quoted\" \\ back\u2028line\b\f\u0001");
        Write("dir/logo.bin", [0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE, 0x00, 0x01]);
        Directory.CreateDirectory(Path.Combine(_folder, "dir", "nested"));
        Write("dir/nested/ignored.txt", "subdirectories are left out");
        File.CreateSymbolicLink(Path.Combine(_folder, "dir", "link.txt"), Path.Combine(_folder, "dir", "greeting.txt"));
        Write("single.conf", "server { listen 80; }\n");
        Write("empty.txt", "");
        Write("bad-name/has space.txt", "x");
        Write("first.env", "\uFEFFLOG_LEVEL=debug\n# a comment\n\n   INDENTED=kept trailing spaces   \r\nEQUALS=a=b=c\nEMPTY=\n" + EnvVariable + "\nUNSET_PSKUBE_VARIABLE\n");
        Write("second.env", "OTHER=2");
        Write("space-key.env", "KEY =value\n");
        Write("digit-key.env", "1KEY=value\n");
        Write("late-bom.env", "A=1\n\uFEFFB=2\n");
        Write("invalid-utf8.env", [(byte)'A', (byte)'=', 0xC3, 0x28, (byte)'\n']);
        Write("dupe.env", "A=1\nA=2\n");
        Write("docker.json", "{\"auths\":{\"r.example.com\":{\"auth\":\"dTpw\"}}}\n");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(EnvVariable, null);
        Directory.Delete(_folder, recursive: true);
    }

    [KubectlFact]
    public async Task ConfigMaps_MatchKubectlCreateConfigMap()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        async Task Same(string[] flags, ConfigMapOptions options) =>
            AssertSameAsKubectl(await kubectl.RunAsync(["create", "configmap", options.Name, .. flags, "--dry-run=client", "-o", "json"], null), ConfigMapGenerator.Generate(options));

        await Same([], new ConfigMapOptions { Name = "empty" });
        await Same(["--append-hash"], new ConfigMapOptions { Name = "empty", AppendHash = true });
        await Same(["--from-literal=mode=fast", "--from-literal=query=a=b&c<d>", "--from-literal=EMPTY=", "-n", "team"],
            new ConfigMapOptions { Name = "settings", Namespace = "team", FromLiteral = ["mode=fast", "query=a=b&c<d>", "EMPTY="] });
        await Same(["--from-literal=mode=fast", "--from-literal=query=a=b&c<d>", "--append-hash"],
            new ConfigMapOptions { Name = "settings", Literals = [new("mode", "fast"), new("query", "a=b&c<d>")], AppendHash = true });
        await Same(["--from-file", In("dir"), "--from-file", "nginx.conf=" + In("single.conf"), "--from-file", In("empty.txt"), "--from-literal=extra=1"],
            new ConfigMapOptions { Name = "files", FromFile = [In("dir"), "nginx.conf=" + In("single.conf"), In("empty.txt")], FromLiteral = ["extra=1"] });
        await Same(["--from-file", In("dir"), "--from-literal=extra=1", "--append-hash"],
            new ConfigMapOptions { Name = "files", FromFile = [In("dir")], FromLiteral = ["extra=1"], AppendHash = true });
        await Same(["--from-file", "logo=" + In("dir/logo.bin"), "--append-hash"],
            new ConfigMapOptions { Name = "binary", FromFile = ["logo=" + In("dir/logo.bin")], AppendHash = true });
        await Same(["--from-env-file", In("first.env")], new ConfigMapOptions { Name = "env", FromEnvFile = [In("first.env")] });
        await Same(["--from-env-file", In("first.env"), "--from-env-file", In("second.env"), "--append-hash"],
            new ConfigMapOptions { Name = "env", FromEnvFile = [In("first.env"), In("second.env")], AppendHash = true });

        // Relative paths are the caller's: resolved against the folder, key from the file name.
        AssertSame(Ours(ConfigMapGenerator.Generate(new ConfigMapOptions { Name = "rel", FromFile = [In("single.conf")] })),
            Ours(ConfigMapGenerator.Generate(new ConfigMapOptions { Name = "rel", FromFile = ["single.conf"], ResolvePath = path => System.IO.Path.Combine(_folder, path) })));
    }

    [KubectlFact]
    public async Task ConfigMaps_RefuseWhatKubectlRefuses_NamingTheParameter()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        async Task Refused(string[] flags, ConfigMapOptions options, string parameter)
        {
            Assert.NotEqual(0, (await kubectl.RunAsync(["create", "configmap", options.Name, .. flags, "--dry-run=client", "-o", "json"], null)).ExitCode);
            var error = Assert.Throws<KubeInputException>(() => ConfigMapGenerator.Generate(options with { ParameterNames = option => "-" + option }));
            Assert.Equal(parameter, error.ParameterName);
        }

        await Refused(["--from-literal=a=1", "--from-literal=a=2"], new ConfigMapOptions { Name = "c", FromLiteral = ["a=1", "a=2"] }, "-FromLiteral");
        await Refused(["--from-literal==1"], new ConfigMapOptions { Name = "c", FromLiteral = ["=1"] }, "-FromLiteral");
        await Refused(["--from-literal=novalue"], new ConfigMapOptions { Name = "c", FromLiteral = ["novalue"] }, "-FromLiteral");
        await Refused(["--from-literal=bad key=1"], new ConfigMapOptions { Name = "c", FromLiteral = ["bad key=1"] }, "-FromLiteral");
        await Refused(["--from-literal=..x=1"], new ConfigMapOptions { Name = "c", FromLiteral = ["..x=1"] }, "-FromLiteral");
        await Refused(["--from-file", In("single.conf"), "--from-literal=single.conf=1"],
            new ConfigMapOptions { Name = "c", FromFile = [In("single.conf")], FromLiteral = ["single.conf=1"] }, "-FromLiteral");
        await Refused(["--from-file", In("single.conf"), "--from-file", In("single.conf")],
            new ConfigMapOptions { Name = "c", FromFile = [In("single.conf"), In("single.conf")] }, "-FromFile");
        await Refused(["--from-file", "k=" + In("dir")], new ConfigMapOptions { Name = "c", FromFile = ["k=" + In("dir")] }, "-FromFile");
        await Refused(["--from-file", In("bad-name")], new ConfigMapOptions { Name = "c", FromFile = [In("bad-name")] }, "-FromFile");
        await Refused(["--from-file", "=" + In("single.conf")], new ConfigMapOptions { Name = "c", FromFile = ["=" + In("single.conf")] }, "-FromFile");
        await Refused(["--from-file", "k="], new ConfigMapOptions { Name = "c", FromFile = ["k="] }, "-FromFile");
        await Refused(["--from-file", In("missing.txt")], new ConfigMapOptions { Name = "c", FromFile = [In("missing.txt")] }, "-FromFile");
        await Refused(["--from-env-file", In("second.env"), "--from-literal=a=1"],
            new ConfigMapOptions { Name = "c", FromEnvFile = [In("second.env")], FromLiteral = ["a=1"] }, "-FromEnvFile");
        await Refused(["--from-env-file", In("dir")], new ConfigMapOptions { Name = "c", FromEnvFile = [In("dir")] }, "-FromEnvFile");
        foreach (var file in new[] { "space-key.env", "digit-key.env", "late-bom.env", "invalid-utf8.env", "dupe.env" })
        {
            await Refused(["--from-env-file", In(file)], new ConfigMapOptions { Name = "c", FromEnvFile = [In(file)] }, "-FromEnvFile");
        }

        // kubectl leaves a bad name to the server; we refuse it before sending.
        var server = await kubectl.RunAsync("create", "configmap", "Bad_Name", "--from-literal=a=1");
        Assert.NotEqual(0, server.ExitCode);
        Assert.Contains("Bad_Name", server.Stderr, StringComparison.Ordinal);
        Assert.Equal("-Name", Assert.Throws<KubeInputException>(() => ConfigMapGenerator.Generate(new ConfigMapOptions { Name = "Bad_Name", ParameterNames = option => "-" + option })).ParameterName);
    }

    [KubectlFact]
    public async Task GenericSecrets_MatchKubectlCreateSecretGeneric()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        async Task Same(string[] flags, SecretOptions options) =>
            AssertSameAsKubectl(await kubectl.RunAsync(["create", "secret", "generic", options.Name, .. flags, "--dry-run=client", "-o", "json"], null), SecretGenerator.Generic(options));

        await Same([], new SecretOptions { Name = "empty" });
        await Same(["--append-hash"], new SecretOptions { Name = "empty", AppendHash = true });
        await Same(["--from-literal=password=s3cr=t<&>", "--from-literal=user=admin", "-n", "team"],
            new SecretOptions { Name = "db", Namespace = "team", FromLiteral = ["password=s3cr=t<&>", "user=admin"] });
        await Same(["--from-literal=password=s3cret", "--type=example.com/custom", "--append-hash"],
            new SecretOptions { Name = "db", Literals = [new("password", "s3cret")], Type = "example.com/custom", AppendHash = true });
        await Same(["--from-literal=password=s3cret", "--type=Opaque", "--append-hash"],
            new SecretOptions { Name = "db", FromLiteral = ["password=s3cret"], Type = "Opaque", AppendHash = true });
        await Same(["--from-file", In("dir"), "--from-file", "ssh=" + In("single.conf"), "--from-literal=extra=1", "--append-hash"],
            new SecretOptions { Name = "files", FromFile = [In("dir"), "ssh=" + In("single.conf")], FromLiteral = ["extra=1"], AppendHash = true });
        await Same(["--from-env-file", In("first.env"), "--from-env-file", In("second.env"), "--append-hash"],
            new SecretOptions { Name = "env", FromEnvFile = [In("first.env"), In("second.env")], AppendHash = true });

        async Task Refused(string[] flags, SecretOptions options, string parameter)
        {
            Assert.NotEqual(0, (await kubectl.RunAsync(["create", "secret", "generic", options.Name, .. flags, "--dry-run=client", "-o", "json"], null)).ExitCode);
            var error = Assert.Throws<KubeInputException>(() => SecretGenerator.Generic(options with { ParameterNames = option => "-" + option }));
            Assert.Equal(parameter, error.ParameterName);
            Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        }

        await Refused(["--from-literal=password=s3cret", "--from-literal=password=s3cret2"], new SecretOptions { Name = "s", FromLiteral = ["password=s3cret", "password=s3cret2"] }, "-FromLiteral");
        await Refused(["--from-literal=s3cret"], new SecretOptions { Name = "s", FromLiteral = ["s3cret"] }, "-FromLiteral");
        await Refused(["--from-literal=bad/key=s3cret"], new SecretOptions { Name = "s", FromLiteral = ["bad/key=s3cret"] }, "-FromLiteral");
        await Refused(["--from-env-file", In("second.env"), "--from-file", In("single.conf")],
            new SecretOptions { Name = "s", FromEnvFile = [In("second.env")], FromFile = [In("single.conf")] }, "-FromEnvFile");
    }

    [KubectlFact]
    public async Task TlsSecrets_MatchKubectlCreateSecretTls()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (rsaCertificate, rsaKey) = WritePair("rsa", new CertificateRequest("CN=web.example.com", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), rsa.ExportRSAPrivateKeyPem());
        var (ecCertificate, ecKey) = WritePair("ec", new CertificateRequest("CN=api.example.com", ec, HashAlgorithmName.SHA256), ec.ExportPkcs8PrivateKeyPem());
        async Task Same(string[] flags, TlsSecretOptions options) =>
            AssertSameAsKubectl(await kubectl.RunAsync(["create", "secret", "tls", options.Name, .. flags, "--dry-run=client", "-o", "json"], null), SecretGenerator.Tls(options));

        await Same(["--cert", rsaCertificate, "--key", rsaKey], new TlsSecretOptions { Name = "web-tls", Certificate = rsaCertificate, Key = rsaKey });
        await Same(["--cert", ecCertificate, "--key", ecKey, "--append-hash", "-n", "team"],
            new TlsSecretOptions { Name = "api-tls", Certificate = ecCertificate, Key = ecKey, AppendHash = true, Namespace = "team" });

        async Task Refused(string[] flags, TlsSecretOptions options, string parameter)
        {
            Assert.NotEqual(0, (await kubectl.RunAsync(["create", "secret", "tls", options.Name, .. flags, "--dry-run=client", "-o", "json"], null)).ExitCode);
            var error = Assert.Throws<KubeInputException>(() => SecretGenerator.Tls(options with { ParameterNames = option => "-" + option }));
            Assert.Equal(parameter, error.ParameterName);
            Assert.DoesNotContain("PRIVATE KEY-----\n", error.Message, StringComparison.Ordinal);
        }

        await Refused(["--cert", rsaCertificate, "--key", ecKey], new TlsSecretOptions { Name = "t", Certificate = rsaCertificate, Key = ecKey }, "-Key");
        await Refused(["--cert", rsaKey, "--key", rsaKey], new TlsSecretOptions { Name = "t", Certificate = rsaKey, Key = rsaKey }, "-Certificate");
        await Refused(["--cert", rsaCertificate, "--key", rsaCertificate], new TlsSecretOptions { Name = "t", Certificate = rsaCertificate, Key = rsaCertificate }, "-Key");
        await Refused(["--cert", In("missing.crt"), "--key", rsaKey], new TlsSecretOptions { Name = "t", Certificate = In("missing.crt"), Key = rsaKey }, "-Certificate");
    }

    [KubectlFact]
    public async Task DockerRegistrySecrets_MatchKubectlCreateSecretDockerRegistry()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        async Task Same(string[] flags, DockerRegistrySecretOptions options) =>
            AssertSameAsKubectl(await kubectl.RunAsync(["create", "secret", "docker-registry", options.Name, .. flags, "--dry-run=client", "-o", "json"], null), SecretGenerator.DockerRegistry(options));

        await Same(["--docker-username=robot", "--docker-password=t0k<e>n&"], new DockerRegistrySecretOptions { Name = "hub", Username = "robot", Password = "t0k<e>n&" });
        await Same(["--docker-server=registry.example.com:5000", "--docker-username=jörg", "--docker-password=p:ss\"w\\rd", "--docker-email=jorg@example.com", "--append-hash", "-n", "team"],
            new DockerRegistrySecretOptions { Name = "regcred", Namespace = "team", Server = "registry.example.com:5000", Username = "jörg", Password = "p:ss\"w\\rd", Email = "jorg@example.com", AppendHash = true });
        await Same(["--from-file", In("docker.json")], new DockerRegistrySecretOptions { Name = "fromfile", FromFile = [In("docker.json")] });
        await Same(["--from-file", "config.json=" + In("docker.json"), "--append-hash"],
            new DockerRegistrySecretOptions { Name = "fromfile", FromFile = ["config.json=" + In("docker.json")], AppendHash = true });

        Assert.NotEqual(0, (await kubectl.RunAsync("create", "secret", "docker-registry", "r", "--docker-username=robot", "--dry-run=client", "-o", "json")).ExitCode);
        var error = Assert.Throws<KubeInputException>(() => SecretGenerator.DockerRegistry(new DockerRegistrySecretOptions { Name = "r", Username = "robot", ParameterNames = option => "-Docker" + option }));
        Assert.Equal("-DockerPassword", error.ParameterName);
    }

    [KubectlFact]
    public async Task ConfigMapsAndSecrets_FromKubectlAndFromUs_AreStoredAlike()
    {
        await using var kubectl = await KubectlRunner.StartAsync(simulateKubelet: false);
        var client = FakeClusterClient.For(kubectl.Cluster);
        var configMaps = BuiltInResources.Find("configmaps")!;
        var secrets = BuiltInResources.Find("secrets")!;

        (await kubectl.RunAsync("create", "configmap", "theirs", "--from-file", In("dir"), "--from-literal=extra=1")).Succeeded();
        await client.CreateAsync(configMaps, ConfigMapGenerator.Generate(new ConfigMapOptions { Name = "ours", Namespace = "default", FromFile = [In("dir")], FromLiteral = ["extra=1"] }), null, CancellationToken.None);
        var hashed = (await kubectl.RunAsync("create", "secret", "generic", "hashed", "--from-env-file", In("first.env"), "--append-hash")).Succeeded().Stdout.Trim();
        var ourHashed = SecretGenerator.Generic(new SecretOptions { Name = "hashed", Namespace = "default", FromEnvFile = [In("first.env")], AppendHash = true });
        Assert.Equal($"secret/{ourHashed.Name} created", hashed);
        ourHashed.Metadata!.Name = "ours-hashed";
        await client.CreateAsync(secrets, ourHashed, null, CancellationToken.None);
        (await kubectl.RunAsync("create", "secret", "docker-registry", "theirs-registry", "--docker-username=u", "--docker-password=p")).Succeeded();
        await client.CreateAsync(secrets, SecretGenerator.DockerRegistry(new DockerRegistrySecretOptions { Name = "ours-registry", Namespace = "default", Username = "u", Password = "p" }), null, CancellationToken.None);

        JsonNode? Stored(string kind, string name, string field) =>
            JsonNode.Parse((kubectl.RunAsync("get", kind, name, "-o", "json").GetAwaiter().GetResult()).Succeeded().Stdout)![field];
        foreach (var field in new[] { "data", "binaryData" })
        {
            AssertSame(Stored("configmap", "theirs", field)!, Stored("configmap", "ours", field)!);
        }

        AssertSame(Stored("secret", hashed.Split(' ')[0].Split('/')[1], "data")!, Stored("secret", "ours-hashed", "data")!);
        Assert.Equal("Opaque", (string)Stored("secret", "ours-hashed", "type")!);
        AssertSame(Stored("secret", "theirs-registry", "data")!, Stored("secret", "ours-registry", "data")!);
        var lines = (await kubectl.RunAsync("get", "configmaps,secrets")).Succeeded().Lines;
        Assert.Contains(lines, line => line.StartsWith("configmap/ours 4 ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("secret/ours-registry kubernetes.io/dockerconfigjson 1 ", StringComparison.Ordinal));
        var ours = await client.GetAsync<ConfigMap>(configMaps, "default", "ours", CancellationToken.None);
        Assert.Equal(4, ours.DataCount);
    }

    private string In(string relative) => System.IO.Path.Combine(_folder, relative);

    private void Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    private void Write(string relative, byte[] bytes)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(In(relative))!);
        File.WriteAllBytes(In(relative), bytes);
    }

    private (string Certificate, string Key) WritePair(string name, CertificateRequest request, string keyPem)
    {
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Write(name + ".crt", certificate.ExportCertificatePem());
        Write(name + ".key", keyPem);
        return (In(name + ".crt"), In(name + ".key"));
    }
}

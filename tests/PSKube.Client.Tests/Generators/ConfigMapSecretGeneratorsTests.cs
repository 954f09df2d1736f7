using System.Text;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Tests.Generators;

/// <summary>The config map and secret generators without kubectl: hashes kubectl printed, env lookups, decoding, messages.</summary>
public sealed class ConfigMapSecretGeneratorsTests
{
    // Each expected name is what kubectl 1.32 printed for the same content with --append-hash.
    [Fact]
    public void AppendHash_IsKubectlsHash()
    {
        Assert.Equal("k2kg9hdghb", NameHash.ConfigMap("cm", new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }, new Dictionary<string, byte[]>()));
        Assert.Equal("b7hfc5647f", NameHash.ConfigMap("cm", new Dictionary<string, string> { ["z"] = "<&>", ["a.txt"] = "hello" }, new Dictionary<string, byte[]> { ["bin"] = [0xFF, 0xFE] }));
        Assert.Equal("t7fft4mkmh", NameHash.Secret("s", "foo", new Dictionary<string, byte[]> { ["A"] = "1"u8.ToArray(), ["B"] = "2"u8.ToArray() }));
        Assert.Equal("6df58c972h", NameHash.Secret("r", SecretGenerator.DockerConfigJsonType, new Dictionary<string, byte[]> { [SecretGenerator.DockerConfigJsonKey] = "{\"auths\":{}}\n"u8.ToArray() }));
    }

    [Fact]
    public void DockerConfigJson_IsGoJsonWithAuth()
    {
        Assert.Equal(
            "{\"auths\":{\"https://index.docker.io/v1/\":{\"username\":\"u\\u003c\",\"password\":\"p\\u0026ä\",\"email\":\"e@x\",\"auth\":\"dTw6cCbDpA==\"}}}",
            SecretGenerator.DockerConfigJson(DockerRegistrySecretOptions.DockerHub, "u<", "p&ä", "e@x"));
        Assert.DoesNotContain("email", SecretGenerator.DockerConfigJson("r.example.com", "u", "p", null), StringComparison.Ordinal);
    }

    [Fact]
    public void EnvFileLineWithoutEquals_TakesTheEnvironmentsValue()
    {
        var folder = Directory.CreateTempSubdirectory("pskube-env-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.env"), "TOKEN\nUNSET\nPLAIN=x\n");
            var environment = new Dictionary<string, string> { ["TOKEN"] = "from-env" };
            var configMap = ConfigMapGenerator.Generate(new ConfigMapOptions
            {
                Name = "env",
                FromEnvFile = ["a.env"],
                ResolvePath = path => Path.Combine(folder, path),
                Environment = name => environment.GetValueOrDefault(name),
            });
            Assert.Equal(new Dictionary<string, string> { ["TOKEN"] = "from-env", ["UNSET"] = "", ["PLAIN"] = "x" }, configMap.Data);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SecretErrors_NeverHoldTheValue()
    {
        var noKey = Assert.Throws<KubeInputException>(() => SecretGenerator.Generic(new SecretOptions { Name = "s", FromLiteral = ["s3cret-value"] }));
        Assert.DoesNotContain("s3cret-value", noKey.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<KubeInputException>(() => SecretGenerator.Generic(new SecretOptions { Name = "s", FromLiteral = ["k=s3cret-value"], Literals = [new("k", "s3cret-value")] }));
        Assert.DoesNotContain("s3cret-value", twice.Message, StringComparison.Ordinal);
        Assert.Contains("'k'", twice.Message, StringComparison.Ordinal);
        var password = Assert.Throws<KubeInputException>(() => SecretGenerator.DockerRegistry(new DockerRegistrySecretOptions { Name = "r", Password = "s3cret-value" }));
        Assert.DoesNotContain("s3cret-value", password.Message, StringComparison.Ordinal);
        Assert.Equal("Username", password.ParameterName);
    }

    [Fact]
    public void DecodedSecret_DecodesTextAndSetsBytesApart()
    {
        var secret = new Secret
        {
            Metadata = new ObjectMeta { Name = "db", Namespace = "default" },
            Type = "Opaque",
            Data = new Dictionary<string, string>
            {
                ["password"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("pässword")),
                ["key.bin"] = Convert.ToBase64String([0xFF, 0xFE, 0x00]),
            },
        };
        var decoded = DecodedSecret.From(secret);
        Assert.Equal("pässword", decoded.Data["password"]);
        Assert.Equal(["key.bin"], decoded.NotText);
        Assert.False(decoded.Data.ContainsKey("key.bin"));
        Assert.Equal(2, decoded.DataCount);
        Assert.Equal("db", decoded.Name);
        Assert.True(DecodedSecret.TryText(secret, "password", out var text));
        Assert.Equal("pässword", text);
        Assert.False(DecodedSecret.TryText(secret, "missing", out _));
        Assert.False(DecodedSecret.TryText(secret, "key.bin", out _));
    }
}

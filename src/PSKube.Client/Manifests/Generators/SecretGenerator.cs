using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// Builds the Secrets <c>kubectl create secret generic / tls / docker-registry</c> build; bad input is a
/// <see cref="KubeInputException"/> whose message never holds a value.
/// </summary>
public static class SecretGenerator
{
    /// <summary>The type of a TLS secret.</summary>
    public const string TlsType = "kubernetes.io/tls";

    /// <summary>The type of a docker-registry secret.</summary>
    public const string DockerConfigJsonType = "kubernetes.io/dockerconfigjson";

    /// <summary>The key of a docker-registry secret's config.</summary>
    public const string DockerConfigJsonKey = ".dockerconfigjson";

    /// <summary>A generic secret (kubectl create secret generic).</summary>
    public static Secret Generic(SecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nameParameter = options.Parameter(nameof(SecretOptions.Name));
        GeneratorInput.ObjectName("secrets", options.Name, nameParameter);
        var @namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(SecretOptions.Namespace)));
        var sources = KeySources.Read(options, "Secret", filesAsBytes: true);
        var data = new Dictionary<string, byte[]>(sources.Binary, StringComparer.Ordinal);
        foreach (var (key, text) in sources.Text)
        {
            data[key] = Encoding.UTF8.GetBytes(text);
        }

        return Build(options.Name, nameParameter, @namespace, string.IsNullOrEmpty(options.Type) ? null : options.Type, data, options.AppendHash);
    }

    /// <summary>A TLS secret (kubectl create secret tls): the certificate and key files, refused unless the key is the certificate's.</summary>
    public static Secret Tls(TlsSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nameParameter = options.Parameter(nameof(TlsSecretOptions.Name));
        GeneratorInput.ObjectName("secrets", options.Name, nameParameter);
        var @namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(TlsSecretOptions.Namespace)));
        var certificateParameter = options.Parameter(nameof(TlsSecretOptions.Certificate));
        var keyParameter = options.Parameter(nameof(TlsSecretOptions.Key));
        var certificate = KeySources.ReadFile(Required(options.Certificate, certificateParameter, "the certificate's PEM file"), certificateParameter, options.ResolvePath);
        var key = KeySources.ReadFile(Required(options.Key, keyParameter, "the private key's PEM file"), keyParameter, options.ResolvePath);
        CheckKeyPair(certificate, key, certificateParameter, keyParameter);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["tls.crt"] = certificate, ["tls.key"] = key };
        return Build(options.Name, nameParameter, @namespace, TlsType, data, options.AppendHash);
    }

    /// <summary>
    /// A docker-registry secret (kubectl create secret docker-registry): a .dockerconfigjson with the registry's
    /// user name, password, e-mail and auth (base64 of user:password), or the docker config files given.
    /// </summary>
    public static Secret DockerRegistry(DockerRegistrySecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nameParameter = options.Parameter(nameof(DockerRegistrySecretOptions.Name));
        GeneratorInput.ObjectName("secrets", options.Name, nameParameter);
        var @namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(DockerRegistrySecretOptions.Namespace)));
        Dictionary<string, byte[]> data;
        if (options.FromFile is { Count: > 0 } files)
        {
            // As kubectl: a file given without a key is the .dockerconfigjson.
            var sources = files.Select(file => file is not null && !file.Contains('=', StringComparison.Ordinal) ? DockerConfigJsonKey + "=" + file : file!);
            data = new Dictionary<string, byte[]>(KeySources.ReadFiles(sources, options.Parameter(nameof(DockerRegistrySecretOptions.FromFile)), options.ResolvePath).Binary, StringComparer.Ordinal);
        }
        else
        {
            var username = options.Parameter(nameof(DockerRegistrySecretOptions.Username));
            var password = options.Parameter(nameof(DockerRegistrySecretOptions.Password));
            if (string.IsNullOrEmpty(options.Username) || string.IsNullOrEmpty(options.Password))
            {
                var missing = string.IsNullOrEmpty(options.Username) ? username : password;
                throw new KubeInputException(
                    $"A registry secret needs {username} and {password} (with {options.Parameter(nameof(DockerRegistrySecretOptions.Server))}, Docker Hub by default), or a docker config file in {options.Parameter(nameof(DockerRegistrySecretOptions.FromFile))}. Give {missing}.",
                    missing);
            }

            var server = string.IsNullOrEmpty(options.Server) ? DockerRegistrySecretOptions.DockerHub : options.Server;
            data = new Dictionary<string, byte[]>(StringComparer.Ordinal)
            {
                [DockerConfigJsonKey] = Encoding.UTF8.GetBytes(DockerConfigJson(server, options.Username, options.Password, options.Email)),
            };
        }

        return Build(options.Name, nameParameter, @namespace, DockerConfigJsonType, data, options.AppendHash);
    }

    /// <summary>The docker config kubectl writes for one registry, as Go's JSON (empty fields left out).</summary>
    public static string DockerConfigJson(string server, string username, string password, string? email)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(password);
        // Go writes a struct's fields in declaration order, not sorted.
        var entry = new StringBuilder("{");
        void Field(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                entry.Append(entry.Length > 1 ? "," : "").Append(GoJson.String(name)).Append(':').Append(GoJson.String(value));
            }
        }

        Field("username", username);
        Field("password", password);
        Field("email", email);
        Field("auth", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
        entry.Append('}');
        return "{\"auths\":" + GoJson.Object([KeyValuePair.Create(server, entry.ToString())]) + "}";
    }

    private static Secret Build(string name, string nameParameter, string? @namespace, string? type, Dictionary<string, byte[]> data, bool appendHash)
    {
        var fullName = appendHash ? name + "-" + NameHash.Secret(name, type ?? string.Empty, data) : name;
        return new Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new ObjectMeta
            {
                Name = GeneratorInput.ObjectName("secrets", fullName, nameParameter),
                Namespace = @namespace,
            },
            Data = data.Count == 0 ? null : data.ToDictionary(pair => pair.Key, pair => Convert.ToBase64String(pair.Value), StringComparer.Ordinal),
            Type = type,
        };
    }

    private static string Required(string? path, string parameter, string what) =>
        string.IsNullOrEmpty(path) ? throw new KubeInputException($"A TLS secret needs {what}. Give {parameter}.", parameter) : path;

    // kubectl loads the pair as Go's tls.X509KeyPair does: a certificate, a private key, and the key must be the
    // certificate's. The messages never quote the files.
    private static void CheckKeyPair(byte[] certificate, byte[] key, string certificateParameter, string keyParameter)
    {
        var certificateText = Encoding.UTF8.GetString(certificate);
        var keyText = Encoding.UTF8.GetString(key);
        if (!certificateText.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            throw new KubeInputException($"The file in {certificateParameter} holds no PEM certificate (-----BEGIN CERTIFICATE-----). Give the certificate (chain) file, e.g. tls.crt.", certificateParameter);
        }

        if (!keyText.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new KubeInputException($"The file in {keyParameter} holds no PEM private key (-----BEGIN ... PRIVATE KEY-----). Give the certificate's unencrypted key file, e.g. tls.key.", keyParameter);
        }

        try
        {
            using var pair = X509Certificate2.CreateFromPem(certificateText, keyText);
        }
        catch (CryptographicException e)
        {
            throw new KubeInputException($"The certificate in {certificateParameter} and the key in {keyParameter} are not a pair ({e.Message}). Give the private key of that certificate.", keyParameter, e);
        }
    }
}

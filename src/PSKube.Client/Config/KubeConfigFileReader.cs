using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PSKube.Client.Manifests;

namespace PSKube.Client.Config;

/// <summary>
/// Parses one kubeconfig file into the model (<see cref="KubeConfigFileCache"/> reads it) the way kubectl reads it:
/// keys the model does not know are ignored, a plain scalar in a string field is its text (<c>token: 0123</c> is
/// "0123"), lists the file leaves out or sets to null are empty, and relative paths become absolute against the
/// file's folder, as client-go does before merging.
/// </summary>
internal static partial class KubeConfigFileReader
{
    public static KubeConfigDocument Parse(string text, string path)
    {
        // One pass of the shared YAML reader: it holds the text to the size and alias limits and says where an
        // error is; the model is then read off its JSON, without a reflection-based deserializer to start up.
        var typedScalarTexts = new Dictionary<JsonNode, string>(ReferenceEqualityComparer.Instance);
        try
        {
            // Like kubectl, only the file's first document counts.
            var document = YamlJson.Read(text, typedScalarTexts).FirstOrDefault();
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            return document is null ? new KubeConfigDocument() : new ModelReader(document, typedScalarTexts, folder).Read();
        }
        catch (ManifestException e)
        {
            throw Invalid(path, e);
        }
    }

    public static KubeConfigException Invalid(string path, ManifestException e) =>
        new($"the kubeconfig file {path} is not valid: {e.Describe(path)}", e);

    // The words YAML 1.1 has for booleans, in any case, quoted or not: what the reader has always accepted.
    [GeneratedRegex("^(true|y|yes|on)$", RegexOptions.IgnoreCase)]
    private static partial Regex TrueWord();

    [GeneratedRegex("^(false|n|no|off)$", RegexOptions.IgnoreCase)]
    private static partial Regex FalseWord();

    /// <summary>
    /// Reads the model off one document's JSON field by field. Paths are field paths as the file reads
    /// (<c>users[0].user.exec</c>), so a value of the wrong kind is reported with its field, line and column; of
    /// several, the first in the file.
    /// </summary>
    private sealed class ModelReader(SourceValue document, Dictionary<JsonNode, string> typedScalarTexts, string folder)
    {
        private ManifestException? _firstMismatch;

        public KubeConfigDocument Read()
        {
            var model = Map(document.Node, "", Document) ?? new KubeConfigDocument();
            return _firstMismatch is null ? model : throw _firstMismatch;
        }

        private KubeConfigDocument Document(JsonObject o, string at) => new()
        {
            ApiVersion = String(o, at, "apiVersion"),
            Kind = String(o, at, "kind"),
            Clusters = Named(o, at, "clusters", (entry, p) => new KubeConfigNamedCluster { Name = String(entry, p, "name"), Cluster = Map(entry, p, "cluster", Cluster) }, c => c.Name),
            Users = Named(o, at, "users", (entry, p) => new KubeConfigNamedUser { Name = String(entry, p, "name"), User = Map(entry, p, "user", User) }, u => u.Name),
            Contexts = Named(o, at, "contexts", (entry, p) => new KubeConfigNamedContext { Name = String(entry, p, "name"), Context = Map(entry, p, "context", Context) }, c => c.Name),
            CurrentContext = String(o, at, "current-context"),
            Preferences = Map(o, at, "preferences", (p, pp) => new KubeConfigPreferences { Colors = Bool(p, pp, "colors"), Extensions = Extensions(p, pp) }),
            Extensions = Extensions(o, at),
        };

        private KubeConfigCluster Cluster(JsonObject o, string at) => new()
        {
            Server = String(o, at, "server"),
            CertificateAuthority = FilePath(String(o, at, "certificate-authority")),
            CertificateAuthorityData = String(o, at, "certificate-authority-data"),
            InsecureSkipTlsVerify = Bool(o, at, "insecure-skip-tls-verify"),
            TlsServerName = String(o, at, "tls-server-name"),
            ProxyUrl = String(o, at, "proxy-url"),
            DisableCompression = Bool(o, at, "disable-compression"),
            Extensions = Extensions(o, at),
        };

        private KubeConfigUser User(JsonObject o, string at) => new()
        {
            ClientCertificate = FilePath(String(o, at, "client-certificate")),
            ClientCertificateData = String(o, at, "client-certificate-data"),
            ClientKey = FilePath(String(o, at, "client-key")),
            ClientKeyData = String(o, at, "client-key-data"),
            Token = String(o, at, "token"),
            TokenFile = FilePath(String(o, at, "tokenFile")),
            Username = String(o, at, "username"),
            Password = String(o, at, "password"),
            Exec = Map(o, at, "exec", Exec),
            AuthProvider = Map(o, at, "auth-provider", (p, pp) => new KubeConfigAuthProvider
            {
                Name = String(p, pp, "name"),
                Config = Dictionary(p, pp, "config", (value, vp) => Text(value, vp) ?? "", StringComparer.Ordinal),
            }),
            Impersonate = String(o, at, "as"),
            ImpersonateUid = String(o, at, "as-uid"),
            ImpersonateGroups = Strings(o, at, "as-groups"),
            ImpersonateUserExtra = Dictionary<IList<string>>(o, at, "as-user-extra", (value, vp) => Strings(value, vp), StringComparer.Ordinal),
            Extensions = Extensions(o, at),
        };

        private KubeConfigContext Context(JsonObject o, string at) => new()
        {
            Cluster = String(o, at, "cluster"),
            User = String(o, at, "user"),
            Namespace = String(o, at, "namespace"),
            Extensions = Extensions(o, at),
        };

        private KubeConfigExec Exec(JsonObject o, string at)
        {
            var command = String(o, at, "command");
            return new()
            {
                ApiVersion = String(o, at, "apiVersion"),
                // A bare command name is looked up on PATH; only a command with a folder in it is relative to the file.
                Command = ContainsSeparator(command) ? FilePath(command) : command,
                Args = Strings(o, at, "args"),
                Env = List(o, at, "env", (item, p) => Map(item, p, (e, ep) => new KubeConfigExecEnvVar { Name = String(e, ep, "name"), Value = String(e, ep, "value") })),
                InstallHint = String(o, at, "installHint"),
                ProvideClusterInfo = Bool(o, at, "provideClusterInfo"),
                InteractiveMode = String(o, at, "interactiveMode"),
            };
        }

        // Free-form data other tools keep: detached from the document, typed as in manifests.
        private List<KubeConfigExtension> Extensions(JsonObject o, string at) =>
            List(o, at, "extensions", (item, p) => Map(item, p, (e, ep) => new KubeConfigExtension { Name = String(e, ep, "name"), Extension = Field(e, "extension")?.DeepClone() }));

        // Entries without a name cannot be referred to, so they are left out (after their fields were checked).
        private List<T> Named<T>(JsonObject o, string at, string key, Func<JsonObject, string, T> read, Func<T, string?> name)
            where T : class =>
            [.. List(o, at, key, (item, p) => Map(item, p, read)).Where(entry => name(entry) is not null)];

        // Null items of a string list read as empty strings, as kubectl reads them.
        private List<string> Strings(JsonObject o, string at, string key) => Strings(Field(o, key), FieldPath.Child(at, key));

        private List<string> Strings(JsonNode? node, string path) => List(node, path, (item, p) => Text(item, p) ?? "");

        private List<T> List<T>(JsonObject o, string at, string key, Func<JsonNode?, string, T?> read)
            where T : class => List(Field(o, key), FieldPath.Child(at, key), read);

        // Null items are left out: the model's lists hold no nulls.
        private List<T> List<T>(JsonNode? node, string path, Func<JsonNode?, string, T?> read)
            where T : class => node switch
            {
                null => [],
                JsonArray array => [.. array.Select((item, i) => read(item, FieldPath.Item(path, i))).OfType<T>()],
                _ => Mismatch<List<T>>(node, path, "a list", []),
            };

        private Dictionary<string, T> Dictionary<T>(JsonObject o, string at, string key, Func<JsonNode?, string, T> read, IEqualityComparer<string> comparer)
        {
            var path = FieldPath.Child(at, key);
            return Field(o, key) switch
            {
                null => new Dictionary<string, T>(comparer),
                JsonObject map => map.ToDictionary(pair => pair.Key, pair => read(pair.Value, FieldPath.Child(path, pair.Key)), comparer),
                var other => Mismatch(other, path, "a map", new Dictionary<string, T>(comparer)),
            };
        }

        private T? Map<T>(JsonObject o, string at, string key, Func<JsonObject, string, T> read)
            where T : class => Map(Field(o, key), FieldPath.Child(at, key), read);

        private T? Map<T>(JsonNode? node, string path, Func<JsonObject, string, T> read)
            where T : class => node switch
            {
                null => null,
                JsonObject obj => read(obj, path),
                _ => Mismatch<T?>(node, path, "a map", null),
            };

        private string? String(JsonObject o, string at, string key) => Text(Field(o, key), FieldPath.Child(at, key));

        // A number or boolean in a string field is the scalar as written, as kubectl's reader takes it.
        private string? Text(JsonNode? node, string path) => node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.String => value.GetValue<string>(),
            JsonValue value => typedScalarTexts.TryGetValue(value, out var text) ? text : value.ToJsonString(),
            _ => Mismatch<string?>(node, path, "a string", null),
        };

        private bool Bool(JsonObject o, string at, string key)
        {
            var node = Field(o, key);
            return node switch
            {
                null => false,
                JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
                JsonValue value when value.GetValueKind() is JsonValueKind.String && value.GetValue<string>() is var word && (TrueWord().IsMatch(word) || FalseWord().IsMatch(word)) => TrueWord().IsMatch(word),
                _ => Mismatch(node, FieldPath.Child(at, key), "true or false", false),
            };
        }

        private static JsonNode? Field(JsonObject o, string key) => o.TryGetPropertyValue(key, out var value) ? value : null;

        // Noted, and reading goes on with the fallback so that the one reported is the first in the file.
        private T Mismatch<T>(JsonNode? value, string path, string expected, T fallback)
        {
            var (line, column) = document.Positions.Value.Find(path);
            if (_firstMismatch is null || (line, column).CompareTo((_firstMismatch.Line, _firstMismatch.Column)) < 0)
            {
                _firstMismatch = new ManifestException($"{(path.Length == 0 ? "the file" : path)}: expected {expected}, got {FieldPath.Describe(value)}", line, column);
            }
            return fallback;
        }

        private string? FilePath(string? path) =>
            string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));

        private static bool ContainsSeparator(string? command) =>
            command is not null && (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || command.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal));
    }
}

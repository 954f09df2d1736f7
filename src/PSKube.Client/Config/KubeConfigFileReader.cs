using System.Text.RegularExpressions;
using PSKube.Client.Manifests;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>
/// Parses one kubeconfig file into the model (<see cref="KubeConfigFileCache"/> reads it), fills lists the file
/// leaves out or sets to null, and makes its relative paths absolute against the file's folder, as client-go does
/// before merging.
/// </summary>
internal static partial class KubeConfigFileReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .IgnoreUnmatchedProperties()
        .WithTypeConverter(new JsonNodeYamlConverter())
        .Build();

    public static KubeConfigDocument Parse(string text, string path)
    {
        // The shared YAML reader first: it holds the text to the size and alias limits (the deserializer below
        // would expand an alias bomb) and says where a syntax error is.
        SourceValue? json;
        try
        {
            json = YamlJson.Read(text).FirstOrDefault();
        }
        catch (ManifestException e)
        {
            throw Invalid(path, e);
        }
        KubeConfigDocument? document;
        try
        {
            document = Deserializer.Deserialize<KubeConfigDocument?>(text);
        }
        catch (YamlException e)
        {
            throw Invalid(path, Mismatch(json, e));
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Normalize(document ?? new KubeConfigDocument(), folder);
    }

    public static KubeConfigException Invalid(string path, ManifestException e) =>
        new($"the kubeconfig file {path} is not valid: {e.Describe(path)}", e);

    // The deserializer names .NET types; the user needs the field and what it holds.
    private static ManifestException Mismatch(SourceValue? json, YamlException e)
    {
        var (line, column) = ((int)e.Start.Line, (int)e.Start.Column);
        if (json is null)
        {
            return new ManifestException("the file does not hold a kubeconfig", line, column);
        }
        var path = json.Positions.Value.PathAt(line, column);
        var value = FieldPath.Find(json.Node, path);
        var typeName = TargetType().Match($"{e.InnerException?.Message} {e.Message}") is { Success: true } target ? target.Groups["type"].Value : "";
        return new ManifestException($"{(path.Length == 0 ? "the file" : path)}: expected {FieldPath.Expected(typeName)}, got {FieldPath.Describe(value)}", line, column);
    }

    // YAML allows `users:` or `args: null`; the model promises lists, so absent and null both become empty.
    private static KubeConfigDocument Normalize(KubeConfigDocument document, string folder) => document with
    {
        Clusters = [.. (document.Clusters ?? []).Where(c => c?.Name is not null).Select(c => c with { Cluster = Normalize(c.Cluster, folder) })],
        Users = [.. (document.Users ?? []).Where(u => u?.Name is not null).Select(u => u with { User = Normalize(u.User, folder) })],
        Contexts = [.. (document.Contexts ?? []).Where(c => c?.Name is not null).Select(c => c with { Context = c.Context is null ? null : c.Context with { Extensions = c.Context.Extensions ?? [] } })],
        Preferences = document.Preferences is null ? null : document.Preferences with { Extensions = document.Preferences.Extensions ?? [] },
        Extensions = document.Extensions ?? [],
    };

    private static KubeConfigCluster? Normalize(KubeConfigCluster? cluster, string folder) => cluster is null ? null : cluster with
    {
        CertificateAuthority = ResolvePath(cluster.CertificateAuthority, folder),
        Extensions = cluster.Extensions ?? [],
    };

    private static KubeConfigUser? Normalize(KubeConfigUser? user, string folder) => user is null ? null : user with
    {
        ClientCertificate = ResolvePath(user.ClientCertificate, folder),
        ClientKey = ResolvePath(user.ClientKey, folder),
        TokenFile = ResolvePath(user.TokenFile, folder),
        Exec = user.Exec is null ? null : user.Exec with
        {
            // A bare command name is looked up on PATH; only a command with a folder in it is relative to the file.
            Command = ContainsSeparator(user.Exec.Command) ? ResolvePath(user.Exec.Command, folder) : user.Exec.Command,
            Args = user.Exec.Args ?? [],
            Env = [.. (user.Exec.Env ?? []).Where(e => e is not null)],
        },
        AuthProvider = user.AuthProvider is null ? null : user.AuthProvider with { Config = user.AuthProvider.Config ?? new Dictionary<string, string>() },
        ImpersonateGroups = user.ImpersonateGroups ?? [],
        ImpersonateUserExtra = (user.ImpersonateUserExtra ?? new Dictionary<string, IList<string>>())
            .ToDictionary(e => e.Key, e => e.Value ?? [], StringComparer.Ordinal),
        Extensions = user.Extensions ?? [],
    };

    private static bool ContainsSeparator(string? command) =>
        command is not null && (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || command.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal));

    private static string? ResolvePath(string? path, string folder) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));

    // The model type in YamlDotNet's messages: "Invalid cast from 'System.String' to 'T'", "into type T, Assembly".
    [GeneratedRegex(@"(?:to '|into type |instance of type ')(?<type>[^',]+)")]
    private static partial Regex TargetType();
}

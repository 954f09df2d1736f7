using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PSKube.Client.Config;

/// <summary>
/// Reads one kubeconfig file into the model, fills lists the file leaves out or sets to null, and makes its
/// relative paths absolute against the file's folder, as client-go does before merging.
/// </summary>
internal static class KubeConfigFileReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .IgnoreUnmatchedProperties()
        .WithTypeConverter(new JsonNodeYamlConverter())
        .Build();

    public static KubeConfigDocument Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"cannot read the kubeconfig file {path}: {e.Message}", e);
        }
        return Parse(text, path);
    }

    public static KubeConfigDocument Parse(string text, string path)
    {
        KubeConfigDocument? document;
        try
        {
            document = Deserializer.Deserialize<KubeConfigDocument?>(text);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new KubeConfigException($"the kubeconfig file {path} is not valid (line {e.Start.Line}, column {e.Start.Column}): {reason}", e);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Normalize(document ?? new KubeConfigDocument(), folder);
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
        Extensions = user.Extensions ?? [],
    };

    private static bool ContainsSeparator(string? command) =>
        command is not null && (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || command.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal));

    private static string? ResolvePath(string? path, string folder) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(folder, path));
}

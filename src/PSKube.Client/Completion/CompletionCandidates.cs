using PSKube.Client.Models;
using PSKube.Client.Resources;

namespace PSKube.Client.Completion;

/// <summary>What tab completion offers: names starting with what is typed, quoted for PowerShell where needed.</summary>
public static class CompletionCandidates
{
    /// <summary>The names that start with <paramref name="typed"/> (case-insensitive, quotes the user opened ignored), sorted.</summary>
    public static IReadOnlyList<string> Matching(IEnumerable<string> names, string? typed)
    {
        var prefix = (typed ?? string.Empty).Trim('\'', '"');
        return names.Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The text to insert: as is when PowerShell reads it as one bare word, else single-quoted.</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bare = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '/' or ':' or '=' or '!') && name[0] != '-';
        return bare ? name : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// The kind whose names a command's -Name takes: -Kind when given, else the noun after "Kube" (Get-KubePod: Pod);
    /// Receive-KubeLog takes pods and Set-KubeReplicas deployments. Null when the command names no kind.
    /// </summary>
    public static string? KindOfCommand(string commandName, string? kind)
    {
        ArgumentNullException.ThrowIfNull(commandName);
        if (!string.IsNullOrEmpty(kind))
        {
            return kind;
        }
        var noun = commandName[(commandName.IndexOf('-', StringComparison.Ordinal) + 1)..];
        noun = noun.StartsWith("Kube", StringComparison.Ordinal) ? noun[4..] : noun;
        return noun switch
        {
            "Log" => "Pod",
            "Command" => "Pod",
            "Replicas" => "Deployment",
            "PortForward" => "Pod",
            "File" => "Pod",
            "Token" => "ServiceAccount",
            _ => BuiltInResources.Find(noun)?.Kind,
        };
    }

    /// <summary>
    /// What -Kind offers: the plurals and short names of the built-in types and of <paramref name="discovered"/> ones
    /// (empty when the cluster did not answer), and the categories (<c>all</c> always).
    /// </summary>
    public static IReadOnlyList<string> Kinds(IEnumerable<ResourceDefinition> discovered)
    {
        ArgumentNullException.ThrowIfNull(discovered);
        var resources = BuiltInResources.All.Concat(discovered).ToList();
        return resources.SelectMany(r => r.ShortNames.Prepend(r.Plural))
            .Concat(resources.SelectMany(r => r.Categories).Prepend("all"))
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The names of the objects of one resource type in a namespace (every namespace when null).</summary>
    public static async Task<IReadOnlyList<string>> ObjectNamesAsync(KubeClient client, ResourceDefinition resource, string? @namespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var names = new List<string>();
        await foreach (var item in client.ListAsync<GenericKubeObject>(resource, resource.Namespaced ? @namespace : null, null, cancellationToken))
        {
            if (item.Name is { } name)
            {
                names.Add(name);
            }
        }
        return names;
    }
}

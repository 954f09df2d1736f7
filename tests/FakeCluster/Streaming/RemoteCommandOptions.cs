using Microsoft.AspNetCore.Http;

namespace PSKube.FakeCluster.Streaming;

/// <summary>The query of an exec or attach request (PodExecOptions / PodAttachOptions).</summary>
public sealed record RemoteCommandOptions(IReadOnlyList<string> Command, string? Container, bool Stdin, bool Stdout, bool Stderr, bool Tty)
{
    public static RemoteCommandOptions From(HttpRequest request)
    {
        var query = request.Query;
        var container = query["container"].ToString();
        return new RemoteCommandOptions(
            query["command"].Where(c => c is not null).Select(c => c!).ToList(),
            container.Length == 0 ? null : container,
            Flag(query, "stdin"),
            Flag(query, "stdout"),
            Flag(query, "stderr"),
            Flag(query, "tty"));
    }

    /// <summary>At least one of stdin, stdout and stderr, as the kubelet requires.</summary>
    public bool HasStream => Stdin || Stdout || Stderr;

    // The API server decodes query booleans with Go's strconv.ParseBool.
    private static bool Flag(IQueryCollection query, string name) =>
        query[name].ToString() is "1" or "t" or "T" or "true" or "TRUE" or "True";
}

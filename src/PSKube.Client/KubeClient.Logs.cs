using System.Runtime.CompilerServices;
using PSKube.Client.Logs;
using PSKube.Client.Resources;
using PSKube.Client.Transport;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    // What kubectl sends for logs: the body is text/plain, a refusal a JSON Status.
    private const string LogAccept = "application/json, */*";

    private static readonly ResourceDefinition PodResource = BuiltInResources.Find("pods")!;

    /// <summary>
    /// One container's log, line by line as the server sends it (nothing is held beyond the line being read). With
    /// <see cref="PodLogOptions.Follow"/> the lines keep coming until the container ends, the pod goes or the token
    /// is cancelled. Bad options are an <see cref="ArgumentException"/> at once; what the server refuses ("container
    /// ... is waiting to start") is a <see cref="Transport.KubeApiException"/> at the first read.
    /// </summary>
    public IAsyncEnumerable<string> ReadLogAsync(string @namespace, string pod, PodLogOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(pod);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return ReadLogLinesAsync(@namespace, pod, options, null, cancellationToken);
    }

    /// <summary>The log's path on the server, without the query: what health reports name.</summary>
    internal string LogPath(string @namespace, string pod) => ObjectPath(PodResource, @namespace, pod, "log");

    /// <summary><see cref="ReadLogAsync"/> unchecked, calling <paramref name="connected"/> once the server has answered.</summary>
    internal async IAsyncEnumerable<string> ReadLogLinesAsync(string @namespace, string pod, PodLogOptions options, Action? connected, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = WithQuery(LogPath(@namespace, pod), options.Query());
        using var response = await _connection.SendAsync(Request(HttpMethod.Get, path, LogAccept), streaming: true, cancellationToken);
        connected?.Invoke();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return line;
        }
    }
}

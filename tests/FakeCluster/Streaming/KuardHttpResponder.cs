using System.Globalization;
using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// A minimal HTTP/1.1 server on a forwarded byte stream, answering like kuard's Go server: GET / serves the KUARD
/// page, /healthy and /ready answer "ok", anything else is Go's 404. Keeps the connection alive unless the request
/// asks to close it (or is HTTP/1.0); a request it cannot parse gets 400 and the connection closes.
/// </summary>
public sealed class KuardHttpResponder(FakeClock clock, string hostname)
{
    private const int MaxHeaderBytes = 64 * 1024;

    /// <summary>Serves requests read from <paramref name="read"/> until the client stops sending or the connection closes.</summary>
    public async Task ServeAsync(Func<CancellationToken, ValueTask<byte[]?>> read, Func<byte[], Task> write, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        while (true)
        {
            var headerEnd = IndexOfHeaderEnd(buffer);
            while (headerEnd < 0)
            {
                if (buffer.Count > MaxHeaderBytes || await read(cancellationToken) is not { } chunk)
                {
                    return;
                }
                buffer.AddRange(chunk);
                headerEnd = IndexOfHeaderEnd(buffer);
            }
            var head = Encoding.ASCII.GetString([.. buffer.GetRange(0, headerEnd)]);
            buffer.RemoveRange(0, headerEnd + 4);
            if (Request.Parse(head) is not { } request)
            {
                await write(Response(400, "Bad Request", "text/plain; charset=utf-8", "400 Bad Request", close: true, headOnly: false));
                return;
            }
            // The body, if any, is read and ignored: every route answers the same whatever was posted.
            while (buffer.Count < request.ContentLength)
            {
                if (await read(cancellationToken) is not { } chunk)
                {
                    return;
                }
                buffer.AddRange(chunk);
            }
            buffer.RemoveRange(0, request.ContentLength);
            var (code, reason, type, body) = Route(request.Path);
            await write(Response(code, reason, type, body, request.Close, request.Method == "HEAD"));
            if (request.Close)
            {
                return;
            }
        }
    }

    private (int Code, string Reason, string ContentType, string Body) Route(string path) => path.Split('?')[0] switch
    {
        "/" => (200, "OK", "text/html", Page()),
        "/healthy" or "/ready" => (200, "OK", "text/plain; charset=utf-8", "ok"),
        _ => (404, "Not Found", "text/plain; charset=utf-8", "404 page not found\n"),
    };

    private string Page() =>
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>KUAR Demo</title>\n</head>\n<body>\n" +
        $"  <h1>KUARD: Kubernetes Up And Running Demo</h1>\n  <p>Served from {hostname} (version v0.10.0-blue)</p>\n</body>\n</html>\n";

    private byte[] Response(int code, string reason, string contentType, string body, bool close, bool headOnly)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {code} {reason}\r\n");
        if (close)
        {
            head.Append("Connection: close\r\n");
        }
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {content.Length}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {clock.Now.UtcDateTime:ddd, dd MMM yyyy HH:mm:ss} GMT\r\n");
        if (code == 404)
        {
            head.Append("X-Content-Type-Options: nosniff\r\n");
        }
        head.Append("\r\n");
        var bytes = Encoding.ASCII.GetBytes(head.ToString());
        return headOnly ? bytes : [.. bytes, .. content];
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    private sealed record Request(string Method, string Path, int ContentLength, bool Close)
    {
        public static Request? Parse(string head)
        {
            var lines = head.Split("\r\n");
            var parts = lines[0].Split(' ');
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || !parts[1].StartsWith('/'))
            {
                return null;
            }
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    return null;
                }
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
            var length = 0;
            if (headers.TryGetValue("Content-Length", out var lengthText) &&
                (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > MaxHeaderBytes))
            {
                return null;
            }
            var connection = headers.GetValueOrDefault("Connection", "");
            var close = parts[2] == "HTTP/1.0"
                ? !connection.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
                : connection.Equals("close", StringComparison.OrdinalIgnoreCase);
            return new Request(parts[0], parts[1], length, close);
        }
    }
}

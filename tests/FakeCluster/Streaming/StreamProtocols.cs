namespace PSKube.FakeCluster.Streaming;

/// <summary>The WebSocket subprotocols and channel numbers of the Kubernetes streaming endpoints.</summary>
public static class StreamProtocols
{
    /// <summary>Remote command v5: v4 plus the stream-close signal. The API server translates it to SPDY for the kubelet.</summary>
    public const string V5 = "v5.channel.k8s.io";

    /// <summary>Remote command and port-forward v4: the API server proxies it to the kubelet unchanged.</summary>
    public const string V4 = "v4.channel.k8s.io";

    /// <summary>The port-forward protocol name; accepted over WebSocket as a binary channel protocol like v4.</summary>
    public const string PortForward = "portforward.k8s.io";

    public const byte Stdin = 0;
    public const byte Stdout = 1;
    public const byte Stderr = 2;
    public const byte Error = 3;
    public const byte Resize = 4;

    /// <summary>v5 only: a frame [255, channel] half-closes that channel (stdin EOF).</summary>
    public const byte StreamClose = 255;

    /// <summary>The subprotocol the server picks for exec and attach, preferring v5; null when the client offers neither.</summary>
    public static string? ChooseRemoteCommand(IEnumerable<string> offered)
    {
        var list = offered.ToList();
        return list.Contains(V5) ? V5 : list.Contains(V4) ? V4 : null;
    }

    /// <summary>
    /// The subprotocol for port-forward: v4, or the plain port-forward name, or none at all (empty) when the client
    /// offers none, as the kubelet allows; null when it offers only ones this server does not speak.
    /// </summary>
    public static string? ChoosePortForward(IEnumerable<string> offered)
    {
        var list = offered.ToList();
        if (list.Count == 0)
        {
            return "";
        }
        return list.Contains(V4) ? V4 : list.Contains(PortForward) ? PortForward : null;
    }
}

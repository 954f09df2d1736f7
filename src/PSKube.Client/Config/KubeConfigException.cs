namespace PSKube.Client.Config;

/// <summary>
/// A kubeconfig cannot be read or does not describe a usable context. The message names the file(s), the context
/// and the missing piece, and says what to do; it never contains a secret.
/// </summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException()
    {
    }

    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

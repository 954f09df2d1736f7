namespace PSKube.Client.Auth;

/// <summary>Credentials could not be obtained (an exec plugin failed, a token file is unreadable). Never carries a secret.</summary>
public sealed class KubeAuthException : Exception
{
    public KubeAuthException()
    {
    }

    public KubeAuthException(string message)
        : base(message)
    {
    }

    public KubeAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace PSKube.Client.Validation;

/// <summary>A name that no object of the kind can have (checked with the API server's rule before any request).</summary>
public sealed class InvalidObjectNameException : ArgumentException
{
    public InvalidObjectNameException(string name, string message)
        : base(message)
    {
        Name = name;
    }

    public InvalidObjectNameException()
    {
        Name = "";
    }

    public InvalidObjectNameException(string message)
        : base(message)
    {
        Name = "";
    }

    public InvalidObjectNameException(string message, Exception innerException)
        : base(message, innerException)
    {
        Name = "";
    }

    /// <summary>The name as typed.</summary>
    public string Name { get; }
}

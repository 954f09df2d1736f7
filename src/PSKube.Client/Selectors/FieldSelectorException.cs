namespace PSKube.Client.Selectors;

/// <summary>
/// A field selector that Kubernetes would reject, with the API server's message, e.g.
/// <c>invalid selector: 'a'; can't understand 'a'</c>.
/// </summary>
public sealed class FieldSelectorException : FormatException
{
    /// <summary>Creates the exception with the API server's message.</summary>
    public FieldSelectorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the API server's message and the underlying cause.</summary>
    public FieldSelectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public FieldSelectorException()
        : base("The field selector is not valid.")
    {
    }
}

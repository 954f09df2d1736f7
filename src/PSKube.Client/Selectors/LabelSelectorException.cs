namespace PSKube.Client.Selectors;

/// <summary>
/// A label selector that Kubernetes would reject. The message is worded exactly as the API
/// server's, e.g. <c>unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt</c>.
/// </summary>
public sealed class LabelSelectorException : FormatException
{
    /// <summary>Creates the exception with the API server's message.</summary>
    public LabelSelectorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the API server's message and the underlying cause.</summary>
    public LabelSelectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public LabelSelectorException()
        : base("The label selector is not valid.")
    {
    }
}

namespace PSKube.Client.Validation;

/// <summary>
/// Input that Kubernetes would reject, found before any request is sent. The message says what is wrong and how
/// to fix it; <see cref="ParameterName"/> names the option at fault so a cmdlet can point at its parameter.
/// </summary>
public sealed class KubeInputException : Exception
{
    /// <summary>Creates the exception for the option or parameter <paramref name="parameterName"/>.</summary>
    public KubeInputException(string message, string? parameterName)
        : base(message)
    {
        ParameterName = parameterName;
    }

    /// <summary>Creates the exception for <paramref name="parameterName"/> from a more specific error.</summary>
    public KubeInputException(string message, string? parameterName, Exception innerException)
        : base(message, innerException)
    {
        ParameterName = parameterName;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public KubeInputException()
        : this("The input is not valid.", (string?)null)
    {
    }

    /// <summary>Creates the exception with a message and no parameter.</summary>
    public KubeInputException(string message)
        : this(message, (string?)null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KubeInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The option (and matching cmdlet parameter) at fault, e.g. <c>Image</c>; null when no single one is.</summary>
    public string? ParameterName { get; }
}

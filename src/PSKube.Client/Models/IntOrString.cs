using System.Globalization;
using System.Text.Json.Serialization;

namespace PSKube.Client.Models;

/// <summary>
/// A value that is either a 32-bit integer or a string on the wire, such as a port (8080 or "http")
/// or a rollout limit (1 or "25%"). The default value is the integer 0, as in Kubernetes.
/// </summary>
[JsonConverter(typeof(IntOrStringJsonConverter))]
public readonly record struct IntOrString
{
    public IntOrString(int value) => IntValue = value;

    public IntOrString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringValue = value;
    }

    /// <summary>The integer form; 0 when <see cref="IsString"/> is true.</summary>
    public int IntValue { get; }

    /// <summary>The string form; null when the value is an integer.</summary>
    public string? StringValue { get; }

    public bool IsString => StringValue is not null;

    public static implicit operator IntOrString(int value) => new(value);

    public static implicit operator IntOrString(string value) => new(value);

    public static IntOrString FromInt32(int value) => new(value);

    public static IntOrString FromString(string value) => new(value);

    public override string ToString() => StringValue ?? IntValue.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace PSKube.FakeCluster.Streaming;

/// <summary>
/// The metav1.Status messages written on the error channel, byte for byte as Go's encoding/json writes them there:
/// no kind or apiVersion, an empty metadata object, fields in struct order, and Go's escaping of strings.
/// </summary>
public static class StreamStatus
{
    public static byte[] Success() => Encode("""{"metadata":{},"status":"Success"}""");

    /// <summary>The command ran and exited non-zero; <paramref name="message"/> is the whole message after "command terminated...".</summary>
    public static byte[] NonZeroExit(int exitCode, string message) =>
        Encode("""{"metadata":{},"status":"Failure","message":""" + Quote(message) +
               ""","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":""" +
               Quote(exitCode.ToString(CultureInfo.InvariantCulture)) + "}]}}");

    /// <summary>apierrors.NewInternalError(error): code 500, the error as the only cause.</summary>
    public static byte[] InternalError(string error) =>
        Encode("""{"metadata":{},"status":"Failure","message":""" + Quote("Internal error occurred: " + error) +
               ""","reason":"InternalError","details":{"causes":[{"message":""" + Quote(error) + "}]},\"code\":500}");

    /// <summary>A JSON string literal escaped as Go's encoding/json escapes it (HTML characters included).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }

    private static byte[] Encode(string json) => Encoding.UTF8.GetBytes(json);
}

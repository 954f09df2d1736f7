using System.Text;
using PSKube.Client.Config;

namespace PSKube.Client.Auth;

/// <summary>
/// Who a kubeconfig user acts as (its <c>as</c>, <c>as-uid</c>, <c>as-groups</c> and <c>as-user-extra</c>), sent
/// on every request with the headers kubectl 1.32 sends: Impersonate-User, Impersonate-Uid, one Impersonate-Group
/// per group and one Impersonate-Extra-KEY per value, KEY percent-encoded where a header name cannot hold it.
/// The API server then runs the request as that user if the authenticated one may impersonate it.
/// </summary>
public sealed class Impersonation
{
    public const string UserHeader = "Impersonate-User";
    public const string UidHeader = "Impersonate-Uid";
    public const string GroupHeader = "Impersonate-Group";
    public const string ExtraHeaderPrefix = "Impersonate-Extra-";

    private Impersonation(string userName, string? uid, IReadOnlyList<string> groups, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> extra)
    {
        UserName = userName;
        Uid = uid;
        Groups = groups;
        Extra = extra;
        CacheKey = "as:" + string.Join('\n', Headers().Select(h => $"{h.Name}={h.Value}"));
    }

    public string UserName { get; }

    public string? Uid { get; }

    public IReadOnlyList<string> Groups { get; }

    /// <summary>The extra entries in the order the kubeconfig lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Extra { get; }

    /// <summary>Equal for equal impersonations, so connections are pooled per cluster, user and impersonation.</summary>
    public string CacheKey { get; }

    /// <summary>
    /// Whether one header carries several values (two groups, an extra key with two values): each must travel as a
    /// header line of its own, which only HTTP/1.1 lets this client do (see <see cref="Transport.RepeatedHeaderStream"/>).
    /// </summary>
    public bool RepeatsAHeader => Headers().GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Skip(1).Any());

    /// <summary>
    /// The impersonation a kubeconfig user asks for, or null when it sets no <c>as</c>. A uid, groups or extra
    /// without <c>as</c> are refused in kubectl's words (client-go's validation), as is a value no header can carry.
    /// </summary>
    public static Impersonation? FromUser(KubeConfigEntry<KubeConfigUser> entry)
    {
        var user = entry.Value;
        var hasUser = !string.IsNullOrEmpty(user.Impersonate);
        if (!hasUser && (!string.IsNullOrEmpty(user.ImpersonateUid) || user.ImpersonateGroups.Count > 0 || user.ImpersonateUserExtra.Count > 0))
        {
            throw new KubeConfigException(
                $"requesting uid, groups or user-extra for {entry.Name} without impersonating a user: set as in user \"{entry.Name}\" of {entry.File}, or remove as-uid, as-groups and as-user-extra");
        }
        if (!hasUser)
        {
            return null;
        }
        var impersonation = new Impersonation(
            user.Impersonate!,
            string.IsNullOrEmpty(user.ImpersonateUid) ? null : user.ImpersonateUid,
            [.. user.ImpersonateGroups],
            [.. user.ImpersonateUserExtra.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Key, [.. e.Value]))]);
        if (impersonation.Headers().FirstOrDefault(h => h.Value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0) is { Name: not null } bad)
        {
            throw new KubeConfigException($"user \"{entry.Name}\" in {entry.File} asks to send {bad.Name} with a line break or NUL in its value, which no HTTP header can carry; fix the as-* fields");
        }
        return impersonation;
    }

    /// <summary>The headers in the order kubectl adds them: user, uid, groups, then each extra value.</summary>
    public IEnumerable<(string Name, string Value)> Headers()
    {
        yield return (UserHeader, UserName);
        if (Uid is not null)
        {
            yield return (UidHeader, Uid);
        }
        foreach (var group in Groups)
        {
            yield return (GroupHeader, group);
        }
        foreach (var (key, values) in Extra)
        {
            var name = ExtraHeaderPrefix + EscapeExtraKey(key);
            foreach (var value in values)
            {
                yield return (name, value);
            }
        }
    }

    /// <summary>Adds the headers to a request (kept as they are when the caller already set Impersonate-User, as client-go does).</summary>
    public void Apply(HttpRequestMessage request)
    {
        if (request.Headers.Contains(UserHeader))
        {
            return;
        }
        // Each value on its own header line, as Go sends them (the API server does not split "a, b").
        var occurrences = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Headers())
        {
            var occurrence = occurrences.GetValueOrDefault(name);
            occurrences[name] = occurrence + 1;
            request.Headers.TryAddWithoutValidation(Transport.RepeatedHeaderStream.NameFor(name, occurrence), value);
        }
    }

    /// <summary>
    /// An extra key as a header name holds it, as client-go writes it: each UTF-8 byte that is not an RFC 7230
    /// token character, and '%' itself, becomes %XX (upper-case hex); the API server lower-cases and decodes it.
    /// </summary>
    public static string EscapeExtraKey(string key)
    {
        var escaped = new StringBuilder(key.Length);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            if (b != '%' && IsTokenByte(b))
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return escaped.ToString();
    }

    private static bool IsTokenByte(byte b) =>
        b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')
            or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'&' or (byte)'\'' or (byte)'*' or (byte)'+' or (byte)'-'
            or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';

    public override string ToString() => $"impersonating {UserName}";
}

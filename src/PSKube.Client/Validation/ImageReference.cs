using System.Text.RegularExpressions;

namespace PSKube.Client.Validation;

/// <summary>
/// The container image reference grammar kubectl run checks (the Docker/OCI distribution grammar):
/// <c>[host[:port]/]path[:tag][@digest]</c>, where the host may have upper case letters but the path may not.
/// </summary>
public static partial class ImageReference
{
    // The pieces, as the grammar names them.
    private const string Alphanumeric = "[a-z0-9]+";
    private const string Separator = "(?:[_.]|__|-+)";
    private const string PathComponent = Alphanumeric + "(?:" + Separator + Alphanumeric + ")*";
    private const string HostComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Host = "(?:" + HostComponent + @"(?:\." + HostComponent + @")*|\[[a-fA-F0-9:]+\])";
    private const string Domain = Host + "(?::[0-9]+)?";
    private const string Name = "(?:" + Domain + "/)?" + PathComponent + "(?:/" + PathComponent + ")*";
    private const string Tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string Digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    // \z, not $: $ would also match before a final newline.
    private const string Reference = "^" + Name + "(?::" + Tag + ")?(?:@" + Digest + @")?\z";

    /// <summary>The error kubectl gives for a reference that breaks the grammar.</summary>
    public const string InvalidFormat = "invalid reference format";

    /// <summary>Whether <paramref name="image"/> is a well-formed image reference (e.g. <c>nginx</c>, <c>registry:5000/team/app:1.0</c>).</summary>
    public static bool IsValid(string? image) => image is not null && Pattern().IsMatch(image);

    [GeneratedRegex(Reference, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}

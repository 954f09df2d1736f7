using System.Globalization;
using PSKube.Client.Models;
using PSKube.Client.Printing;

namespace PSKube.Client.Describing;

/// <summary>Values written as kubectl describe writes them: times, ages, probes, tolerations, taints.</summary>
internal static class DescribeText
{
    public const string None = "<none>";

    public const string Unset = "<unset>";

    /// <summary>kubectl's own record of the last apply, which describe leaves out of the annotations.</summary>
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>A time as RFC 1123 with a numeric zone (<c>Sun, 06 Dec 2026 13:09:42 +0000</c>), in this machine's zone as kubectl shows it.</summary>
    public static string Time(DateTimeOffset? time)
    {
        // Go prints the zero time for a missing one.
        var local = time?.ToLocalTime() ?? new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)
            + string.Create(CultureInfo.InvariantCulture, $" {sign}{offset.Hours:00}{offset.Minutes:00}");
    }

    /// <summary>How long ago, as kubectl's AGE; <c>&lt;unknown&gt;</c> without a time.</summary>
    public static string Age(DateTimeOffset? time, DateTimeOffset now) =>
        time is { } at && at != default ? HumanDuration.Format(now - at) : HumanDuration.Unknown;

    public static string Bool(bool? value) => value == true ? "True" : "False";

    public static string Number(long? value) => (value ?? 0).ToString(CultureInfo.InvariantCulture);

    /// <summary>A probe: its action, then its timings (<c>http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3</c>).</summary>
    public static string Probe(Probe probe)
    {
        var timings = string.Create(CultureInfo.InvariantCulture,
            $"delay={probe.InitialDelaySeconds ?? 0}s timeout={probe.TimeoutSeconds ?? 0}s period={probe.PeriodSeconds ?? 0}s #success={probe.SuccessThreshold ?? 0} #failure={probe.FailureThreshold ?? 0}");
        if (probe.Exec is { } exec)
        {
            return $"exec [{string.Join(' ', exec.Command ?? [])}] {timings}";
        }
        if (probe.HttpGet is { } http)
        {
            var port = http.Port?.ToString() ?? "";
            var host = port.Length > 0 ? JoinHostPort(http.Host ?? "", port) : http.Host ?? "";
            var scheme = (http.Scheme ?? "").ToLowerInvariant();
            return $"http-get {(scheme.Length > 0 ? scheme + "://" : "//")}{host}{http.Path} {timings}";
        }
        if (probe.TcpSocket is { } tcp)
        {
            return $"tcp-socket {tcp.Host}:{tcp.Port} {timings}";
        }
        if (probe.Grpc is { } grpc)
        {
            return string.Create(CultureInfo.InvariantCulture, $"grpc <pod>:{grpc.Port ?? 0} {grpc.Service} {timings}");
        }
        return "unknown " + timings;
    }

    /// <summary>A toleration (<c>node.kubernetes.io/not-ready:NoExecute op=Exists for 300s</c>).</summary>
    public static string Toleration(Toleration toleration)
    {
        var text = toleration.Key ?? "";
        if (!string.IsNullOrEmpty(toleration.Value))
        {
            text += "=" + toleration.Value;
        }
        if (!string.IsNullOrEmpty(toleration.Effect))
        {
            text += ":" + toleration.Effect;
        }
        if (toleration.Operator == "Exists" && string.IsNullOrEmpty(toleration.Value))
        {
            text += string.IsNullOrEmpty(toleration.Key) && string.IsNullOrEmpty(toleration.Effect) ? "op=Exists" : " op=Exists";
        }
        if (toleration.TolerationSeconds is { } seconds)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" for {seconds}s");
        }
        return text;
    }

    /// <summary>Tolerations sorted by key, as kubectl lists them.</summary>
    public static IReadOnlyList<string> Tolerations(IEnumerable<Toleration>? tolerations) =>
        (tolerations ?? []).OrderBy(t => t.Key ?? "", StringComparer.Ordinal).Select(Toleration).ToList();

    /// <summary>A taint (<c>key=value:NoSchedule</c>).</summary>
    public static string Taint(Taint taint) =>
        string.IsNullOrEmpty(taint.Value) ? $"{taint.Key}:{taint.Effect}" : $"{taint.Key}={taint.Value}:{taint.Effect}";

    // Go's net.JoinHostPort: an IPv6 host goes in brackets.
    private static string JoinHostPort(string host, string port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
}

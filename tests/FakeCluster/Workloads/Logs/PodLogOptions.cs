using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using PSKube.FakeCluster.Api;

namespace PSKube.FakeCluster.Workloads.Logs;

/// <summary>The query of GET pods/NAME/log, read and validated as the API server does (422 PodLogOptions on bad values).</summary>
public sealed partial record PodLogOptions(
    string? Container,
    bool Follow,
    bool Previous,
    long? SinceSeconds,
    DateTimeOffset? SinceTime,
    long? TailLines,
    bool Timestamps,
    long? LimitBytes)
{
    public static PodLogOptions From(IQueryCollection query, string podName)
    {
        var options = new PodLogOptions(
            query["container"].ToString() is { Length: > 0 } container ? container : null,
            Boolean(query, "follow"),
            Boolean(query, "previous"),
            Integer(query, "sinceSeconds"),
            Time(query, "sinceTime"),
            Integer(query, "tailLines"),
            Boolean(query, "timestamps"),
            Integer(query, "limitBytes"));
        options.Validate(podName);
        return options;
    }

    private void Validate(string podName)
    {
        var causes = new List<(string Field, string Reason, string Message)>();
        if (TailLines is < 0)
        {
            causes.Add(("tailLines", "FieldValueInvalid", $"Invalid value: {TailLines}: must be greater than or equal to 0"));
        }
        if (LimitBytes is < 1)
        {
            causes.Add(("limitBytes", "FieldValueInvalid", $"Invalid value: {LimitBytes}: must be greater than 0"));
        }
        if (SinceSeconds is not null && SinceTime is not null)
        {
            causes.Add(("sinceSeconds", "FieldValueForbidden", "Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified"));
        }
        else if (SinceSeconds is < 1)
        {
            causes.Add(("sinceSeconds", "FieldValueInvalid", $"Invalid value: {SinceSeconds}: must be greater than 0"));
        }
        if (causes.Count > 0)
        {
            throw StatusError.Invalid("PodLogOptions", "", podName, causes);
        }
    }

    // Go's strconv.ParseBool spellings.
    private static bool Boolean(IQueryCollection query, string name) => query[name].ToString() switch
    {
        "" or "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        var other => throw StatusError.BadRequest($"strconv.ParseBool: parsing \"{other}\": invalid syntax"),
    };

    private static long? Integer(IQueryCollection query, string name) => query[name].ToString() switch
    {
        "" => null,
        var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw StatusError.BadRequest($"strconv.ParseInt: parsing \"{text}\": invalid syntax"),
    };

    // RFC 3339 with up to nanoseconds; .NET keeps 100 ns ticks, so digits past the seventh are dropped.
    private static DateTimeOffset? Time(IQueryCollection query, string name) => query[name].ToString() switch
    {
        "" => null,
        var text when DateTimeOffset.TryParseExact(ExtraFractionDigits().Replace(text, "$1"), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time) => time,
        var text => throw StatusError.BadRequest($"parsing time \"{text}\" as \"2006-01-02T15:04:05Z07:00\": cannot parse"),
    };

    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex ExtraFractionDigits();
}

namespace PSKube.Client.Models;

/// <summary>meta/v1 MicroTime: RFC 3339 in UTC with six fractional digits, e.g. <c>2024-05-01T10:00:00.123456Z</c>.</summary>
public sealed class MicroTimeJsonConverter() : KubeTimestampJsonConverter("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'");

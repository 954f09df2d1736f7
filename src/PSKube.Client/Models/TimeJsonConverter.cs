namespace PSKube.Client.Models;

/// <summary>meta/v1 Time: RFC 3339 in UTC with whole seconds, e.g. <c>2024-05-01T10:00:00Z</c>.</summary>
public sealed class TimeJsonConverter() : KubeTimestampJsonConverter("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'");

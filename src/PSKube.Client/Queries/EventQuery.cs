using PSKube.Client.Operations;

namespace PSKube.Client.Queries;

/// <summary>Which events to list: a namespace (null for every namespace) and the selectors.</summary>
public sealed record EventQuery(string? Namespace, ListOptions Options);

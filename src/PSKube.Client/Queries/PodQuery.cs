using PSKube.Client.Operations;

namespace PSKube.Client.Queries;

/// <summary>Which pods to list: a namespace (null for every namespace) and the selectors; none when the owner selects nothing.</summary>
public sealed record PodQuery(string? Namespace, ListOptions Options, bool SelectsNothing = false);

namespace PSKube.Client.Printing;

/// <summary>
/// One column of a meta.k8s.io Table: its header, JSON type ("string", "integer", "boolean", "date"),
/// format ("name" for the object's name, else empty), description, and priority (above 0: only with -o wide).
/// </summary>
public sealed record PrintColumn(string Name, string Type, string Format, string Description, int Priority);

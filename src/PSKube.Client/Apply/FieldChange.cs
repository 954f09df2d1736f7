namespace PSKube.Client.Apply;

/// <summary>
/// One field that applying would change: its path (<c>spec.replicas</c>, <c>spec.template.spec.containers[0].image</c>,
/// <c>metadata.labels[app.kubernetes.io/name]</c>), the value it has now and the value it would have. A value is a
/// string, number or boolean, or compact JSON for a whole object or list that appears or goes; null means absent.
/// </summary>
public sealed record FieldChange(string Path, object? LiveValue, object? NewValue);

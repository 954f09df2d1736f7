namespace PSKube.Client.Models;

/// <summary>
/// An object of a kind without a generated model (custom resources, less common kinds):
/// everything beyond apiVersion, kind and metadata lives in <see cref="KubeObject.ExtensionData"/>.
/// </summary>
public sealed class GenericKubeObject : KubeObject;

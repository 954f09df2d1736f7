namespace PSKube.ModelGenerator;

/// <summary>One generated C# class.</summary>
/// <param name="IsKubeObject">Derives from KubeObject, which already holds apiVersion, kind and metadata.</param>
internal sealed record ModelClass(string Name, string DefinitionName, bool IsKubeObject, IReadOnlyList<ModelProperty> Properties);

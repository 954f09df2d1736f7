namespace PSKube.Client.Manifests.Generators;

/// <summary>What every generator's options share: how the caller names the options in error messages.</summary>
public abstract record GeneratorOptions
{
    /// <summary>
    /// The caller's name for each option, used in messages and in <see cref="Validation.KubeInputException.ParameterName"/>
    /// (a cmdlet gives its parameters: <c>-Label</c> for Labels, <c>-Restart</c> for RestartPolicy); null names each
    /// option as its property is named.
    /// </summary>
    public Func<string, string>? ParameterNames { get; init; }

    /// <summary>How the caller names <paramref name="option"/> (a property name of the options).</summary>
    internal string Parameter(string option) => ParameterNames?.Invoke(option) ?? option;
}

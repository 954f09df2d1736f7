using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the PriorityClass <c>kubectl create priorityclass</c> builds, after checking every option.</summary>
public static class PriorityClassGenerator
{
    /// <summary>The highest priority a class not named system-... may have.</summary>
    public const int HighestUserPriority = 1_000_000_000;

    /// <summary>The PriorityClass for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static PriorityClass Generate(PriorityClassOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nameParameter = options.Parameter(nameof(PriorityClassOptions.Name));
        var name = GeneratorInput.ObjectName("priorityclasses", options.Name, nameParameter);
        if (name.StartsWith("system-", StringComparison.Ordinal))
        {
            throw new KubeInputException($"'{name}' starts with 'system-', which is kept for the cluster's own priority classes. Give {nameParameter} another name, e.g. 'high-priority'.", nameParameter);
        }

        var value = options.Value ?? 0;
        if (value > HighestUserPriority)
        {
            var valueParameter = options.Parameter(nameof(PriorityClassOptions.Value));
            throw new KubeInputException($"{valueParameter} is {value}, above 1000000000, the highest priority a class of your own may have. Give {HighestUserPriority} or less.", valueParameter);
        }

        return new PriorityClass
        {
            ApiVersion = "scheduling.k8s.io/v1",
            Kind = "PriorityClass",
            Metadata = new ObjectMeta { Name = name },
            Value = value,
            // As kubectl (Go's omitempty): false and an empty description are left out.
            GlobalDefault = options.GlobalDefault ? true : null,
            Description = string.IsNullOrEmpty(options.Description) ? null : options.Description,
            PreemptionPolicy = GeneratorInput.OneOf(options.PreemptionPolicy ?? "PreemptLowerPriority", options.Parameter(nameof(PriorityClassOptions.PreemptionPolicy)), "preemption policy", "PreemptLowerPriority", "Never"),
        };
    }
}

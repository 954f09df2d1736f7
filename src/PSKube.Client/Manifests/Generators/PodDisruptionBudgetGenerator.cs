using System.Globalization;
using PSKube.Client.Models;
using PSKube.Client.Selectors;
using PSKube.Client.Validation;
using ModelSelector = PSKube.Client.Models.LabelSelector;
using SelectorText = PSKube.Client.Selectors.LabelSelector;

namespace PSKube.Client.Manifests.Generators;

/// <summary>Builds the PodDisruptionBudget <c>kubectl create poddisruptionbudget</c> builds, after checking every option.</summary>
public static class PodDisruptionBudgetGenerator
{
    /// <summary>The PodDisruptionBudget for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static PodDisruptionBudget Generate(PodDisruptionBudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("poddisruptionbudgets", options.Name, options.Parameter(nameof(PodDisruptionBudgetOptions.Name)));
        var minParameter = options.Parameter(nameof(PodDisruptionBudgetOptions.MinAvailable));
        var maxParameter = options.Parameter(nameof(PodDisruptionBudgetOptions.MaxUnavailable));
        var selector = Selector(options.Selector, options.Parameter(nameof(PodDisruptionBudgetOptions.Selector)));
        var minAvailable = string.IsNullOrEmpty(options.MinAvailable) ? (IntOrString?)null : Count(options.MinAvailable, minParameter);
        var maxUnavailable = string.IsNullOrEmpty(options.MaxUnavailable) ? (IntOrString?)null : Count(options.MaxUnavailable, maxParameter);
        if (minAvailable is null && maxUnavailable is null)
        {
            throw new KubeInputException($"A disruption budget needs {minParameter} or {maxParameter}: how many of its pods must stay up, or how many may be down, e.g. {minParameter} 2 or {maxParameter} '25%'.", minParameter);
        }

        if (minAvailable is not null && maxUnavailable is not null)
        {
            throw new KubeInputException($"Give {minParameter} or {maxParameter}, not both: a budget counts one or the other.", maxParameter);
        }

        return new PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(PodDisruptionBudgetOptions.Namespace))),
            },
            Spec = new PodDisruptionBudgetSpec
            {
                Selector = selector,
                MinAvailable = minAvailable,
                MaxUnavailable = maxUnavailable,
            },
            Status = new PodDisruptionBudgetStatus { DisruptionsAllowed = 0, CurrentHealthy = 0, DesiredHealthy = 0, ExpectedPods = 0 },
        };
    }

    // As metav1.ParseToLabelSelector: key=value terms become matchLabels, in/notin/exists/!key matchExpressions with sorted values.
    private static ModelSelector Selector(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new KubeInputException($"A disruption budget needs a selector for the pods it protects. Give {parameter}, e.g. 'app=web'.", parameter);
        }

        SelectorText parsed;
        try
        {
            parsed = SelectorText.Parse(text);
        }
        catch (LabelSelectorException e)
        {
            throw new KubeInputException($"'{text}' is not a valid label selector: {e.Message}. Write it as kubectl -l takes it, e.g. 'app=web' or 'app=web,tier in (front,back)'.", parameter, e);
        }

        var selector = new ModelSelector();
        foreach (var requirement in parsed.Requirements)
        {
            var op = requirement.Operator switch
            {
                LabelSelectorOperator.Equals or LabelSelectorOperator.DoubleEquals => null,
                LabelSelectorOperator.In => "In",
                LabelSelectorOperator.NotIn => "NotIn",
                LabelSelectorOperator.Exists => "Exists",
                LabelSelectorOperator.DoesNotExist => "DoesNotExist",
                _ => throw new KubeInputException($"'{requirement}' cannot be part of a disruption budget's selector: only key=value, key in (...), key notin (...), key and !key can. Write 'key notin (value)' for 'key!=value'.", parameter),
            };
            if (op is null)
            {
                (selector.MatchLabels ??= new Dictionary<string, string>(StringComparer.Ordinal))[requirement.Key] = requirement.Values[0];
                continue;
            }

            var values = requirement.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            (selector.MatchExpressions ??= []).Add(new LabelSelectorRequirement { Key = requirement.Key, Operator = op, Values = values.Count == 0 ? null : values });
        }

        return selector;
    }

    // A count as kubectl takes it (digits, optionally a percent sign): a number, or a percentage kept as text.
    private static IntOrString Count(string text, string parameter)
    {
        var percent = text.EndsWith('%');
        var digits = percent ? text[..^1] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new KubeInputException($"'{text}' is not a number of pods or a percentage. Give {parameter} a whole number such as 2 or a percentage such as '50%'.", parameter);
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new KubeInputException($"'{text}' is too large. Give {parameter} a number of pods up to {int.MaxValue} or a percentage up to '100%'.", parameter);
        }

        if (percent && number > 100)
        {
            throw new KubeInputException($"'{text}' is more than 100%. Give {parameter} a percentage from '0%' to '100%'.", parameter);
        }

        return percent ? text : number;
    }
}

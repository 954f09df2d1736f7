using System.Globalization;
using PSKube.Client.Validation;

namespace PSKube.Client.Selectors;

/// <summary>One term of a label selector: a key, an operator and its values.</summary>
public sealed class LabelRequirement
{
    private LabelRequirement(string key, LabelSelectorOperator @operator, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = @operator;
        Values = values;
    }

    /// <summary>The label key.</summary>
    public string Key { get; }

    /// <summary>How the label is compared.</summary>
    public LabelSelectorOperator Operator { get; }

    /// <summary>The values, in the order given; empty for Exists and DoesNotExist.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// Creates a requirement, validating it as apimachinery's NewRequirement does, with the same
    /// messages (e.g. <c>values[0][app]: Invalid value: "-x": a valid label must be ...</c>).
    /// </summary>
    /// <exception cref="LabelSelectorException">The key, the values or their number are invalid.</exception>
    public static LabelRequirement Create(string key, LabelSelectorOperator @operator, IEnumerable<string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var valueList = values?.ToArray() ?? [];
        var errors = Validate(key, @operator, valueList);
        return errors.Count > 0
            ? throw new LabelSelectorException(ApiErrorText.Aggregate(errors))
            : new LabelRequirement(key, @operator, valueList);
    }

    /// <summary>True when the labels satisfy this requirement; a null set means no labels.</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        string? value = null;
        var hasLabel = labels is not null && labels.TryGetValue(Key, out value);
        return Operator switch
        {
            LabelSelectorOperator.Equals or LabelSelectorOperator.DoubleEquals or LabelSelectorOperator.In =>
                hasLabel && Values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorOperator.NotEquals or LabelSelectorOperator.NotIn =>
                !hasLabel || !Values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorOperator.Exists => hasLabel,
            LabelSelectorOperator.DoesNotExist => !hasLabel,
            LabelSelectorOperator.GreaterThan or LabelSelectorOperator.LessThan => hasLabel && MatchesNumerically(value!),
            _ => false,
        };
    }

    /// <summary>The canonical text, e.g. <c>tier in (back,front)</c>, <c>!canary</c>, <c>app=web</c>.</summary>
    public override string ToString()
    {
        var sortedValues = string.Join(",", Values.Order(StringComparer.Ordinal));
        return Operator switch
        {
            LabelSelectorOperator.Exists => Key,
            LabelSelectorOperator.DoesNotExist => "!" + Key,
            LabelSelectorOperator.Equals => $"{Key}={sortedValues}",
            LabelSelectorOperator.DoubleEquals => $"{Key}=={sortedValues}",
            LabelSelectorOperator.NotEquals => $"{Key}!={sortedValues}",
            LabelSelectorOperator.In => $"{Key} in ({sortedValues})",
            LabelSelectorOperator.NotIn => $"{Key} notin ({sortedValues})",
            LabelSelectorOperator.GreaterThan => $"{Key}>{sortedValues}",
            LabelSelectorOperator.LessThan => $"{Key}<{sortedValues}",
            _ => Key,
        };
    }

    private bool MatchesNumerically(string labelValue)
    {
        if (!TryParseInt64(labelValue, out var actual) || Values.Count != 1 || !TryParseInt64(Values[0], out var limit))
        {
            return false;
        }

        return Operator == LabelSelectorOperator.GreaterThan ? actual > limit : actual < limit;
    }

    // Go's strconv.ParseInt(s, 10, 64): optional sign, ASCII digits only.
    private static bool TryParseInt64(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static List<string> Validate(string key, LabelSelectorOperator @operator, IReadOnlyList<string> values)
    {
        var errors = new List<string>();
        var keyErrors = NameValidation.ValidateLabelKey(key);
        if (keyErrors.Count > 0)
        {
            errors.Add(ApiErrorText.Invalid("key", key, string.Join("; ", keyErrors)));
        }

        // apimachinery builds these requirements without a field path, so paths start at key/values.
        const string valuesPath = "values";
        switch (@operator)
        {
            case LabelSelectorOperator.In or LabelSelectorOperator.NotIn when values.Count == 0:
                errors.Add(ApiErrorText.Invalid(valuesPath, values, "for 'in', 'notin' operators, values set can't be empty"));
                break;
            case LabelSelectorOperator.Equals or LabelSelectorOperator.DoubleEquals or LabelSelectorOperator.NotEquals when values.Count != 1:
                errors.Add(ApiErrorText.Invalid(valuesPath, values, "exact-match compatibility requires one single value"));
                break;
            case LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist when values.Count != 0:
                errors.Add(ApiErrorText.Invalid(valuesPath, values, "values set must be empty for exists and does not exist"));
                break;
            case LabelSelectorOperator.GreaterThan or LabelSelectorOperator.LessThan:
                if (values.Count != 1)
                {
                    errors.Add(ApiErrorText.Invalid(valuesPath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
                }

                for (var i = 0; i < values.Count; i++)
                {
                    if (!TryParseInt64(values[i], out _))
                    {
                        errors.Add(ApiErrorText.Invalid($"{valuesPath}[{i}]", values[i], "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }

                break;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var valueErrors = NameValidation.ValidateLabelValue(values[i]);
            if (valueErrors.Count > 0)
            {
                errors.Add(ApiErrorText.Invalid($"{valuesPath}[{i}][{key}]", values[i], string.Join("; ", valueErrors)));
            }
        }

        return errors;
    }
}

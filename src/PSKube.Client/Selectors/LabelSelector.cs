using System.Collections.ObjectModel;
using PSKube.Client.Validation;

namespace PSKube.Client.Selectors;

/// <summary>
/// A Kubernetes label selector: requirements that must all hold. Parses and prints the
/// <c>labelSelector</c> query syntax (<c>app=web,tier in (back,front),!canary</c>) exactly as
/// k8s.io/apimachinery/pkg/labels does, and builds selectors from an object's
/// <c>matchLabels</c>/<c>matchExpressions</c>.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IEnumerable<LabelRequirement> requirements) =>
        // Sorted by key (stable for equal keys) so the printed form is deterministic, as apimachinery does.
        Requirements = requirements.OrderBy(requirement => requirement.Key, StringComparer.Ordinal).ToArray();

    /// <summary>The selector without requirements: it matches every object.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>The requirements, sorted by key.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>True when the selector has no requirements and so selects everything.</summary>
    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>
    /// Parses the label selector syntax: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>,
    /// <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, <c>a&gt;1</c>, <c>a&lt;1</c>, separated by commas,
    /// with optional whitespace. An empty string selects everything.
    /// </summary>
    /// <exception cref="LabelSelectorException">The text is not a valid selector; the message is the API server's.</exception>
    public static LabelSelector Parse(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new LabelSelector(LabelSelectorParser.Parse(selector));
    }

    /// <summary>
    /// Builds the selector of a <c>metav1.LabelSelector</c> (a Deployment's <c>spec.selector</c>):
    /// every <paramref name="matchLabels"/> entry becomes <c>key=value</c>, and each expression uses
    /// one of the operators In, NotIn, Exists or DoesNotExist. With neither it selects everything.
    /// </summary>
    /// <exception cref="LabelSelectorException">An operator is unknown, or a key, value or value count is invalid.</exception>
    public static LabelSelector FromMatch(
        IReadOnlyDictionary<string, string>? matchLabels,
        IEnumerable<(string key, string op, IReadOnlyList<string> values)>? expressions)
    {
        var requirements = new List<LabelRequirement>();
        foreach (var (key, value) in matchLabels ?? ReadOnlyDictionary<string, string>.Empty)
        {
            requirements.Add(LabelRequirement.Create(key, LabelSelectorOperator.Equals, [value]));
        }

        foreach (var (key, op, values) in expressions ?? [])
        {
            var @operator = op switch
            {
                "In" => LabelSelectorOperator.In,
                "NotIn" => LabelSelectorOperator.NotIn,
                "Exists" => LabelSelectorOperator.Exists,
                "DoesNotExist" => LabelSelectorOperator.DoesNotExist,
                _ => throw new LabelSelectorException($"{ApiErrorText.Quote(op)} is not a valid label selector operator"),
            };
            requirements.Add(LabelRequirement.Create(key, @operator, values ?? []));
        }

        return new LabelSelector(requirements);
    }

    /// <summary>True when the labels satisfy every requirement; a null set means no labels.</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? labels) =>
        Requirements.All(requirement => requirement.Matches(labels));

    /// <summary>
    /// The selector as plain labels, such as a Service selects its pods by (kubectl expose --selector): every term
    /// must be <c>key=value</c>, each key once.
    /// </summary>
    /// <exception cref="LabelSelectorException">A term is not key=value, or a key is given twice.</exception>
    public Dictionary<string, string> ToLabels()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var requirement in Requirements)
        {
            if (requirement.Operator is not (LabelSelectorOperator.Equals or LabelSelectorOperator.DoubleEquals))
            {
                throw new LabelSelectorException($"'{requirement}' is not a key=value term, and only those can be plain labels");
            }

            if (!labels.TryAdd(requirement.Key, requirement.Values[0]))
            {
                throw new LabelSelectorException($"the label '{requirement.Key}' is given more than once");
            }
        }

        return labels;
    }

    /// <summary>The canonical form, suitable for the <c>labelSelector</c> query parameter.</summary>
    public override string ToString() => string.Join(",", Requirements);
}

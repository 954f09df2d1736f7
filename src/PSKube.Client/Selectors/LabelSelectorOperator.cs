namespace PSKube.Client.Selectors;

/// <summary>The operators of a label selector requirement (k8s.io/apimachinery/pkg/selection).</summary>
public enum LabelSelectorOperator
{
    /// <summary><c>key=value</c>.</summary>
    Equals,

    /// <summary><c>key==value</c>: same meaning as <see cref="Equals"/>, kept to print the selector back as written.</summary>
    DoubleEquals,

    /// <summary><c>key!=value</c>: also true when the label is absent.</summary>
    NotEquals,

    /// <summary><c>key in (a,b)</c>.</summary>
    In,

    /// <summary><c>key notin (a,b)</c>: also true when the label is absent.</summary>
    NotIn,

    /// <summary><c>key</c>: the label is present.</summary>
    Exists,

    /// <summary><c>!key</c>: the label is absent.</summary>
    DoesNotExist,

    /// <summary><c>key&gt;N</c>: the label is an integer greater than N.</summary>
    GreaterThan,

    /// <summary><c>key&lt;N</c>: the label is an integer less than N.</summary>
    LessThan,
}

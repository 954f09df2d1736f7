using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;

namespace PSKube.Validation;

/// <summary>
/// Lets a parameter of free-text values (environment variables, annotations) take kubectl's <c>KEY=value</c> entries
/// as well as a hashtable: each text entry splits at its first '=', so the value may hold '=', ',' and spaces
/// (<c>-Env 'JAVA_OPTS=-Xmx1g -Da=b', MODE=test</c>); the entries keep their order.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class KeyValueTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        IEnumerable<object?>? entries = value switch
        {
            string one => [one],
            IEnumerable words and not IDictionary when words.Cast<object?>().All(word => (word is PSObject w ? w.BaseObject : word) is string) => words.Cast<object?>(),
            _ => null,
        };
        if (entries is null)
        {
            return inputData;
        }
        var result = new OrderedDictionary(StringComparer.Ordinal);
        foreach (var entry in entries.Select(word => (string)(word is PSObject w ? w.BaseObject : word)!))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ArgumentTransformationMetadataException($"'{entry}' is not KEY=value. Write each entry as KEY=value, e.g. 'LOG_LEVEL=debug' (the value may be empty: 'KEY='), or give a hashtable, e.g. @{{ LOG_LEVEL = 'debug' }}.");
            }
            result[entry[..equals]] = entry[(equals + 1)..];
        }
        return result;
    }
}

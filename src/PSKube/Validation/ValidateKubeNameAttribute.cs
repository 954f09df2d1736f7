using System.Collections;
using System.Management.Automation;
using PSKube.Client.Resources;
using PSKube.Client.Validation;

namespace PSKube.Validation;

/// <summary>
/// Checks object names with the API server's rule for the resource (DNS-1123 and friends) at parameter binding,
/// so a typo is reported before any request. Names with wildcards pass when the parameter accepts them.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateKubeNameAttribute(string resource) : ValidateArgumentsAttribute
{
    /// <summary>The parameter takes wildcard patterns (Get-* -Name web-*): those are filters, not names.</summary>
    public bool AllowWildcards { get; set; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var names = arguments is IEnumerable many and not string ? many.Cast<object?>() : [arguments];
        // kubectl's KIND/NAME: the name part is checked here, the kind by the command (it knows which it takes).
        foreach (var name in names.Select(n => KindQualifiedName.Split(n?.ToString() ?? string.Empty).Name))
        {
            if (AllowWildcards && WildcardPattern.ContainsWildcardCharacters(name))
            {
                continue;
            }
            var errors = NameValidation.ValidateObjectName(resource, name);
            if (errors.Count > 0)
            {
                throw new ValidationMetadataException($"\"{name}\" is not a valid {resource} name: {string.Join("; ", errors)}.");
            }
        }
    }
}

using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PSKube.Completers;

/// <summary>
/// $PSDefaultParameterValues for tab completion: PowerShell gives a completer only the parameters typed, so a
/// completer applies the defaults itself, as the parameter binder would for the command when it runs. Keys are
/// <c>Command:Parameter</c>; the command part is the command's name, one of its aliases, or a wildcard pattern of
/// either; the parameter part a parameter's name or alias, or a pattern that must match exactly one of them. A
/// parameter two entries give different values gets none, <c>Disabled = $true</c> turns every default off, and a
/// script block value is run with the bound parameters, as the binder does.
/// </summary>
internal static class DefaultParameterValues
{
    /// <summary>The typed parameters plus the defaults for the parameters not typed (a new, case-insensitive dictionary).</summary>
    public static IDictionary AppliedTo(string commandName, IDictionary typed)
    {
        var applied = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in typed)
        {
            applied[entry.Key] = Unwrapped(entry.Value);
        }
        if (Runspace.DefaultRunspace is null)
        {
            return applied;
        }
        if (Run("$PSDefaultParameterValues").FirstOrDefault() is not IDictionary { Count: > 0 } defaults
            || Run("Get-Command -Name $args[0] -CommandType Cmdlet -ErrorAction Ignore", commandName).FirstOrDefault() is not CmdletInfo command)
        {
            return applied;
        }
        var aliases = Run("Get-Alias -Definition $args[0] -ErrorAction Ignore", command.Name).OfType<AliasInfo>().Select(alias => alias.Name).ToList();
        var parameters = command.Parameters.Values.ToList();
        foreach (var (parameter, value) in ValuesFor(command.Name, parameters, aliases, defaults))
        {
            if (!applied.ContainsKey(parameter.Name))
            {
                applied[parameter.Name] = Unwrapped(value) is ScriptBlock script && parameter.ParameterType != typeof(ScriptBlock)
                    ? Evaluate(script, applied)
                    : Unwrapped(value);
            }
        }
        return applied;
    }

    /// <summary>The default of each parameter the entries give one value to.</summary>
    private static Dictionary<ParameterMetadata, object?> ValuesFor(string commandName, List<ParameterMetadata> parameters, IReadOnlyList<string> commandAliases, IDictionary defaults)
    {
        var values = new Dictionary<ParameterMetadata, object?>();
        var conflicting = new HashSet<ParameterMetadata>();
        foreach (DictionaryEntry entry in defaults)
        {
            if (entry.Key is not string key)
            {
                continue;
            }
            var separator = key.IndexOf(':', StringComparison.Ordinal);
            if (separator < 0)
            {
                if (key.Trim().Equals("Disabled", StringComparison.OrdinalIgnoreCase) && LanguagePrimitives.IsTrue(entry.Value))
                {
                    return [];
                }
                continue;
            }
            var commandPart = Unquoted(key[..separator]);
            var parameterPart = Unquoted(key[(separator + 1)..]);
            if (commandPart.Length == 0 || parameterPart.Length == 0 || !Names(commandPart, commandName, commandAliases))
            {
                continue;
            }
            if (ParameterNamed(parameters, parameterPart) is not { } parameter)
            {
                continue;
            }
            if (values.TryGetValue(parameter, out var earlier) && !Equals(Unwrapped(earlier), Unwrapped(entry.Value)))
            {
                conflicting.Add(parameter);
            }
            values[parameter] = entry.Value;
        }
        foreach (var parameter in conflicting)
        {
            values.Remove(parameter);
        }
        return values;
    }

    // What a command wrote (Join-Path's path) comes wrapped in a PSObject; the completers read the object itself.
    private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static string Unquoted(string part) => part.Trim().Trim('\'', '"').Trim();

    private static bool Names(string commandPart, string commandName, IReadOnlyList<string> commandAliases)
    {
        var pattern = WildcardPattern.Get(commandPart, WildcardOptions.IgnoreCase);
        return pattern.IsMatch(commandName) || commandAliases.Any(pattern.IsMatch);
    }

    /// <summary>The parameter a key names: by name or alias, or the one parameter a pattern matches (none when more match).</summary>
    private static ParameterMetadata? ParameterNamed(List<ParameterMetadata> parameters, string parameterPart)
    {
        var pattern = WildcardPattern.Get(parameterPart, WildcardOptions.IgnoreCase);
        var matches = parameters
            .SelectMany(parameter => parameter.Aliases.Prepend(parameter.Name).Where(pattern.IsMatch).Select(_ => parameter))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// Runs a line in the scope the completion runs in (a script block, not a nested pipeline, which would start at
    /// the global scope), so it sees the variables and aliases the command would see there.
    /// </summary>
    private static List<object?> Run(string script, params object[] arguments) =>
        ScriptBlock.Create(script).Invoke(arguments).Select(result => result?.BaseObject).ToList();

    /// <summary>A script block default's value, computed as the binder does: with the parameters bound so far.</summary>
    private static object? Evaluate(ScriptBlock script, Hashtable bound)
    {
        var bindingInfo = new PSObject();
        bindingInfo.Properties.Add(new PSNoteProperty("BoundParameters", bound));
        bindingInfo.Properties.Add(new PSNoteProperty("BoundPositionalParameters", new Collection<string>()));
        bindingInfo.Properties.Add(new PSNoteProperty("BoundDefaultParameters", new Collection<string>()));
        var results = script.Invoke(bindingInfo);
        return results.Count switch
        {
            0 => null,
            1 => results[0]?.BaseObject,
            _ => results.Select(result => result?.BaseObject).ToArray(),
        };
    }
}

using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PSKube.Completers;

/// <summary>Completes a -Kind that takes a fixed list of kinds: those starting with what was typed, in the list's order.</summary>
public abstract class KindListCompleter : IArgumentCompleter
{
    /// <summary>The kinds the parameter takes.</summary>
    protected abstract IEnumerable<string> Kinds { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Kinds
            .Where(kind => kind.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
            .Select(kind => new CompletionResult(kind, kind, CompletionResultType.ParameterValue, kind));
}

using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSKube.Client.Waiting;

namespace PSKube.Completers;

/// <summary>Completes Set-KubeReplicas -Kind with the kinds that can be scaled.</summary>
public sealed class ScalableKindCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ScaleTarget.Kinds
            .Where(kind => kind.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
            .Select(kind => new CompletionResult(kind, kind, CompletionResultType.ParameterValue, kind));
}

using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PSKube.Completers;

/// <summary>Completes -Kind of the rollout commands with the kinds kubectl rollout works on.</summary>
public sealed class RolloutKindCompleter : IArgumentCompleter
{
    private static readonly string[] Kinds = ["deployment", "statefulset", "daemonset"];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Kinds
            .Where(kind => kind.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
            .Select(kind => new CompletionResult(kind, kind, CompletionResultType.ParameterValue, kind));
}

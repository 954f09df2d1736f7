using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSKube.Client.Describing;

namespace PSKube.Completers;

/// <summary>Completes Get-KubeDescription -Kind with the kinds it describes.</summary>
public sealed class DescribeKindCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Describer.Kinds
            .Where(kind => kind.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
            .Select(kind => new CompletionResult(kind, kind, CompletionResultType.ParameterValue, kind));
}

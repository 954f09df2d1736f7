using PSKube.Client.Waiting;

namespace PSKube.Completers;

/// <summary>Completes Set-KubeReplicas -Kind with the kinds that can be scaled.</summary>
public sealed class ScalableKindCompleter : KindListCompleter
{
    protected override IEnumerable<string> Kinds => ScaleTarget.Kinds;
}

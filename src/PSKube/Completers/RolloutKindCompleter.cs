namespace PSKube.Completers;

/// <summary>Completes -Kind of the rollout commands with the kinds kubectl rollout works on.</summary>
public sealed class RolloutKindCompleter : KindListCompleter
{
    protected override IEnumerable<string> Kinds { get; } = ["deployment", "statefulset", "daemonset"];
}

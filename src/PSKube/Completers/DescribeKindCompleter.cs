using PSKube.Client.Describing;

namespace PSKube.Completers;

/// <summary>Completes Get-KubeDescription -Kind with the kinds it describes.</summary>
public sealed class DescribeKindCompleter : KindListCompleter
{
    protected override IEnumerable<string> Kinds => Describer.Kinds;
}

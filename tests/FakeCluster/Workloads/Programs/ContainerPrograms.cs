namespace PSKube.FakeCluster.Workloads.Programs;

/// <summary>The programs the fake runtime knows, tried in order; anything else runs silently until stopped.</summary>
public static class ContainerPrograms
{
    private static readonly IContainerProgram Silent = new SilentProgram();

    private static readonly IReadOnlyList<IContainerProgram> Known =
    [
        new PingProgram(),
        new SleepProgram(),
        new EchoProgram(),
        new ShellProgram(),
        new DateProgram(),
        new ExitStatusProgram(),
        new KuardProgram(),
    ];

    public static IContainerProgram For(ContainerCommand command) => Known.FirstOrDefault(p => p.Runs(command)) ?? Silent;
}

using System.Text;
using System.Text.Json.Nodes;
using PSKube.FakeCluster.Streaming;
using PSKube.FakeCluster.Workloads.Programs;

namespace PSKube.Client.Tests.Streaming;

/// <summary>
/// The fake containers' shell, run as a container's main process (sh -c SCRIPT) on the kubelet's clock: each
/// construct tutorials use, the file system, tar, time and busy loops.
/// </summary>
public sealed class ShellInterpreterTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 3, 10, 15, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("echo hello world", "hello world", 0)]
    [InlineData("echo a; echo b\necho c", "a\nb\nc", 0)]
    [InlineData("false && echo no; true && echo yes", "yes", 0)]
    [InlineData("false || echo fallback; true || echo never", "fallback", 0)]
    [InlineData("echo partial; exit 7; echo never", "partial", 7)]
    [InlineData("exit 300", "", 44)]
    [InlineData("! false", "", 0)]
    [InlineData("echo $((3 * (4 + 2) % 5)) $((7 / 2)) $((2 ** 10)) $((1 < 2 && 3 > 4))", "3 3 1024 0", 0)]
    [InlineData("x=5; y=$((x + 2)); echo $x $y ${y} ${unset:-default} ${#x}", "5 7 7 default 1", 0)]
    [InlineData("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done", "0\n1\n2", 0)]
    [InlineData("n=0; until [ $n -ge 2 ]; do n=$((n+1)); done; echo $n", "2", 0)]
    [InlineData("for f in a b c; do echo $f; done", "a\nb\nc", 0)]
    [InlineData("for i in $(echo 1 2 3); do echo item $i; done", "item 1\nitem 2\nitem 3", 0)]
    [InlineData("for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done", "1\n2", 0)]
    [InlineData("for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done", "1\n3", 0)]
    [InlineData("if [ 1 -eq 2 ]; then echo one; elif test -n x; then echo two; else echo three; fi", "two", 0)]
    [InlineData("if false; then echo one; else echo other; fi", "other", 0)]
    [InlineData("nope --version", "sh: nope: not found", 127)]
    [InlineData("echo \"$HOME\" '$HOME' \"a  b\"", "/root $HOME a  b", 0)]
    [InlineData("echo \"inner: $(echo nested)\" done", "inner: nested done", 0)]
    [InlineData("echo err >&2; echo out", "err\nout", 0)]
    [InlineData("cat /missing 2>/dev/null || echo missing", "missing", 0)]
    [InlineData("cat", "", 0)]
    [InlineData("printf '%s=%d\\n' a 1 b 2", "a=1\nb=2", 0)]
    [InlineData("[ -d /tmp ] && [ ! -f /tmp ] && [ abc != abd ] && echo ok", "ok", 0)]
    [InlineData("{ echo grouped; echo twice; } > /tmp/g; cat /tmp/g", "grouped\ntwice", 0)]
    [InlineData("echo $?; false; echo $?", "0\n1", 0)]
    [InlineData("printf 'echo one\\necho two\\n' > /tmp/s.sh; sh < /tmp/s.sh; sh /tmp/s.sh", "one\ntwo\none\ntwo", 0)]
    [InlineData("for i in 1 2; do echo $i; done > /tmp/n; if true; then cat /tmp/n; fi 2>&1", "1\n2", 0)]
    [InlineData("echo 'unterminated", "sh: syntax error: unterminated quoted string", 2)]
    [InlineData("echo a | cat", "sh: pipes are not supported by the fake cluster's shell", 2)]
    public void Script_PrintsAndExitsAsShDoes(string script, string output, int exitCode)
    {
        var steps = Run(script);
        Assert.Equal(output, Output(steps));
        Assert.Equal(exitCode, steps[^1].ExitCode);
    }

    [Fact]
    public void Files_AreWrittenListedReadAndRemoved()
    {
        var steps = Run("""
            mkdir -p /data/logs && echo hi > /data/logs/a.txt && echo there >> /data/logs/a.txt
            touch /data/b
            ls /data; cat /data/logs/a.txt
            cat < /data/logs/a.txt
            rm /data/logs; rm -r /data
            ls /data
            """);
        Assert.Equal("b\nlogs\nhi\nthere\nhi\nthere\nrm: '/data/logs' is a directory\nls: /data: No such file or directory", Output(steps));
        Assert.Equal(1, steps[^1].ExitCode);
    }

    [Fact]
    public void Files_AreSharedThroughTheContainersFileSystem()
    {
        var files = new ContainerFileSystem(new ContainerFacts(new JsonObject(), "c", tty: false), Start);
        Run("echo from-main > /tmp/greeting", files: files);
        Assert.Equal("from-main\n", Encoding.UTF8.GetString(files.ReadFile("/tmp/greeting")!));
        Assert.Equal("sh: can't create /nope/x: nonexistent directory", Output(Run("echo x > /nope/x", files: files)));
    }

    [Fact]
    public void Tar_RoundTripsAFolder_AndRefusesMembersThatEscape()
    {
        var files = new ContainerFileSystem(new ContainerFacts(new JsonObject(), "c", tty: false), Start);
        var steps = Run("""
            mkdir -p /src/sub && echo one > /src/a && echo two > /src/sub/b
            tar cf /tmp/x.tar /src && mkdir /restore && tar -xmf /tmp/x.tar -C /restore
            cat /restore/src/a /restore/src/sub/b
            tar tf /tmp/x.tar
            """, files: files);
        Assert.Equal("tar: removing leading '/' from member names\none\ntwo\nsrc/\nsrc/a\nsrc/sub/\nsrc/sub/b", Output(steps));

        var evil = TarArchive.Write([new TarArchive.Entry("../../etc/evil", false, "x"u8.ToArray(), Start)]);
        files.WriteFile("/tmp/evil.tar", evil, append: false, Start);
        Assert.Equal("tar: skipping unsafe member '../../etc/evil'", Output(Run("mkdir /safe; tar xf /tmp/evil.tar -C /safe", files: files)));
        Assert.Null(files.Stat("/etc/evil"));
    }

    [Fact]
    public void Sleep_MovesTheClockOn_AndDatePrintsTheTimeItRunsAt()
    {
        var steps = Run("echo a; sleep 2; echo b; date; sleep 0.5m; date");
        var lines = steps.Where(s => s.Line is not null).ToList();
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(32)], lines.Select(s => s.At));
        Assert.Equal("Tue Jun  3 10:15:02 UTC 2025", lines[2].Line);
        Assert.Equal("Tue Jun  3 10:15:32 UTC 2025", lines[3].Line);
        Assert.Equal((TimeSpan.FromSeconds(32), 0), (steps[^1].At, steps[^1].ExitCode!.Value));
    }

    [Fact]
    public void EndlessLoopWithSleep_PrintsOnceASecond_AndNeverExits()
    {
        var steps = Run("while true; do echo tick $(date +%s); sleep 1; done", take: 40);
        var lines = steps.Where(s => s.Line is not null).Take(3).ToList();
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], lines.Select(s => s.At));
        Assert.All(steps, s => Assert.Null(s.ExitCode));
    }

    [Fact]
    public void BusyLoop_YieldsAndMovesTheClockOn_AndCountsAsBusy()
    {
        var (steps, context) = RunWithContext("while true; do :; done", take: 20);
        Assert.Equal(20, steps.Count);
        Assert.All(steps, s => Assert.Null(s.Line));
        Assert.Equal(TimeSpan.FromMilliseconds(100 * 20), steps[^1].At);
        Assert.True(context.Busy);

        var (_, sleeper) = RunWithContext("while true; do sleep 1; done", take: 5);
        Assert.False(sleeper.Busy);
    }

    [Fact]
    public void SleepInfinity_RunsUntilKilled()
    {
        var steps = Run("echo started; sleep infinity; echo never");
        Assert.Equal("started", Output(steps));
        Assert.All(steps, s => Assert.Null(s.ExitCode));
    }

    [Fact]
    public void Random_IsSeeded()
    {
        var first = Output(Run("echo $RANDOM $RANDOM", new Random(3)));
        Assert.Equal(first, Output(Run("echo $RANDOM $RANDOM", new Random(3))));
        Assert.Matches(@"^\d{1,5} \d{1,5}$", first);
    }

    [Theory]
    [InlineData("bash", "-c")]
    [InlineData("/bin/sh", "-c")]
    [InlineData("/bin/sh", "-ec")]
    public void ShellCommands_RunTheScript(string shell, string option)
    {
        var command = ContainerCommand.From("ubuntu", [shell, option, "echo done"], null);
        Assert.IsType<ShellProgram>(ContainerPrograms.For(command));
        var context = new ProgramContext(command, "c", Start, new PodNetwork(), new Random(1));
        Assert.Equal(["done", null], ContainerPrograms.For(command).Run(context).Select(s => s.Line));
    }

    private static List<ProgramStep> Run(string script, Random? random = null, ContainerFileSystem? files = null, int take = 500) =>
        RunWithContext(script, random, files, take).Steps;

    private static (List<ProgramStep> Steps, ProgramContext Context) RunWithContext(string script, Random? random = null, ContainerFileSystem? files = null, int take = 500)
    {
        var command = ContainerCommand.From("alpine", ["sh", "-c", script], null);
        var context = new ProgramContext(command, "c", Start, new PodNetwork(), random ?? new Random(1), files: files);
        return (new ShellProgram().Run(context).Take(take).ToList(), context);
    }

    private static string Output(IEnumerable<ProgramStep> steps) => string.Join('\n', steps.Where(s => s.Line is not null).Select(s => s.Line));
}

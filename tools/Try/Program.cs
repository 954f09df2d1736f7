using System.Diagnostics;
using System.Reflection;
using PSKube.FakeCluster;
using PSKube.Try;

// dotnet run --project tools/Try [-- SCRIPT.ps1 [ARGUMENTS...]]
// Opens PowerShell with PSKube imported against a fake cluster (started in this process, with the workloads of
// samples.yaml) and stops the cluster when PowerShell exits. With a script, runs it non-interactively instead and
// exits with its exit code.
var root = Assembly.GetEntryAssembly()!.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
var manifest = Path.Combine(root, "out", "PSKube", "PSKube.psd1");
if (!File.Exists(manifest))
{
    await Console.Error.WriteLineAsync($"{manifest} is missing: build PSKube first (dotnet build PSKube.sln).");
    return 2;
}
var pwsh = PowerShellTool.Find(root) ?? await PowerShellTool.InstallAsync(root);
if (pwsh is null)
{
    await Console.Error.WriteLineAsync($"No pwsh on PATH and the PowerShell dotnet tool could not be installed: {PowerShellTool.InstallCommand(root)}");
    return 2;
}

var folder = Directory.CreateTempSubdirectory("pskube-try-").FullName;
try
{
    var kubeconfig = Path.Combine(folder, "config");
    await using var cluster = await FakeClusterServer.StartAsync(new FakeClusterOptions { KubeconfigPath = kubeconfig });
    var startup = Path.Combine(folder, "startup.ps1");
    await File.WriteAllTextAsync(startup, StartupScript.Text(manifest, Path.Combine(root, "tools", "Try", "samples.yaml"), cluster.Server.ToString()));

    var start = new ProcessStartInfo(pwsh.Command);
    foreach (var argument in pwsh.Arguments)
    {
        start.ArgumentList.Add(argument);
    }
    // Interactive: the startup script, then the prompt. With a script: the startup script runs it, then exits.
    foreach (var argument in args.Length == 0 ? ["-NoLogo", "-NoExit", "-File", startup] : new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-File", startup }.Concat(args))
    {
        start.ArgumentList.Add(argument);
    }
    start.Environment["KUBECONFIG"] = kubeconfig;

    // Ctrl+C belongs to PowerShell (it stops the running command there); this process waits for the shell's exit.
    Console.CancelKeyPress += (_, e) => e.Cancel = true;
    using var shell = Process.Start(start)!;
    await shell.WaitForExitAsync();
    return shell.ExitCode;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

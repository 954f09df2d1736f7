using System.Diagnostics;

namespace PSKube.Try;

/// <summary>How to start pwsh: a command and the arguments that come before pwsh's own.</summary>
internal sealed record PowerShellTool(string Command, IReadOnlyList<string> Arguments)
{
    // The version .ci/run installs: the PowerShell dotnet tool that runs on .NET 10.
    private const string ToolVersion = "7.6.10";

    /// <summary>pwsh on PATH, else the dotnet tool in the repository's .tools/pwsh; null when there is neither.</summary>
    public static PowerShellTool? Find(string root)
    {
        var names = OperatingSystem.IsWindows() ? new[] { "pwsh.exe" } : ["pwsh"];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
        var tool = Path.Combine(ToolFolder(root), names[0]);
        return onPath is not null ? new PowerShellTool(onPath, []) : File.Exists(tool) ? new PowerShellTool(tool, []) : null;
    }

    /// <summary>Installs the PowerShell dotnet tool into .tools/pwsh (as .ci/run does); null when that fails.</summary>
    public static async Task<PowerShellTool?> InstallAsync(string root)
    {
        Console.Error.WriteLine($"No pwsh on PATH: {InstallCommand(root)}");
        var install = new ProcessStartInfo("dotnet");
        foreach (var argument in new[] { "tool", "install", "PowerShell", "--version", ToolVersion, "--tool-path", ToolFolder(root) })
        {
            install.ArgumentList.Add(argument);
        }
        using var process = Process.Start(install)!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? Find(root) : null;
    }

    public static string InstallCommand(string root) => $"dotnet tool install PowerShell --version {ToolVersion} --tool-path {ToolFolder(root)}";

    private static string ToolFolder(string root) => Path.Combine(root, ".tools", "pwsh");
}

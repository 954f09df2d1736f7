namespace PSKube.Client.Tests.Config;

/// <summary>A temporary folder for kubeconfig files, token files and plugin scripts, removed after the test.</summary>
internal sealed class KubeconfigTestFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pskube-config-").FullName;

    public string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public string Write(string relativePath, string text)
    {
        var path = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Writes a bash script and makes it executable.</summary>
    public string WriteScript(string relativePath, string body)
    {
        var path = Write(relativePath, "#!/bin/bash\n" + body);
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

namespace PSKube.Module.Tests;

/// <summary>Where the repository and the built module folder are, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModuleFolder => Path.Combine(Root, "out", "PSKube");

    public static string Manifest => Path.Combine(ModuleFolder, "PSKube.psd1");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PSKube.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("PSKube.sln not found above " + AppContext.BaseDirectory);
    }
}

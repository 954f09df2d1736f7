using System.Formats.Tar;
using System.Text;
using PSKube.Client.FileCopy;

namespace PSKube.Client.Tests.FileCopy;

/// <summary>
/// The extractor fed archives built by hand in the shapes of the kubectl cp CVEs, as a malicious container's tar
/// would send them for <c>tar cf - /tmp/up</c>: nothing may land outside the destination, and the rest is copied.
/// </summary>
public sealed class SafeTarExtractorTests : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("pskube-tar-").FullName;

    private string Destination => Path.Combine(_base, "down");

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private static MemoryStream Archive(params TarEntry[] entries)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(entry);
            }
        }
        stream.Position = 0;
        return stream;
    }

    private static PaxTarEntry Folder(string name) => new(TarEntryType.Directory, name);

    private static PaxTarEntry File(string name, string content) => new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };

    private static PaxTarEntry Link(TarEntryType type, string name, string target) => new(type, name) { LinkName = target };

    private Task<SafeTarExtractor.Extraction> ExtractAsync(params TarEntry[] entries) =>
        SafeTarExtractor.ExtractAsync(Archive(entries), "tmp/up", Destination, CancellationToken.None);

    private static ArchiveEntryProblem Problem(SafeTarExtractor.Extraction extraction, string name) => Assert.Single(extraction.Problems, p => p.Name == name);

    /// <summary>Every file under the temporary folder, relative to it, outside the destination included.</summary>
    private List<string> FilesWritten() =>
        Directory.EnumerateFiles(_base, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(_base, path).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task DotDotNames_AreRefused_TheRestCopied_Cve2018_1002100()
    {
        var extraction = await ExtractAsync(Folder("tmp/up/"), File("tmp/up/a.txt", "fine"), File("tmp/up/../../../evil.txt", "pwned"), File("tmp/up/sub/../../../../evil2.txt", "pwned"));

        Assert.Equal(ArchiveEntryOutcome.Refused, Problem(extraction, "tmp/up/../../../evil.txt").Outcome);
        Assert.Contains("..", Problem(extraction, "tmp/up/sub/../../../../evil2.txt").Message, StringComparison.Ordinal);
        Assert.Equal(["down/a.txt"], FilesWritten());
        Assert.Equal(1, extraction.Files);
    }

    [Fact]
    public async Task AbsoluteNames_AreRefused()
    {
        var target = Path.Combine(_base, "abs.txt");
        var extraction = await ExtractAsync(Folder("tmp/up/"), File("/tmp/up/x.txt", "pwned"), File(target, "pwned"));

        Assert.All(extraction.Problems, p => Assert.Equal(ArchiveEntryOutcome.Refused, p.Outcome));
        Assert.Equal(2, extraction.Problems.Count);
        Assert.Empty(FilesWritten());
        Assert.True(Directory.Exists(Destination));
    }

    [Fact]
    public async Task SymlinkOutThenAFileThroughIt_WritesNothingOutside_Cve2019_1002101()
    {
        var extraction = await ExtractAsync(Folder("tmp/up/"), Link(TarEntryType.SymbolicLink, "tmp/up/link", _base), File("tmp/up/link/evil.txt", "pwned"));

        Assert.Equal(ArchiveEntryOutcome.Refused, Problem(extraction, "tmp/up/link").Outcome);
        // The file lands inside, in a plain folder: the link was never made.
        Assert.Equal(["down/link/evil.txt"], FilesWritten());
        Assert.Null(new DirectoryInfo(Path.Combine(Destination, "link")).LinkTarget);
    }

    [Fact]
    public async Task RelativeSymlinkOut_AndAFileThroughIt_WritesNothingOutside_Cve2019_11246()
    {
        var extraction = await ExtractAsync(Folder("tmp/up/"), Folder("tmp/up/sub/"), Link(TarEntryType.SymbolicLink, "tmp/up/sub/link", "../../.."),
            File("tmp/up/sub/link/evil.txt", "pwned"), Link(TarEntryType.SymbolicLink, "tmp/up/sub/ok", "../sibling"));

        Assert.Equal(ArchiveEntryOutcome.Refused, Problem(extraction, "tmp/up/sub/link").Outcome);
        // A link that stays inside is harmless, but still not made.
        Assert.Equal(ArchiveEntryOutcome.Skipped, Problem(extraction, "tmp/up/sub/ok").Outcome);
        Assert.Equal(["down/sub/link/evil.txt"], FilesWritten());
    }

    [Fact]
    public async Task PathsThatOnlyShareTheDestinationsPrefix_AreOutside_Cve2019_11249()
    {
        // "down-evil" starts with "down", and "tmp/up-evil" with "tmp/up": as strings, not as paths.
        var extraction = await ExtractAsync(Folder("tmp/up/"), Link(TarEntryType.SymbolicLink, "tmp/up/x", "../down-evil"),
            File("tmp/up-evil/y.txt", "pwned"), Link(TarEntryType.HardLink, "tmp/up/h", "tmp/up-evil/y.txt"));

        Assert.Equal(3, extraction.Problems.Count);
        Assert.All(extraction.Problems, p => Assert.Equal(ArchiveEntryOutcome.Refused, p.Outcome));
        Assert.Empty(FilesWritten());
        Assert.False(Directory.Exists(Path.Combine(_base, "down-evil")));
    }

    [Fact]
    public async Task HardLinkOut_IsRefused_AndOneToAFileOfTheArchive_IsACopy()
    {
        var extraction = await ExtractAsync(Folder("tmp/up/"), File("tmp/up/a.txt", "shared"), Link(TarEntryType.HardLink, "tmp/up/b.txt", "tmp/up/a.txt"),
            Link(TarEntryType.HardLink, "tmp/up/passwd", "etc/passwd"), Link(TarEntryType.HardLink, "tmp/up/up", "tmp/up/../../etc/passwd"));

        Assert.Equal(2, extraction.Problems.Count);
        Assert.All(extraction.Problems, p => Assert.Equal(ArchiveEntryOutcome.Refused, p.Outcome));
        Assert.Equal("shared", await System.IO.File.ReadAllTextAsync(Path.Combine(Destination, "b.txt")));
        Assert.Equal(["down/a.txt", "down/b.txt"], FilesWritten());
    }

    [Fact]
    public async Task ALinkAlreadyOnTheWay_IsNotWrittenThrough()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_base, "outside")).FullName;
        Directory.CreateDirectory(Destination);
        Directory.CreateSymbolicLink(Path.Combine(Destination, "sneaky"), outside);

        var extraction = await ExtractAsync(Folder("tmp/up/"), File("tmp/up/sneaky/x.txt", "pwned"));

        Assert.Equal(ArchiveEntryOutcome.Refused, Problem(extraction, "tmp/up/sneaky/x.txt").Outcome);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    [Fact]
    public async Task NamesWithDotsThatAreNotDotDot_AreFine_AsInAServiceAccountFolder()
    {
        // A mounted secret: ..data is a folder, token a link into it (kubectl skips such links too).
        var extraction = await ExtractAsync(Folder("tmp/up/"), Folder("tmp/up/..data/"), File("tmp/up/..data/token", "abc"), Link(TarEntryType.SymbolicLink, "tmp/up/token", "..data/token"));

        Assert.Equal(["down/..data/token"], FilesWritten());
        var skipped = Problem(extraction, "tmp/up/token");
        Assert.Equal(ArchiveEntryOutcome.Skipped, skipped.Outcome);
        Assert.Contains("..data/token", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotATarArchive_IsInvalidData()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() =>
            SafeTarExtractor.ExtractAsync(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 1024))), "tmp/up", Destination, CancellationToken.None));
    }
}

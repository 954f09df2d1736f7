using System.Globalization;
using System.Management.Automation;
using PSKube.Client.FileCopy;
using PSKube.Client.Models;
using PSKube.Client.Transport;
using PSKube.Completers;

namespace PSKube.Commands.Files;

/// <summary>
/// Copy-KubeFile: files and folders between a container and the local disk (kubectl cp), by tar over exec. The
/// direction is never guessed from the paths alone: -FromPod or -ToPod with -Name (or pods piped in), or kubectl's
/// POD:PATH on exactly one side. Local paths are PowerShell paths, relative to the current location.
/// </summary>
[Cmdlet(VerbsCommon.Copy, "KubeFile", SupportsShouldProcess = true, DefaultParameterSetName = PodPathSet)]
[OutputType(typeof(FileInfo), typeof(DirectoryInfo), typeof(PodFileCopyResult))]
public sealed class CopyKubeFileCommand : KubeNamespacedCmdlet
{
    private const string PodPathSet = "PodPath";
    private const string FromPodSet = "FromPod";
    private const string ToPodSet = "ToPod";

    /// <summary>What to copy: a path in the container (-FromPod), a local path (-ToPod), or either written as kubectl cp takes it (POD:PATH).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Where to copy to: inside it when it is an existing folder, else the copy's new name.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = "";

    /// <summary>The pod, with -FromPod or -ToPod; piped pods bind theirs.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromPodSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, ParameterSetName = ToPodSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Pod")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>Copies -Path of the pod to the local -Destination.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromPodSet)]
    public SwitchParameter FromPod { get; set; }

    /// <summary>Copies the local -Path to -Destination in the pod.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ToPodSet)]
    public SwitchParameter ToPod { get; set; }

    /// <summary>Pods from Get-KubePod: the copy is made with each in turn, in its own namespace.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = FromPodSet)]
    [Parameter(ValueFromPipeline = true, ParameterSetName = ToPodSet)]
    public Pod? InputObject { get; set; }

    /// <summary>The container; else the pod's default container (annotation), else its first.</summary>
    [Parameter]
    [Alias("c")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContainerCompleter))]
    public string? Container { get; set; }

    /// <summary>Writes what was copied: the local file or folder (from a pod), or a summary of the copy (to a pod).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case FromPodSet:
                CopyFromPod(TargetNamespace, Name, Path, Destination);
                break;
            case ToPodSet:
                CopyToPod(TargetNamespace, Name, Path, Destination);
                break;
            default:
                CopyByPodPath();
                break;
        }
    }

    /// <summary>kubectl's form: exactly one side is POD:PATH (or NAMESPACE/POD:PATH).</summary>
    private void CopyByPodPath()
    {
        var source = PodSpec(Path);
        var destination = PodSpec(Destination);
        if (source is not null && destination is not null)
        {
            ThrowInvalidArgument(new ArgumentException("Copy-KubeFile copies between a pod and the local disk, not between two pods: make -Path or -Destination a local path."),
                "PodToPodCopy", Path);
        }
        if (source is null && destination is null)
        {
            ThrowInvalidArgument(new ArgumentException($"Name the pod: write one side as POD:PATH (Copy-KubeFile web-1:/etc/config ./config), or use -FromPod or -ToPod with -Pod."),
                "NoPodInPath", Path);
        }
        if (source is not null)
        {
            CopyFromPod(source.Namespace ?? TargetNamespace, source.Pod, source.Path, Destination);
        }
        else
        {
            CopyToPod(destination!.Namespace ?? TargetNamespace, destination.Pod, Path, destination.Path);
        }
    }

    // A PowerShell drive (C:, TestDrive:, Temp:) is a local path, though kubectl would read it as a pod.
    private PodFileSpec? PodSpec(string text) =>
        PodFileSpec.TryParse(text) is { } spec && !(spec.Namespace is null && SessionState.Drive.GetAll().Any(drive => drive.Name.Equals(spec.Pod, StringComparison.OrdinalIgnoreCase)))
            ? spec
            : null;

    private void CopyFromPod(string @namespace, string pod, string remotePath, string localDestination)
    {
        var target = Target(@namespace, pod);
        if (string.IsNullOrEmpty(remotePath))
        {
            ThrowInvalidArgument(new ArgumentException($"Name the path in pod {pod} to copy, as in {pod}:/etc/config."), "NoRemotePath", remotePath);
        }
        if (LocalPath(localDestination) is not { } local ||
            !ShouldChange(local, $"Copy {remotePath} from pod/{pod} in namespace {@namespace}"))
        {
            return;
        }
        var result = Copy(target, $"Copying {pod}:{remotePath} to {local}",
            (progress, token) => PodFileCopy.FromPodAsync(Client, @namespace, pod, Container, remotePath, local, progress, token));
        if (result is null)
        {
            return;
        }
        WriteVerbose($"Copied {Describe(result)} from {pod}:{result.Source} to {result.Destination}.");
        if (PassThru && (Directory.Exists(result.Destination) ? new DirectoryInfo(result.Destination) : (FileSystemInfo)new FileInfo(result.Destination)) is { Exists: true } item)
        {
            WriteObject(item);
        }
    }

    private void CopyToPod(string @namespace, string pod, string localPath, string remoteDestination)
    {
        var target = Target(@namespace, pod);
        if (string.IsNullOrEmpty(remoteDestination))
        {
            ThrowInvalidArgument(new ArgumentException($"Name the path in pod {pod} to copy to, as in {pod}:/tmp/."), "NoRemotePath", remoteDestination);
        }
        foreach (var local in LocalSources(localPath))
        {
            if (!ShouldChange($"pod/{pod} in namespace {@namespace}: {remoteDestination}", $"Copy {local}"))
            {
                continue;
            }
            var result = Copy(target, $"Copying {local} to {pod}:{remoteDestination}",
                (progress, token) => PodFileCopy.ToPodAsync(Client, @namespace, pod, Container, local, remoteDestination, progress, token));
            if (result is null)
            {
                continue;
            }
            WriteVerbose($"Copied {Describe(result)} from {result.Source} to {pod}:{result.Destination}.");
            if (PassThru)
            {
                WriteObject(result);
            }
        }
    }

    private static Pod Target(string @namespace, string pod) => new() { Metadata = new ObjectMeta { Name = pod, Namespace = @namespace } };

    /// <summary>Runs one copy with a progress bar; its failures become errors of the pod, and null is returned.</summary>
    private PodFileCopyResult? Copy(Pod target, string activity, Func<IProgress<FileCopyProgress>, CancellationToken, Task<PodFileCopyResult>> copy)
    {
        try
        {
            var result = AwaitWithProgress(activity, "Starting", (report, token) => copy(new ProgressText(report), token));
            WriteProblems(result.Problems);
            return result;
        }
        catch (PodFileCopyException e)
        {
            WriteProblems(e.Partial?.Problems ?? []);
            WriteError(new ErrorRecord(e, e.Failure.ToString(), CategoryOf(e.Failure), target)
            {
                ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = RecommendedAction(e.Failure) },
            });
        }
        catch (Exception e) when (e is KubeApiException or TimeoutException)
        {
            WriteApiError(e, "Pod", target);
        }
        catch (NotSupportedException e)
        {
            WriteError(new ErrorRecord(e, "ExecNotSupported", ErrorCategory.NotImplemented, target));
        }
        return null;
    }

    /// <summary>Members of the archive that were not written: an error each when refused or failed, a warning when skipped.</summary>
    private void WriteProblems(IReadOnlyList<ArchiveEntryProblem> problems)
    {
        foreach (var problem in problems)
        {
            switch (problem.Outcome)
            {
                case ArchiveEntryOutcome.Refused:
                    WriteError(new ErrorRecord(new System.Security.SecurityException(problem.Message), "UnsafeArchiveEntry", ErrorCategory.SecurityError, problem.Name)
                    {
                        ErrorDetails = new ErrorDetails(problem.Message)
                        {
                            RecommendedAction = "The container sent a path that would land outside the destination; nothing was written for it. Check what runs in that container.",
                        },
                    });
                    break;
                case ArchiveEntryOutcome.Failed:
                    WriteError(new ErrorRecord(new IOException(problem.Message), "LocalWriteFailed", ErrorCategory.WriteError, problem.Name));
                    break;
                default:
                    WriteWarning(problem.Message);
                    break;
            }
        }
    }

    /// <summary>The local files and folders -Path names (wildcards expanded); an error each for what does not exist.</summary>
    private List<string> LocalSources(string path)
    {
        try
        {
            var found = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var provider);
            if (provider.Name == "FileSystem")
            {
                return [.. found];
            }
            WriteNotFileSystem(path);
        }
        catch (ItemNotFoundException e)
        {
            WriteError(new ErrorRecord(e, nameof(PodFileCopyFailure.LocalPathNotFound), ErrorCategory.ObjectNotFound, path)
            {
                ErrorDetails = new ErrorDetails($"Cannot copy {path}: it does not exist.") { RecommendedAction = RecommendedAction(PodFileCopyFailure.LocalPathNotFound) },
            });
        }
        return [];
    }

    /// <summary>A local path resolved against PowerShell's current location (not the process's), on the file system.</summary>
    private string? LocalPath(string path)
    {
        var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
        if (provider.Name != "FileSystem")
        {
            WriteNotFileSystem(path);
            return null;
        }
        return resolved;
    }

    private void WriteNotFileSystem(string path) =>
        WriteError(new ErrorRecord(new ArgumentException($"{path} is not a file system path; Copy-KubeFile copies files and folders."), "NotAFileSystemPath", ErrorCategory.InvalidArgument, path));

    private static string Describe(PodFileCopyResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.Files} file(s) in {result.Folders} folder(s), {result.Bytes} bytes");

    private static ErrorCategory CategoryOf(PodFileCopyFailure failure) => failure switch
    {
        PodFileCopyFailure.RemotePathNotFound or PodFileCopyFailure.LocalPathNotFound => ErrorCategory.ObjectNotFound,
        PodFileCopyFailure.TarNotFound => ErrorCategory.NotInstalled,
        PodFileCopyFailure.CorruptArchive => ErrorCategory.InvalidData,
        _ => ErrorCategory.InvalidOperation,
    };

    private static string RecommendedAction(PodFileCopyFailure failure) => failure switch
    {
        PodFileCopyFailure.RemotePathNotFound => "Check the path in the container: Invoke-KubeCommand POD -- ls -l FOLDER.",
        PodFileCopyFailure.LocalPathNotFound => "Check the local path (relative paths start at the current location, Get-Location).",
        PodFileCopyFailure.TarNotFound => "Copying needs tar in the container, as kubectl cp does; for an image without it, use a debug container or an image with tar.",
        PodFileCopyFailure.CorruptArchive => "Check the tar of the container: Invoke-KubeCommand POD -- tar --help.",
        _ => "Read tar's message above; check the free space and permissions in the container.",
    };

    /// <summary>Turns the bytes moved into the progress bar's words (the pipeline thread shows the latest).</summary>
    private sealed class ProgressText(IProgress<string> report) : IProgress<FileCopyProgress>
    {
        public void Report(FileCopyProgress value) =>
            report.Report(value.TotalBytes is { } total ? $"{Size(Math.Min(value.Bytes, total))} of {Size(total)}" : $"{Size(value.Bytes)} received");

        private static string Size(long bytes) => bytes switch
        {
            >= 1 << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 30):0.0} GB"),
            >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.0} MB"),
            >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        };
    }
}

namespace PSKube.Client.FileCopy;

/// <summary>How far a copy has come: the archive bytes moved so far, and the size of the files when known (to a pod).</summary>
public readonly record struct FileCopyProgress(long Bytes, long? TotalBytes);

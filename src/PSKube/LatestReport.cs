namespace PSKube;

/// <summary>
/// Keeps only the latest progress message a client call reports from its own thread, for the pipeline thread to
/// show; reports arrive faster than a progress bar needs them.
/// </summary>
internal sealed class LatestReport(string initial) : IProgress<string>
{
    private string _value = initial;

    public string Value => Volatile.Read(ref _value);

    public void Report(string value) => Volatile.Write(ref _value, value);
}

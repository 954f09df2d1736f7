namespace PSKube.Bench;

/// <summary>The figures of one run of one side: metric name (with its unit) to value.</summary>
public sealed class Metrics : Dictionary<string, double>
{
    public Metrics()
        : base(StringComparer.Ordinal)
    {
    }

    public static Metrics From(ProcessStats stats) => new()
    {
        ["wall_ms"] = stats.WallMs,
        ["cpu_ms"] = stats.CpuMs,
        ["max_rss_mb"] = stats.MaxRssMb,
    };
}

/// <summary>One comparison of a scenario: PSKube's command against a baseline (kubectl, or pwsh alone), repetition by repetition.</summary>
public sealed class CaseResult(string name, BenchCommand pskube, BenchCommand baseline, string baselineName, IReadOnlyList<string> metrics)
{
    public string Name { get; } = name;

    public BenchCommand PSKube { get; } = pskube;

    public BenchCommand Baseline { get; } = baseline;

    /// <summary>"kubectl", or "pwsh" when the case is PSKube's cost over PowerShell's own.</summary>
    public string BaselineName { get; } = baselineName;

    /// <summary>The metrics compared, in report order; a repetition lacking one on either side leaves it out.</summary>
    public IReadOnlyList<string> Metrics { get; } = metrics;

    public List<(Metrics PSKube, Metrics Baseline)> Repetitions { get; } = [];

    public IEnumerable<MetricSummary> Summaries()
    {
        foreach (var metric in Metrics)
        {
            var pairs = Repetitions
                .Where(r => r.PSKube.ContainsKey(metric) && r.Baseline.ContainsKey(metric))
                .Select(r => (PSKube: r.PSKube[metric], Baseline: r.Baseline[metric]))
                .ToList();
            if (pairs.Count > 0)
            {
                yield return new MetricSummary(
                    metric,
                    [.. pairs.Select(p => p.PSKube)],
                    [.. pairs.Select(p => p.Baseline)],
                    [.. pairs.Select(p => p.Baseline == 0 ? double.NaN : p.PSKube / p.Baseline)]);
            }
        }
    }
}

/// <summary>One metric of a case over every repetition: the values on each side and their ratio repetition by repetition.</summary>
public sealed record MetricSummary(string Metric, IReadOnlyList<double> PSKube, IReadOnlyList<double> Baseline, IReadOnlyList<double> Ratios)
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public double RatioMin => Ratios.Where(r => !double.IsNaN(r)).DefaultIfEmpty(double.NaN).Min();

    public double RatioMedian => Median(Ratios);

    public double RatioMax => Ratios.Where(r => !double.IsNaN(r)).DefaultIfEmpty(double.NaN).Max();

    /// <summary>PSKube minus the baseline, the median over repetitions (e.g. what importing PSKube adds to pwsh's start).</summary>
    public double DifferenceMedian => Median(PSKube.Zip(Baseline, (p, b) => p - b));
}

/// <summary>A scenario: what it measures and its comparisons.</summary>
public sealed class ScenarioResult(string name, string title, string description)
{
    public string Name { get; } = name;

    public string Title { get; } = title;

    public string Description { get; } = description;

    public List<CaseResult> Cases { get; } = [];

    /// <summary>Sizes and facts of this scenario's run (pods, events...), for the report.</summary>
    public Dictionary<string, string> Facts { get; } = new(StringComparer.Ordinal);
}

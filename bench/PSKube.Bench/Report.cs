using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSKube.Bench;

/// <summary>Writes a run's results as Markdown (the table printed at the end) and as JSON (every value of every repetition).</summary>
public static class Report
{
    public static string Markdown(RunInfo run, IReadOnlyList<ScenarioResult> scenarios)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# PSKube benchmark, {run.Started:yyyy-MM-dd HH:mm} UTC"));
        text.AppendLine();
        text.AppendLine(Invariant($"{run.Machine}; {run.Pwsh}; {run.Kubectl}; PSKube {run.PSKube}; {run.Repetitions} repetitions after a warm-up (none with --smoke); load average {run.LoadBefore} before, {run.LoadAfter} after."));
        text.AppendLine("Ratios are PSKube / baseline, taken repetition by repetition (below 1: PSKube is faster or smaller); \"difference\" is PSKube minus the baseline.");
        foreach (var scenario in scenarios)
        {
            text.AppendLine();
            text.AppendLine($"## {scenario.Title} ({scenario.Name})");
            text.AppendLine();
            text.AppendLine(scenario.Description);
            if (scenario.Facts.Count > 0)
            {
                text.AppendLine();
                text.AppendLine(string.Join(", ", scenario.Facts.Select(f => $"{f.Key}: {f.Value}")) + ".");
            }
            foreach (var comparison in scenario.Cases)
            {
                text.AppendLine();
                text.AppendLine($"### {comparison.Name}");
                text.AppendLine();
                text.AppendLine($"PSKube: `{comparison.PSKube.Display}`; {comparison.BaselineName}: `{comparison.Baseline.Display}`");
                text.AppendLine();
                text.AppendLine($"| metric | PSKube median | {comparison.BaselineName} median | ratio min | ratio median | ratio max | ratio per repetition | difference median |");
                text.AppendLine("|---|--:|--:|--:|--:|--:|---|--:|");
                foreach (var summary in comparison.Summaries())
                {
                    text.AppendLine(Invariant(
                        $"| {summary.Metric} | {Number(MetricSummary.Median(summary.PSKube))} | {Number(MetricSummary.Median(summary.Baseline))} | {Ratio(summary.RatioMin)} | {Ratio(summary.RatioMedian)} | {Ratio(summary.RatioMax)} | {string.Join(' ', summary.Ratios.Select(Ratio))} | {Number(summary.DifferenceMedian)} |"));
                }
            }
        }
        return text.ToString();
    }

    public static string Json(RunInfo run, IReadOnlyList<ScenarioResult> scenarios)
    {
        var document = new JsonObject
        {
            ["started"] = run.Started.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = run.Machine,
            ["pwsh"] = run.Pwsh,
            ["kubectl"] = run.Kubectl,
            ["pskube"] = run.PSKube,
            ["repetitions"] = run.Repetitions,
            ["loadBefore"] = run.LoadBefore,
            ["loadAfter"] = run.LoadAfter,
            ["parameters"] = new JsonObject(run.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
            ["scenarios"] = new JsonArray([.. scenarios.Select(Scenario)]),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode Scenario(ScenarioResult scenario) => new JsonObject
    {
        ["name"] = scenario.Name,
        ["title"] = scenario.Title,
        ["description"] = scenario.Description,
        ["facts"] = new JsonObject(scenario.Facts.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))),
        ["cases"] = new JsonArray([.. scenario.Cases.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name,
            ["pskube"] = c.PSKube.Display,
            ["baseline"] = c.Baseline.Display,
            ["baselineName"] = c.BaselineName,
            ["summary"] = new JsonArray([.. c.Summaries().Select(s => (JsonNode)new JsonObject
            {
                ["metric"] = s.Metric,
                ["pskubeMedian"] = Value(MetricSummary.Median(s.PSKube)),
                ["baselineMedian"] = Value(MetricSummary.Median(s.Baseline)),
                ["ratioMin"] = Value(s.RatioMin),
                ["ratioMedian"] = Value(s.RatioMedian),
                ["ratioMax"] = Value(s.RatioMax),
                ["ratios"] = new JsonArray([.. s.Ratios.Select(Value)]),
                ["differenceMedian"] = Value(s.DifferenceMedian),
            })]),
            ["repetitions"] = new JsonArray([.. c.Repetitions.Select(r => (JsonNode)new JsonObject
            {
                ["pskube"] = Values(r.PSKube),
                ["baseline"] = Values(r.Baseline),
            })]),
        })]),
    };

    private static JsonObject Values(Metrics metrics) => new(metrics.Select(m => KeyValuePair.Create(m.Key, Value(m.Value))));

    private static JsonNode? Value(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 3)) : null;

    private static string Number(double value) => double.IsFinite(value)
        ? value.ToString(Math.Abs(value) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture)
        : "-";

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a run was: when, on what, with which versions and sizes.</summary>
public sealed record RunInfo(DateTime Started, string Machine, string Pwsh, string Kubectl, string PSKube, int Repetitions, string LoadBefore, IReadOnlyDictionary<string, string> Parameters)
{
    public string LoadAfter { get; set; } = "";
}

using System.Reflection;
using System.Runtime.Loader;

namespace PSKube.Module.Tests;

/// <summary>The format views: well formed, reading only properties that exist, and mirroring kubectl's columns.</summary>
public sealed class ViewsTests
{
    // Every Kubernetes kind with display properties: each has a default table, a Wide table and a list view.
    public static readonly TheoryData<string> Kinds = new(
        "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "Node", "Namespace",
        "Event", "ConfigMap", "Secret", "Endpoints", "ServiceAccount",
        "Ingress", "ResourceQuota", "PriorityClass", "PodDisruptionBudget");

    private const string LogRecordType = "PSKube.Client.Logs.KubeLogRecord";

    private static readonly string[] ClusterScoped = ["Node", "Namespace", "PriorityClass"];

    [Fact]
    public void Views_FormatFileIsValidXml()
    {
        var root = FormatFile.Load().Root!;
        Assert.Equal("Configuration", root.Name.LocalName);
        Assert.All(root.Element("ViewDefinitions")!.Elements("View"), view =>
        {
            Assert.False(string.IsNullOrWhiteSpace(view.Element("Name")?.Value));
            Assert.NotEmpty(view.Element("ViewSelectedBy")!.Elements("TypeName"));
        });
    }

    [Fact]
    public void Views_NamesAreUniquePerType()
    {
        var duplicates = FormatFile.Views()
            .GroupBy(view => (view.TypeName, view.Name))
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key.TypeName}: {group.Key.Name}");
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Views_TableHeadersMatchTheirColumns() =>
        Assert.All(FormatFile.Views().Where(view => view.Control == "TableControl"), view =>
            Assert.True(view.Headers.Count == view.Columns.Count, $"{view.TypeName} {view.Name}: {view.Headers.Count} headers, {view.Columns.Count} columns"));

    [Fact]
    public void Views_ReadOnlyPublicPropertiesOfTheirType()
    {
        using var models = new ModelMetadata();
        var missing = new List<string>();
        foreach (var view in FormatFile.Views())
        {
            // Get-KubeResource's several-kinds listing is a PowerShell type name over any KubeObject; TYPE#variant
            // (-AllNamespaces and -Watch listings, Receive-KubeLog -Timestamps' records) is one over TYPE.
            var type = models.Find(view.TypeName == "PSKube.KubeResourceListing" ? "PSKube.Client.Models.KubeObject" : view.TypeName.Split('#')[0]);
            if (type is null)
            {
                missing.Add($"{view.TypeName}: no such type in PSKube.Client.dll");
                continue;
            }

            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(view.PropertyNames.Where(name => !properties.Contains(name)).Select(name => $"{view.TypeName} {view.Name}: {name}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Views_CallNoPSKubeTypes()
    {
        // The module's assemblies load in a private context, so PowerShell cannot resolve [PSKube.*] type names.
        var calls = FormatFile.Views()
            .SelectMany(view => view.ScriptBlocks.Where(script => script.Contains("[PSKube.", StringComparison.OrdinalIgnoreCase)).Select(script => $"{view.TypeName} {view.Name}: {script}"));
        Assert.Empty(calls);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Views_EveryKindHasATableAWideTableAndAList(string kind)
    {
        var views = ViewsOf(kind);
        Assert.Equal("TableControl", views[0].Control);
        Assert.Equal("TableControl", Assert.Single(views, view => view.Name == "Wide").Control);
        Assert.Contains(views, view => view.Control == "ListControl");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Views_DefaultTableShowsKubectlsColumns(string kind)
    {
        using var printers = new PrinterColumns();
        var expected = printers.Of(kind).Where(column => column.Priority == 0).Select(column => column.Name.ToUpperInvariant());
        Assert.Equal(WithOurColumns(expected), ViewsOf(kind)[0].Headers);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Views_WideTableShowsKubectlsWideColumnsAfterTheNamespace(string kind)
    {
        using var printers = new PrinterColumns();
        var columns = WithOurColumns(printers.Of(kind).Select(column => column.Name.ToUpperInvariant()));
        var expected = ClusterScoped.Contains(kind) ? columns : columns.Prepend("NAMESPACE");
        Assert.Equal(expected, ViewsOf(kind).Single(view => view.Name == "Wide").Headers);
    }

    [Fact]
    public void Views_PodRestartsShowTheTimeSinceTheLastRestart()
    {
        var table = ViewsOf("Pod")[0];
        Assert.Equal("RestartsText", table.Columns[table.Headers.ToList().IndexOf("RESTARTS")]);
    }

    [Fact]
    public void Views_NodeStatusColumnShowsTheStatusText()
    {
        var table = ViewsOf("Node")[0];
        Assert.Equal("Status", table.Columns[table.Headers.ToList().IndexOf("STATUS")]);
    }

    [Fact]
    public void Views_PodReadyColumnShowsReadyOverAll_NotTheReadyBoolean()
    {
        var table = ViewsOf("Pod")[0];
        Assert.Equal("ReadyContainers", table.Columns[table.Headers.ToList().IndexOf("READY")]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Views_AllNamespacesTablePutsTheNamespaceFirst(string kind)
    {
        var views = FormatFile.Views().Where(view => view.TypeName == $"PSKube.Client.Models.{kind}#AllNamespaces").ToList();
        if (ClusterScoped.Contains(kind))
        {
            Assert.Empty(views);
            return;
        }
        var table = Assert.Single(views);
        var standard = ViewsOf(kind)[0];
        Assert.Equal(standard.Headers.Prepend("NAMESPACE"), table.Headers);
        Assert.Equal(standard.Columns.Prepend("Namespace"), table.Columns);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Views_WatchTablesFixEveryColumnsWidth(string kind)
    {
        // PowerShell sizes a table from its first rows unless every column has a width: a watch's later rows would be cut.
        var standard = ViewsOf(kind)[0];
        var suffixes = ClusterScoped.Contains(kind) ? ["#Watch"] : new[] { "#Watch", "#AllNamespaces#Watch" };
        foreach (var suffix in suffixes)
        {
            var table = Assert.Single(FormatFile.Views(), view => view.TypeName == $"PSKube.Client.Models.{kind}{suffix}");
            var headers = suffix.StartsWith("#AllNamespaces", StringComparison.Ordinal) ? standard.Headers.Prepend("NAMESPACE") : standard.Headers;
            Assert.Equal(headers, table.Headers);
            Assert.All(table.Element.Descendants("TableColumnHeader"), header => Assert.NotNull(header.Element("Width")));
            if (table.Headers.Contains("STATUS"))
            {
                // Wide enough for Init:CrashLoopBackOff, CreateContainerConfigError and NotReady,SchedulingDisabled.
                Assert.True(int.Parse(table.Element.Descendants("TableColumnHeader").Single(h => h.Element("Label")!.Value == "STATUS").Element("Width")!.Value, System.Globalization.CultureInfo.InvariantCulture) >= 27);
            }
        }
    }

    [Fact]
    public void Types_EveryOutputTypeHasAShortDefaultPropertySet_OfItsOwnProperties()
    {
        using var surface = new CmdletSurface();
        using var models = new ModelMetadata();
        var sets = TypesFile.DefaultDisplayPropertySets();
        var outputs = surface.Cmdlets.SelectMany(cmdlet => cmdlet.OutputTypeNames).Where(type => !type.StartsWith("System.", StringComparison.Ordinal)).Distinct();
        Assert.All(outputs, type => Assert.True(sets.ContainsKey(type), $"{type} has no DefaultDisplayPropertySet in PSKube.types.ps1xml"));
        Assert.All(sets, set =>
        {
            var properties = models.Find(set.Key)!.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
            Assert.InRange(set.Value.Count, 2, 8);
            Assert.All(set.Value, name => Assert.True(properties.Contains(name), $"{set.Key}: no property {name}"));
        });
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Types_EveryKindHasADefaultPropertySet(string kind) =>
        Assert.Contains("PSKube.Client.Models." + kind, TypesFile.DefaultDisplayPropertySets().Keys);

    // Ours besides kubectl's: when a CronJob's next job is due.
    private static IEnumerable<string> WithOurColumns(IEnumerable<string> columns) =>
        columns.SelectMany(column => column == "LAST SCHEDULE" ? [column, "NEXT RUN"] : new[] { column });

    [Fact]
    public void Views_LogRecordsPrintOneLineByDefault_AndHaveATable()
    {
        var views = FormatFile.Views().Where(view => view.TypeName == LogRecordType).ToList();
        Assert.Equal("CustomControl", views[0].Control);
        Assert.Contains("ExpressionBinding", views[0].Element.Descendants().Select(element => element.Name.LocalName));
        var table = Assert.Single(views, view => view.Name == "Table");
        Assert.Equal(["POD", "CONTAINER", "TIMESTAMP", "MESSAGE"], table.Headers);
    }

    [Fact]
    public void Views_LogRecordsWithTimestamps_ShowTheTimeByDefault()
    {
        // Receive-KubeLog -Timestamps adds this type name to each record it writes.
        var view = Assert.Single(FormatFile.Views(), view => view.TypeName == LogRecordType + "#Timestamps");
        Assert.Equal("CustomControl", view.Control);
        Assert.Contains(view.ScriptBlocks, script => script.Contains("ToLine($true)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PSKube.Client.Config.KubeContextSummary")]
    [InlineData("PSKube.Client.Models.KubeObject")]
    [InlineData("PSKube.Client.Operations.KubeVersionInfo")]
    public void Views_KeepTheOtherTypesViews(string typeName) =>
        Assert.Contains(FormatFile.Views(), view => view.TypeName == typeName);

    private static List<FormatView> ViewsOf(string kind) =>
        FormatFile.Views().Where(view => view.TypeName == "PSKube.Client.Models." + kind).ToList();

    /// <summary>PSKube.Client.dll of the module folder as metadata only, with the runtime to resolve against.</summary>
    private sealed class ModelMetadata : IDisposable
    {
        private readonly MetadataLoadContext _context;
        private readonly Assembly _client;

        public ModelMetadata()
        {
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var dependencies = Path.Combine(RepositoryPaths.ModuleFolder, "dependencies");
            _context = new MetadataLoadContext(new PathAssemblyResolver(Directory.GetFiles(runtime, "*.dll").Concat(Directory.GetFiles(dependencies, "*.dll"))));
            _client = _context.LoadFromAssemblyPath(Path.Combine(dependencies, "PSKube.Client.dll"));
        }

        public Type? Find(string fullName) => _client.GetType(fullName);

        public void Dispose() => _context.Dispose();
    }

    /// <summary>
    /// The columns the server-side Table prints for a kind (ResourcePrinters in PSKube.Client), read by loading the
    /// module's PSKube.Client.dll into a throwaway context: the views must show what kubectl shows.
    /// </summary>
    private sealed class PrinterColumns : IDisposable
    {
        private readonly AssemblyLoadContext _context = new("printers", isCollectible: true);
        private readonly MethodInfo _for;

        public PrinterColumns()
        {
            var dependencies = Path.Combine(RepositoryPaths.ModuleFolder, "dependencies");
            _context.Resolving += (context, name) =>
                File.Exists(Path.Combine(dependencies, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(dependencies, name.Name + ".dll")) : null;
            var client = _context.LoadFromAssemblyPath(Path.Combine(dependencies, "PSKube.Client.dll"));
            _for = client.GetType("PSKube.Client.Printing.ResourcePrinters", throwOnError: true)!.GetMethod("For")!;
        }

        public IReadOnlyList<(string Name, int Priority)> Of(string kind)
        {
            var printer = _for.Invoke(null, [kind]) ?? throw new InvalidOperationException($"No printer for {kind}");
            var columns = (System.Collections.IEnumerable)printer.GetType().GetProperty("Columns")!.GetValue(printer)!;
            return columns.Cast<object>()
                .Select(column => ((string)column.GetType().GetProperty("Name")!.GetValue(column)!, (int)column.GetType().GetProperty("Priority")!.GetValue(column)!))
                .ToList();
        }

        public void Dispose() => _context.Unload();
    }
}

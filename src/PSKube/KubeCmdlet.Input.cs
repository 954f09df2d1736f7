using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Queries;
using PSKube.Client.Resources;
using PSKube.Client.Validation;

namespace PSKube;

// How names and piped objects come in, the same in every cmdlet: names as typed (plain or kubectl's KIND/NAME, the
// kind checked against the command's), and piped objects of the command's kind, of a related kind
// (RelatedObjects), or refused with an error naming what does work. A pipe never widens to every object.
public abstract partial class KubeCmdlet
{
    // The Get-* command of each built-in kind that has one, for messages that say which command to use.
    private static readonly Dictionary<string, string> NounOfResource = new(StringComparer.Ordinal)
    {
        ["pods"] = "KubePod",
        ["deployments"] = "KubeDeployment",
        ["replicasets"] = "KubeReplicaSet",
        ["jobs"] = "KubeJob",
        ["cronjobs"] = "KubeCronJob",
        ["services"] = "KubeService",
        ["namespaces"] = "KubeNamespace",
        ["nodes"] = "KubeNode",
        ["events"] = "KubeEvent",
        ["ingresses"] = "KubeIngress",
        ["resourcequotas"] = "KubeQuota",
        ["priorityclasses"] = "KubePriorityClass",
        ["poddisruptionbudgets"] = "KubePodDisruptionBudget",
    };

    private HashSet<string> _typedParameters = [];

    /// <summary>Remembers which parameters were typed on the command line, before any pipeline input binds others.</summary>
    protected override void BeginProcessing() => _typedParameters = [.. MyInvocation.BoundParameters.Keys];

    /// <summary>
    /// Whether the user typed <paramref name="parameter"/> on the command line; false when only piped input bound it
    /// (an object's own Name binds -Name by property name, which must not filter what the object stands for).
    /// </summary>
    protected bool Typed(string parameter) => _typedParameters.Contains(parameter);

    /// <summary>
    /// The names in <paramref name="typed"/> that name objects of <paramref name="resource"/>: plain names and
    /// <c>KIND/NAME</c> of this kind. A name of another kind (<c>pod/x</c> given to Get-KubeDeployment) is an error for
    /// that name, naming the command that takes it; the other names still count.
    /// </summary>
    protected List<string> NamesOfKind(ResourceDefinition resource, IEnumerable<string> typed)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(typed);
        var names = new List<string>();
        foreach (var text in typed)
        {
            var (kind, name) = KindQualifiedName.Split(text);
            var named = kind is null ? resource : BuiltInResources.Find(kind);
            if (KindQualifiedName.SameType(named, resource))
            {
                if (WildcardPattern.ContainsWildcardCharacters(name) || IsValidName(resource, name))
                {
                    names.Add(name);
                }
                continue;
            }
            var message = named is null
                ? $"\"{text}\": \"{kind}\" is not a resource type {CommandName} knows; it takes {resource.Plural}: a name, or {resource.Singular}/NAME."
                : $"\"{text}\" names a {named.Singular}, but {CommandName} works on {resource.Plural}: {SuggestFor(named, name, resource)}";
            WriteError(new ErrorRecord(new ArgumentException(message), "NameOfOtherKind", ErrorCategory.InvalidArgument, text));
        }
        return names;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a valid name for objects of <paramref name="resource"/>, checked with the API
    /// server's rule before any request; else an InvalidName error for that name, the same in every command.
    /// </summary>
    protected bool IsValidName(ResourceDefinition resource, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(name);
        var errors = NameValidation.ValidateObjectName(resource.Plural, name);
        if (errors.Count > 0)
        {
            WriteInvalidName(new ArgumentException($"\"{name}\" is not a valid {resource.Singular} name: {string.Join("; ", errors)}."), name);
        }
        return errors.Count == 0;
    }

    /// <summary>Reports a name that no object can have, for that name only.</summary>
    protected void WriteInvalidName(ArgumentException error, string name) =>
        WriteError(new ErrorRecord(error, "InvalidName", ErrorCategory.InvalidArgument, name)
        {
            ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = "Correct the name: object names are lower case letters, digits, '-' and '.' (Get-KubeResource lists the names that exist)." },
        });

    /// <summary>
    /// -Kind given as kubectl's KIND/NAME (<c>deploy/web</c>), each naming one object, resolved to its resource types;
    /// empty when -Kind holds plain kinds. Mixing the two forms, or KIND/NAME with names given besides
    /// (<paramref name="namesGiven"/>: -Name, -All), stops the command before any request.
    /// </summary>
    protected List<(IReadOnlyList<ResourceDefinition> Resources, string Name)> KindQualifiedTargets(string[] kinds, bool namesGiven)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var qualified = kinds.Where(k => k.Contains('/', StringComparison.Ordinal)).ToList();
        if (qualified.Count > 0 && (qualified.Count < kinds.Length || namesGiven))
        {
            ThrowInvalidArgument(new ArgumentException("Give kinds with names (-Name, -All), or KIND/NAME pairs (deploy/web), not both."), "KindNameMixed", kinds);
        }
        var targets = new List<(IReadOnlyList<ResourceDefinition>, string)>();
        foreach (var (kind, name) in qualified.Select(KindQualifiedName.Split))
        {
            if (ResolveKinds([kind!]) is { } resources)
            {
                targets.Add((resources, name));
            }
        }
        return targets;
    }

    /// <summary>
    /// The names a record of a command acting on objects of <paramref name="resource"/> stands for: a piped object of
    /// that kind gives its own name (an object of another kind is an error naming what it pipes into); else the
    /// names as <see cref="NamesOfKind"/> reads them.
    /// </summary>
    protected List<string> NamesFor(ResourceDefinition resource, KubeObject? piped, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (piped is null)
        {
            return NamesOfKind(resource, names);
        }
        if (!RelatedObjects.IsOfKind(piped, resource))
        {
            WriteUnrelated(piped, resource, $"it takes {resource.Plural} (or their names).");
            return [];
        }
        if (Typed("Name"))
        {
            WriteError(new ErrorRecord(
                new ArgumentException($"{CommandName} got both -Name and {Describe(resource.Singular, piped.Name ?? "", null)} from the pipeline; give one or the other."),
                "NameWithInputObject", ErrorCategory.InvalidArgument, piped));
            return [];
        }
        return piped.Name is { Length: > 0 } name ? [name] : [];
    }

    /// <summary>
    /// The objects of <paramref name="resource"/> that <paramref name="piped"/> stands for; null after an error that
    /// says what the command takes and where the piped kind does pipe.
    /// </summary>
    /// <param name="defaultNamespace">The namespace of a namespaced object that carries none (New-* -DryRun output).</param>
    protected RelatedQuery? RelatedTo(KubeObject piped, ResourceDefinition resource, string? defaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(piped);
        ArgumentNullException.ThrowIfNull(resource);
        try
        {
            return RelatedObjects.Query(piped, resource, defaultNamespace);
        }
        catch (UnrelatedObjectException)
        {
            var takes = string.Join(", ", RelatedObjects.SourcesOf(resource).Select(s => $"{Article(s.Kind)} ({s.Meaning})"));
            WriteUnrelated(piped, resource, $"it takes {takes}.");
            return null;
        }
        catch (ArgumentException e)
        {
            WriteError(new ErrorRecord(e, "UnrelatedInputObject", ErrorCategory.InvalidArgument, piped));
            return null;
        }
    }

    private void WriteUnrelated(KubeObject piped, ResourceDefinition resource, string takes)
    {
        var pipesInto = string.Join(", ", RelatedObjects.TargetsOf(piped.Kind ?? "").Select(t => $"{GetCommandFor(t.Plural)} ({t.Meaning})"));
        var message = $"{CommandName} cannot use {(piped.Kind ?? "object").ToLowerInvariant()}/{piped.Name} from the pipeline: {takes}"
            + (pipesInto.Length > 0 ? $" A {piped.Kind} pipes into {pipesInto}." : "");
        WriteError(new ErrorRecord(new ArgumentException(message), "UnrelatedInputObject", ErrorCategory.InvalidArgument, piped)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = $"Pipe {resource.Plural} or a related kind into {CommandName}, or name the objects with -Name." },
        });
    }

    private string CommandName => MyInvocation.MyCommand?.Name ?? GetType().Name;

    // "use Get-KubePod x": the same verb for the other kind when the module has it, else the -Resource command.
    private string SuggestFor(ResourceDefinition named, string name, ResourceDefinition resource)
    {
        var verb = CommandName.Split('-')[0];
        if (NounOfResource.TryGetValue(named.Plural, out var noun) && InvokeCommand.GetCmdlet($"{verb}-{noun}") is not null)
        {
            return $"use {verb}-{noun} {name}.";
        }
        return InvokeCommand.GetCmdlet($"{verb}-KubeResource") is not null
            ? $"use {verb}-KubeResource {named.Plural} {name}."
            : $"it takes {resource.Singular} names only.";
    }

    private static string GetCommandFor(string plural) =>
        NounOfResource.TryGetValue(plural, out var noun) ? $"Get-{noun}"
        : plural.StartsWith("any ", StringComparison.Ordinal) ? "every Get-Kube* command of a namespaced kind"
        : $"Get-KubeResource {plural}";

    private static string Article(string kind) =>
        kind.StartsWith("any ", StringComparison.Ordinal) ? kind : ("AEIOU".Contains(kind[0], StringComparison.Ordinal) ? "an " : "a ") + kind;
}

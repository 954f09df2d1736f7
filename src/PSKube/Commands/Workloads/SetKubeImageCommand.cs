using System.Management.Automation;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Rollouts;
using PSKube.Client.Validation;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Workloads;

/// <summary>
/// Set-KubeImage: changes the images of containers (kubectl set image) in deployments, stateful sets, daemon sets,
/// replica sets, jobs, cron jobs and pods, named (<c>deploy/web</c>, or names with -Kind), selected (-Selector, -All)
/// or piped. Only the containers whose image changes are sent, as a strategic merge patch; a workload rolls out.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KubeImage", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
[OutputType(typeof(Deployment), typeof(StatefulSet), typeof(DaemonSet), typeof(ReplicaSet), typeof(PSKube.Client.Models.Job), typeof(CronJob), typeof(Pod))]
public sealed class SetKubeImageCommand : KubeNamespacedCmdlet
{
    private const string NameSet = "Name";
    private const string SelectorSet = "Selector";
    private const string AllSet = "All";

    private ContainerImages? _images;

    /// <summary>The objects: kubectl's KIND/NAME (<c>deploy/web</c>, <c>pod/web-1</c>), or names of -Kind; piped strings and objects' Name bind here.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    public string[] Name { get; set; } = [];

    /// <summary>The new images: <c>CONTAINER=IMAGE</c> pairs, <c>*=IMAGE</c> for every container (init containers too), or a hashtable (<c>@{nginx='nginx:1.27'}</c>).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [MetadataChangesTransformation]
    [ValidateNotNullOrEmpty]
    public string[] Image { get; set; } = [];

    /// <summary>The kind of plain names, -Selector and -All: deployment (the default), statefulset, daemonset, replicaset, job, cronjob or pod; short names work too.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(KindCompleter))]
    public string? Kind { get; set; }

    /// <summary>The objects of -Kind with these labels (kubectl -l).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SelectorSet)]
    [Alias("l")]
    [ValidateLabelSelector]
    [ArgumentCompleter(typeof(LabelSelectorCompleter))]
    public string? Selector { get; set; }

    /// <summary>Every object of -Kind in the namespace (kubectl --all).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>A deployment, stateful set, daemon set, replica set, job, cron job or pod from the pipeline, changed in its own namespace.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = NameSet)]
    public KubeObject? InputObject { get; set; }

    /// <summary>Why the change is made, recorded in the kubernetes.io/change-cause annotation, which Get-KubeDeploymentHistory shows for the revision it makes.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ChangeCause { get; set; }

    protected override KubeObject? PipedObject => InputObject;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        try
        {
            _images = ContainerImages.Parse(Image, nameof(Image));
        }
        catch (KubeInputException e)
        {
            ThrowInvalidArgument(e, "InvalidImage", Image);
        }
        if (Kind is not null)
        {
            KindOf(Kind);
        }
    }

    protected override void ProcessRecord()
    {
        if (InputObject is not null)
        {
            if (ResolveKindOf(InputObject) is not { } resource)
            {
                return;
            }
            if (!ContainerImages.HasPodTemplate(resource.Kind))
            {
                WriteError(new ErrorRecord(new ArgumentException($"Set-KubeImage cannot change {resource.Singular}/{InputObject.Name}: a {resource.Kind} has no containers. Pipe deployments, stateful sets, daemon sets, replica sets, jobs, cron jobs or pods."),
                    "ObjectWithoutContainers", ErrorCategory.InvalidArgument, InputObject));
                return;
            }
            if (NamesFor(resource, InputObject, []) is [var name])
            {
                Change(resource, name);
            }
            return;
        }
        if (ParameterSetName != NameSet)
        {
            var resource = KindOf(Kind ?? "deployment");
            TryApi(resource.Kind, resource.Plural, () =>
            {
                var selection = new ListOptions { LabelSelector = Selector };
                foreach (var obj in Await(token => Client.GetResourcesAsync(resource, TargetNamespace, selection, token)))
                {
                    Change(resource, obj.Name!);
                }
            });
            return;
        }
        foreach (var text in Name)
        {
            var (kind, name) = KindQualifiedName.Split(text);
            var resource = KindOf(kind ?? Kind ?? "deployment");
            if (kind is not null && Kind is not null && !KindQualifiedName.SameType(resource, KindOf(Kind)))
            {
                ThrowInvalidArgument(new ArgumentException($"\"{text}\" names a {resource.Singular} but -Kind says {KindOf(Kind).Singular}; drop one of them."), "KindNameMixed", text);
            }
            if (IsValidName(resource, name))
            {
                Change(resource, name);
            }
        }
    }

    // A kind that holds containers, known without asking the server; any other stops the command before a request.
    private ResourceDefinition KindOf(string kind)
    {
        if (BuiltInResources.Find(kind) is { } resource && ContainerImages.HasPodTemplate(resource.Kind))
        {
            return resource;
        }
        ThrowInvalidArgument(new ArgumentException($"Set-KubeImage cannot change images of \"{kind}\": use deployment (deploy), statefulset (sts), daemonset (ds), replicaset (rs), job, cronjob (cj) or pod (po)."),
            "KindWithoutContainers", kind);
        return null!;
    }

    private void Change(ResourceDefinition resource, string name)
    {
        var @namespace = TargetNamespace;
        var target = Describe(resource.Singular, name, @namespace);
        var action = "Set image " + string.Join(", ", _images!.Pairs.Select(pair => $"{pair.Key}={pair.Value}"));
        if (!ShouldChange(target, action, () => Send(resource, @namespace, name, target, new WriteOptions { DryRun = true })))
        {
            return;
        }
        Send(resource, @namespace, name, target, null);
    }

    private void Send(ResourceDefinition resource, string @namespace, string name, string target, WriteOptions? options)
    {
        TryApi(resource.Kind, name, () =>
        {
            try
            {
                var (obj, changed) = Await(token => Client.SetImagesAsync(resource, @namespace, name, _images!, ChangeCause, options, token));
                if (options?.DryRun == true)
                {
                    return;
                }
                WriteVerbose(changed ? $"{target} image updated" : $"{target} unchanged: its containers already run these images.");
                WriteObject(obj);
            }
            catch (ContainerNotFoundException e)
            {
                WriteError(new ErrorRecord(e, "ContainerNotFound", ErrorCategory.ObjectNotFound, name)
                {
                    ErrorDetails = new ErrorDetails($"{target}: {e.Message}")
                    {
                        RecommendedAction = $"Name one of its containers ({string.Join(", ", e.Existing)}), or use *=IMAGE for all of them. Nothing was changed.",
                    },
                });
            }
        });
    }
}

using PSKube.Client.Models;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// Builds the Jobs <c>kubectl create job</c> builds: from an image, or from a CronJob's job template
/// (<c>--from=cronjob/NAME</c>), after checking every option.
/// </summary>
public static class JobGenerator
{
    /// <summary>The annotation kubectl puts on a Job started by hand from a CronJob.</summary>
    public const string InstantiateAnnotation = "cronjob.kubernetes.io/instantiate";

    private const string ManualInfix = "-manual-";

    /// <summary>The Job for <paramref name="options"/>; bad input is a <see cref="KubeInputException"/>.</summary>
    public static Job Generate(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = GeneratorInput.ObjectName("jobs", options.Name, options.Parameter(nameof(JobOptions.Name)));
        var template = PodTemplate(name, options.Parameter(nameof(JobOptions.Name)), options.Image, options.Parameter(nameof(JobOptions.Image)), options.Command, options.Parameter(nameof(JobOptions.Command)), "Never");
        return new Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = GeneratorInput.Namespace(options.Namespace, options.Parameter(nameof(JobOptions.Namespace))),
            },
            Spec = new JobSpec
            {
                Completions = GeneratorInput.NotNegative(options.Completions, options.Parameter(nameof(JobOptions.Completions))),
                Parallelism = GeneratorInput.NotNegative(options.Parallelism, options.Parameter(nameof(JobOptions.Parallelism))),
                BackoffLimit = GeneratorInput.NotNegative(options.BackoffLimit, options.Parameter(nameof(JobOptions.BackoffLimit))),
                ActiveDeadlineSeconds = GeneratorInput.Positive(options.ActiveDeadlineSeconds, options.Parameter(nameof(JobOptions.ActiveDeadlineSeconds))),
                Template = template,
            },
            JobStatus = new JobStatus(),
        };
    }

    /// <summary>
    /// The Job <c>kubectl create job NAME --from=cronjob/X</c> builds: the job template's spec, labels and
    /// annotations, the <see cref="InstantiateAnnotation"/>, and the CronJob as controlling owner (without
    /// blockOwnerDeletion, as kubectl, which would otherwise need rights on cronjobs/finalizers). Without
    /// <paramref name="name"/> it is <see cref="DefaultManualJobName"/>. Its metadata names <paramref name="namespace"/>
    /// only (kubectl -n), never the CronJob's own, so the Job is created where the caller sends it (the CronJob's namespace).
    /// </summary>
    public static Job FromCronJob(CronJob cronJob, string? name = null, string? @namespace = null)
    {
        ArgumentNullException.ThrowIfNull(cronJob);
        const string Parameter = "CronJob";
        if (string.IsNullOrEmpty(cronJob.Name) || string.IsNullOrEmpty(cronJob.Metadata?.Uid) || cronJob.Spec?.JobTemplate?.Spec is null)
        {
            throw new KubeInputException(
                "The CronJob has no name, uid or job template, so it was not read from the cluster. Get it first (e.g. with Get-KubeCronJob) and pass that object.",
                Parameter);
        }

        var template = cronJob.Spec.JobTemplate;
        var jobName = GeneratorInput.ObjectName("jobs", name ?? DefaultManualJobName(cronJob.Name), "Name");
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [InstantiateAnnotation] = "manual" };
        foreach (var (key, value) in template.Metadata?.Annotations ?? [])
        {
            annotations[key] = value;
        }

        // A copy, so changing the Job never changes the CronJob object it came from; kubectl always sends the pod
        // template's metadata, if only empty.
        var spec = KubeJson.Deserialize<JobSpec>(KubeJson.Serialize(template.Spec))!;
        if (spec.Template is not null)
        {
            spec.Template.Metadata ??= new ObjectMeta();
        }

        return new Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new ObjectMeta
            {
                Name = jobName,
                Namespace = GeneratorInput.Namespace(@namespace, "Namespace"),
                Labels = template.Metadata?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : null,
                Annotations = annotations,
                OwnerReferences =
                [
                    new OwnerReference
                    {
                        ApiVersion = "batch/v1",
                        Kind = "CronJob",
                        Name = cronJob.Name,
                        Uid = cronJob.Metadata.Uid,
                        Controller = true,
                    },
                ],
            },
            Spec = spec,
            JobStatus = new JobStatus(),
        };
    }

    /// <summary>
    /// The name for a Job started by hand from a CronJob when none is given: <c>CRONJOB-manual-xxxxx</c> with 5
    /// random characters, the CronJob's name shortened when needed so the Job name fits 63 characters.
    /// </summary>
    public static string DefaultManualJobName(string cronJobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(cronJobName);
        var room = NameValidation.DnsLabelMaxLength - ManualInfix.Length - RandomSuffix.Length;
        var prefix = cronJobName.Length <= room ? cronJobName : cronJobName[..room].TrimEnd('-', '.');
        return prefix + ManualInfix + RandomSuffix.Next();
    }

    /// <summary>The pod template both kubectl create job and create cronjob build: one container named after the Job.</summary>
    internal static PodTemplateSpec PodTemplate(string name, string nameParameter, string image, string imageParameter, IReadOnlyList<string>? command, string commandParameter, string restartPolicy) =>
        new()
        {
            Metadata = new ObjectMeta(),
            Spec = new PodSpec
            {
                Containers =
                [
                    new Container
                    {
                        Name = GeneratorInput.ContainerName(name, nameParameter, "kubectl names the container after the Job"),
                        Image = GeneratorInput.Image(image, imageParameter),
                        Command = GeneratorInput.Words(command, commandParameter),
                        Resources = new ResourceRequirements(),
                    },
                ],
                RestartPolicy = restartPolicy,
            },
        };
}

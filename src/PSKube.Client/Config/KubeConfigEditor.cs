using System.Text.RegularExpressions;
using PSKube.Client.Manifests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PSKube.Client.Config;

/// <summary>
/// Edits kubeconfig files like <c>kubectl config use-context / set-context / rename-context / delete-context</c>.
/// Each edit works on the YAML of the one file that defines the context (current-context and new contexts go to
/// <see cref="KubeConfig.DefaultFile"/>, as kubectl does) and changes only what changes: every other key, unknown
/// keys and exec blocks stay as they were (comments are not kept). Each edit takes kubectl's lock on the file
/// (<see cref="KubeConfigFileLock"/>, waiting up to <c>lockTimeout</c>), re-reads the file under it and applies the
/// change to what is there now, so edits made meanwhile by kubectl or another PSKube are kept; the file is then
/// replaced atomically (a symbolic link stays and its target is written). The <see cref="KubeConfig"/> passed in
/// only says which file to edit and is not updated: load again to see the result.
/// </summary>
public static partial class KubeConfigEditor
{
    private static readonly TimeSpan KubectlReadToLockGap = TimeSpan.FromMilliseconds(100);

    /// <summary>Sets current-context, like <c>kubectl config use-context NAME</c>.</summary>
    /// <exception cref="KubeConfigLockedException">Another writer held the file's lock for all of <paramref name="lockTimeout"/>.</exception>
    public static void UseContext(KubeConfig config, string contextName, TimeSpan? lockTimeout = null, CancellationToken cancellationToken = default)
    {
        RequireContext(config, contextName);
        Edit(config.DefaultFile, new(lockTimeout, cancellationToken), root => SetScalar(root, "current-context", contextName));
    }

    /// <summary>Sets a context's default namespace, like <c>kubectl config set-context NAME --namespace=NS</c>.</summary>
    public static void SetContextNamespace(KubeConfig config, string contextName, string @namespace, TimeSpan? lockTimeout = null, CancellationToken cancellationToken = default) =>
        SetContext(config, contextName, @namespace: @namespace, lockTimeout: lockTimeout, cancellationToken: cancellationToken);

    /// <summary>
    /// Creates a context, or changes the given fields of an existing one (null leaves a field as it is), like
    /// <c>kubectl config set-context NAME [--cluster=C] [--user=U] [--namespace=NS]</c>.
    /// </summary>
    public static void SetContext(KubeConfig config, string contextName, string? cluster = null, string? user = null, string? @namespace = null, TimeSpan? lockTimeout = null, CancellationToken cancellationToken = default)
    {
        RequireName(contextName, "context");
        var fields = new[] { ("cluster", cluster), ("user", user), ("namespace", @namespace) };
        var file = config.Contexts.TryGetValue(contextName, out var existing) ? existing.File : config.DefaultFile;
        Edit(file, new(lockTimeout, cancellationToken), root =>
        {
            var item = FindNamed(root, "contexts", contextName);
            if (item is null)
            {
                item = new YamlMappingNode { { "name", Scalar(contextName) }, { "context", new YamlMappingNode() } };
                Sequence(root, "contexts").Add(item);
            }
            if (Child(item, "context") is not YamlMappingNode body)
            {
                body = new YamlMappingNode();
                SetChild(item, "context", body);
            }
            foreach (var (key, value) in fields)
            {
                if (value is not null)
                {
                    SetScalar(body, key, value);
                }
            }
        });
    }

    /// <summary>Renames a context, and current-context with it when it named the context, like <c>kubectl config rename-context OLD NEW</c>.</summary>
    public static void RenameContext(KubeConfig config, string oldName, string newName, TimeSpan? lockTimeout = null, CancellationToken cancellationToken = default)
    {
        var entry = RequireContext(config, oldName);
        RequireName(newName, "context");
        if (config.Contexts.TryGetValue(newName, out var clash))
        {
            throw new KubeConfigException($"cannot rename context \"{oldName}\" to \"{newName}\": a context with that name already exists in {clash.File}");
        }
        var moveCurrent = config.CurrentContext == oldName;
        var locking = new Locking(lockTimeout, cancellationToken);
        Edit(entry.File, locking, root =>
        {
            if (FindNamed(root, "contexts", newName) is not null)
            {
                throw new KubeConfigException($"cannot rename context \"{oldName}\" to \"{newName}\": a context with that name was added to {entry.File} meanwhile");
            }
            var item = FindNamed(root, "contexts", oldName) ?? throw RemovedMeanwhile(oldName, entry.File);
            SetScalar(item, "name", newName);
            if (moveCurrent && entry.File == config.DefaultFile)
            {
                SetScalar(root, "current-context", newName);
            }
        });
        if (moveCurrent && entry.File != config.DefaultFile)
        {
            Edit(config.DefaultFile, locking, root => SetScalar(root, "current-context", newName));
        }
    }

    /// <summary>Removes a context, like <c>kubectl config delete-context NAME</c> (current-context is left alone, as kubectl does).</summary>
    public static void DeleteContext(KubeConfig config, string contextName, TimeSpan? lockTimeout = null, CancellationToken cancellationToken = default)
    {
        var entry = RequireContext(config, contextName);
        Edit(entry.File, new(lockTimeout, cancellationToken), root =>
            Sequence(root, "contexts").Children.Remove(FindNamed(root, "contexts", contextName) ?? throw RemovedMeanwhile(contextName, entry.File)));
    }

    private static KubeConfigException RemovedMeanwhile(string contextName, string file) =>
        new($"context \"{contextName}\" was removed from {file} by another program meanwhile; Get-KubeContext lists the contexts there are now");

    private static KubeConfigEntry<KubeConfigContext> RequireContext(KubeConfig config, string contextName) =>
        config.Contexts.TryGetValue(contextName, out var entry)
            ? entry
            : throw new KubeConfigException(
                $"context \"{contextName}\" not found in {string.Join(", ", config.Files.DefaultIfEmpty(config.DefaultFile))}; available contexts: {(config.Contexts.Count == 0 ? "(none)" : string.Join(", ", config.Contexts.Keys.Order(StringComparer.Ordinal)))}");

    private static void RequireName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new KubeConfigException($"a {what} name cannot be empty");
        }
    }

    private readonly record struct Locking(TimeSpan? Timeout, CancellationToken Cancellation);

    private static void Edit(string path, Locking locking, Action<YamlMappingNode> change)
    {
        // kubectl's lock, named after the path as given (not a link's target), as kubectl names it. Everything below
        // runs under it: the file read now holds every edit other writers finished, and none can write meanwhile.
        using var fileLock = KubeConfigFileLock.Acquire(path, locking.Timeout ?? KubeConfigFileLock.DefaultTimeout, locking.Cancellation);
        // Edit the file a symbolic link points to, rather than replacing the link with a file.
        var target = File.Exists(path) ? File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path : path;
        var stream = new YamlStream();
        if (File.Exists(target))
        {
            try
            {
                var original = YamlLimits.ReadFile(target);
                // The shared reader holds the file to the size and alias limits and says where a syntax error is.
                YamlJson.Read(original);
                stream.Load(new StringReader(original));
            }
            catch (ManifestException e)
            {
                throw new KubeConfigException($"the kubeconfig file {target} is not valid: {e.Describe(target)}", e);
            }
            catch (YamlException e)
            {
                throw new KubeConfigException($"the kubeconfig file {target} is not valid: {target}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
            }
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            stream = new YamlStream(new YamlDocument(new YamlMappingNode { { "apiVersion", "v1" }, { "kind", "Config" } }));
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new KubeConfigException($"the kubeconfig file {target} does not hold a mapping at its top level; it cannot be edited");
        }
        change(root);

        using var writer = new StringWriter();
        // An unlimited width keeps long values (an installHint) on one line, as they were.
        stream.Save(new Emitter(writer, new EmitterSettings().WithBestWidth(int.MaxValue)), assignAnchors: false);
        // YamlStream closes the document with an explicit "..." marker, which kubeconfig files do not have.
        var text = writer.ToString().TrimEnd();
        text = text.EndsWith("\n...", StringComparison.Ordinal) ? text[..^"...".Length] : text + "\n";
        AtomicFile.WriteAllText(target, text);
        // This process's next command sees the edit even where the file server's clock makes the new write time look old.
        KubeConfigFileCache.Forget(path);
        KubeConfigFileCache.Forget(target);
        // kubectl reads the kubeconfig a few milliseconds before it takes the lock (more on a busy machine), and then
        // writes back every entry that differs from what it read: had this edit landed in that gap, kubectl would undo
        // it. Keeping the lock well past that gap makes such a kubectl find the lock taken and fail (asking for a
        // retry) instead. 25 ms proved too short with the machine loaded.
        locking.Cancellation.WaitHandle.WaitOne(KubectlReadToLockGap);
    }

    private static YamlMappingNode? FindNamed(YamlMappingNode root, string listKey, string name) =>
        Child(root, listKey) is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>().FirstOrDefault(item => Child(item, "name") is YamlScalarNode { Value: var value } && value == name)
            : null;

    private static YamlSequenceNode Sequence(YamlMappingNode root, string key)
    {
        if (Child(root, key) is YamlSequenceNode sequence)
        {
            return sequence;
        }
        // Absent, or `contexts: null` / `contexts:` as kubectl sometimes writes.
        sequence = new YamlSequenceNode();
        SetChild(root, key, sequence);
        return sequence;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var name } && name == key).Value;

    private static void SetChild(YamlMappingNode mapping, string key, YamlNode value)
    {
        var existing = mapping.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var name } && name == key);
        if (existing is null)
        {
            mapping.Add(key, value);
        }
        else
        {
            mapping.Children[existing] = value;
        }
    }

    private static void SetScalar(YamlMappingNode mapping, string key, string value)
    {
        if (Child(mapping, key) is YamlScalarNode scalar)
        {
            // Change the node in place so the key keeps its position and nothing else moves.
            scalar.Value = value;
            scalar.Style = StyleFor(value);
        }
        else
        {
            SetChild(mapping, key, Scalar(value));
        }
    }

    private static YamlScalarNode Scalar(string value) => new(value) { Style = StyleFor(value) };

    // kubectl reads YAML 1.1 through JSON: a plain `123`, `true` or `yes` would come back as a number or a boolean.
    private static ScalarStyle StyleFor(string value) => NonStringPlainScalar().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;

    [GeneratedRegex(@"^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0o[0-7]+|0x[0-9a-fA-F_]+|0b[01_]+)|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-5]?[0-9])+)$")]
    private static partial Regex NonStringPlainScalar();
}

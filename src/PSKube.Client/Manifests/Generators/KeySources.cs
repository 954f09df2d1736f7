using System.Text;
using PSKube.Client.Validation;

namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// Reads the keys of a ConfigMap or generic Secret from kubectl's sources, with kubectl's rules: files first (a
/// directory gives its regular files, symbolic links left out), then literals, or env files alone; every key
/// checked and given once. Messages name keys, files and lines, never values, since they may be secret.
/// </summary>
internal sealed class KeySources
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _kind;
    private readonly Func<string, string> _resolve;

    private KeySources(string kind, Func<string, string>? resolve)
    {
        _kind = kind;
        _resolve = resolve ?? Path.GetFullPath;
    }

    /// <summary>The keys whose values are text, in the order read.</summary>
    public Dictionary<string, string> Text { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys whose values are bytes: a ConfigMap's files that are not UTF-8, every file of a Secret.</summary>
    public Dictionary<string, byte[]> Binary { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads every source of <paramref name="options"/> for a <paramref name="kind"/> (ConfigMap or Secret).</summary>
    public static KeySources Read(KeyedDataOptions options, string kind, bool filesAsBytes)
    {
        var sources = new KeySources(kind, options.ResolvePath);
        var fromFile = options.Parameter(nameof(KeyedDataOptions.FromFile));
        var fromLiteral = options.Parameter(nameof(KeyedDataOptions.FromLiteral));
        var fromEnvFile = options.Parameter(nameof(KeyedDataOptions.FromEnvFile));
        var hasLiterals = options.FromLiteral is { Count: > 0 } || options.Literals is { Count: > 0 };
        if (options.FromEnvFile is { Count: > 0 } && (options.FromFile is { Count: > 0 } || hasLiterals))
        {
            var other = options.FromFile is { Count: > 0 } ? fromFile : fromLiteral;
            throw new KubeInputException(
                $"{fromEnvFile} cannot be combined with {fromFile} or {fromLiteral} (kubectl refuses it too). Put those keys in the env file, or leave {fromEnvFile} out and give them with {other}.",
                fromEnvFile);
        }

        foreach (var source in options.FromFile ?? [])
        {
            sources.AddFileSource(source, fromFile, filesAsBytes);
        }

        var position = 0;
        foreach (var entry in options.FromLiteral ?? [])
        {
            position++;
            var equals = entry?.IndexOf('=', StringComparison.Ordinal) ?? -1;
            if (entry is null || equals <= 0)
            {
                // The entry itself is not shown: it may be a secret value typed without its key.
                throw new KubeInputException(
                    $"Entry {position} of {fromLiteral} is not KEY=VALUE with a key before the first '='. Write each entry as KEY=VALUE, e.g. 'mode=fast' (the value may contain '=' and may be empty).",
                    fromLiteral);
            }

            sources.AddText(entry[..equals], entry[(equals + 1)..], fromLiteral);
        }

        foreach (var (key, value) in options.Literals ?? [])
        {
            sources.AddText(key, value ?? string.Empty, fromLiteral);
        }

        foreach (var file in options.FromEnvFile ?? [])
        {
            sources.AddEnvFile(file, fromEnvFile, options.Environment ?? System.Environment.GetEnvironmentVariable);
        }

        return sources;
    }

    /// <summary>Reads <c>--from-file</c> sources alone (docker-registry secrets); every file as bytes.</summary>
    public static KeySources ReadFiles(IEnumerable<string> fileSources, string parameter, Func<string, string>? resolve)
    {
        var sources = new KeySources("Secret", resolve);
        foreach (var source in fileSources)
        {
            sources.AddFileSource(source, parameter, filesAsBytes: true);
        }

        return sources;
    }

    /// <summary>Reads a file as typed by the user, with a message that says which parameter gave it.</summary>
    public static byte[] ReadFile(string path, string parameter, Func<string, string>? resolve)
    {
        try
        {
            return File.ReadAllBytes((resolve ?? Path.GetFullPath)(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new KubeInputException($"Cannot read '{path}' given in {parameter}: {e.Message} Check the path.", parameter, e);
        }
    }

    private void AddFileSource(string source, string parameter, bool filesAsBytes)
    {
        if (string.IsNullOrEmpty(source))
        {
            throw new KubeInputException($"{parameter} has an empty entry. Give a file, a directory, or KEY=PATH.", parameter);
        }

        string? key = null;
        var path = source;
        var equals = source.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            key = source[..equals];
            path = source[(equals + 1)..];
            if (key.Length == 0)
            {
                throw new KubeInputException($"'{source}' in {parameter} has no key before '='. Write KEY=PATH, e.g. 'app.conf=./config/app.conf', or give the path alone to use the file's name.", parameter);
            }

            if (path.Length == 0)
            {
                throw new KubeInputException($"'{source}' in {parameter} has no path after '='. Write KEY=PATH, e.g. 'app.conf=./config/app.conf'.", parameter);
            }
        }

        var full = _resolve(path);
        if (Directory.Exists(full))
        {
            if (key is not null)
            {
                throw new KubeInputException($"'{source}' gives a key for the directory '{path}', which has one key per file. Give the directory alone in {parameter}, or KEY=PATH for a single file.", parameter);
            }

            // Regular files only, as kubectl: symbolic links and subdirectories are left out.
            var files = new DirectoryInfo(full).EnumerateFiles()
                .Where(file => file.LinkTarget is null)
                .OrderBy(file => file.Name, StringComparer.Ordinal);
            foreach (var file in files)
            {
                AddFile(file.Name, file.FullName, Path.Combine(path, file.Name), parameter, filesAsBytes);
            }

            return;
        }

        AddFile(key ?? Path.GetFileName(full), full, path, parameter, filesAsBytes);
    }

    private void AddFile(string key, string fullPath, string typedPath, string parameter, bool filesAsBytes)
    {
        CheckKey(key, parameter, $" (from the file '{typedPath}'; give KEY=PATH to choose the key)");
        var bytes = ReadFile(fullPath, parameter, path => path);
        string? text = null;
        if (!filesAsBytes)
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8: a ConfigMap keeps it in binaryData, as kubectl does.
            }
        }

        if (text is null)
        {
            Binary[key] = bytes;
        }
        else
        {
            Text[key] = text;
        }
    }

    private void AddText(string key, string value, string parameter)
    {
        CheckKey(key, parameter, string.Empty);
        Text[key] = value;
    }

    private void CheckKey(string key, string parameter, string origin)
    {
        var errors = ValidateKey(key);
        if (errors.Count > 0)
        {
            throw new KubeInputException(
                $"'{key}'{origin} is not a valid key for a {_kind}: {string.Join("; ", errors)}. Use letters, digits, '-', '_' or '.', e.g. 'app.properties' or 'DB_PASSWORD'.",
                parameter);
        }

        if (Text.ContainsKey(key) || Binary.ContainsKey(key))
        {
            throw new KubeInputException(
                $"The key '{key}'{origin} is given more than once. Give each key once; with {parameter} a file can take another key as KEY=PATH.",
                parameter);
        }
    }

    // kubectl's env files: UTF-8 lines; a BOM at the start is dropped; leading white space is ignored; blank lines and
    // lines starting with '#' are skipped; KEY=VALUE keeps the value as written (trailing spaces too); a KEY without
    // '=' takes the environment's value (empty when unset).
    private void AddEnvFile(string file, string parameter, Func<string, string?> environment)
    {
        var full = _resolve(file);
        if (Directory.Exists(full))
        {
            throw new KubeInputException($"'{file}' in {parameter} is a directory. Give an env file of KEY=VALUE lines.", parameter);
        }

        var bytes = ReadFile(full, parameter, path => path);
        var lines = Lines(bytes);
        for (var number = 1; number <= lines.Count; number++)
        {
            string line;
            try
            {
                line = StrictUtf8.GetString(lines[number - 1]);
            }
            catch (DecoderFallbackException)
            {
                throw new KubeInputException($"Line {number} of the env file '{file}' is not UTF-8 text. Save the file as UTF-8.", parameter);
            }

            if (number == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            line = line.TrimStart();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? line : line[..equals];
            var errors = NameValidation.ValidateEnvVarName(key);
            if (errors.Count > 0)
            {
                throw new KubeInputException(
                    $"'{key}' on line {number} of the env file '{file}' is not a valid variable name: {string.Join("; ", errors)}. Write each line as KEY=VALUE with no space before '=', e.g. 'LOG_LEVEL=debug'.",
                    parameter);
            }

            AddText(key, equals < 0 ? environment(key) ?? string.Empty : line[(equals + 1)..], parameter);
        }
    }

    // Lines as Go's bufio.ScanLines cuts them: at '\n', one '\r' before it dropped, no empty line after a final '\n'.
    private static List<byte[]> Lines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var next = end < 0 ? bytes.Length : end + 1;
            var length = (end < 0 ? bytes.Length : end) - start;
            if (length > 0 && bytes[start + length - 1] == '\r')
            {
                length--;
            }

            lines.Add(bytes.AsSpan(start, length).ToArray());
            start = next;
        }

        return lines;
    }

    /// <summary>The API server's rule for ConfigMap and Secret keys (apimachinery's IsConfigMapKey).</summary>
    public static IReadOnlyList<string> ValidateKey(string key)
    {
        var errors = new List<string>();
        if (key.Length > NameValidation.Dns1123SubdomainMaxLength)
        {
            errors.Add($"must be no more than {NameValidation.Dns1123SubdomainMaxLength} characters");
        }

        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("a valid config key must consist of alphanumeric characters, '-', '_' or '.'");
        }

        if (key is "." or "..")
        {
            errors.Add($"must not be '{key}'");
        }
        else if (key.StartsWith("..", StringComparison.Ordinal))
        {
            errors.Add("must not start with '..'");
        }

        return errors;
    }
}

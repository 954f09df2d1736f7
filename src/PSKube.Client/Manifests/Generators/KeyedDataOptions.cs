namespace PSKube.Client.Manifests.Generators;

/// <summary>
/// What <c>kubectl create configmap</c> and <c>kubectl create secret generic</c> share: the name and where the keys
/// come from (<c>--from-literal</c>, <c>--from-file</c>, <c>--from-env-file</c>), and <c>--append-hash</c>.
/// </summary>
public abstract record KeyedDataOptions : GeneratorOptions
{
    /// <summary>The object's name (before any hash suffix).</summary>
    public required string Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>kubectl's <c>--from-literal</c> entries, <c>KEY=VALUE</c> text split at the first '='.</summary>
    public IReadOnlyList<string>? FromLiteral { get; init; }

    /// <summary>Literal keys and values given as pairs (a hashtable), checked as <see cref="FromLiteral"/> entries are.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Literals { get; init; }

    /// <summary>kubectl's <c>--from-file</c> entries: a file (key: its name), <c>KEY=PATH</c>, or a directory (every regular file in it).</summary>
    public IReadOnlyList<string>? FromFile { get; init; }

    /// <summary>kubectl's <c>--from-env-file</c> files of <c>KEY=VALUE</c> lines; they cannot be combined with the other sources.</summary>
    public IReadOnlyList<string>? FromEnvFile { get; init; }

    /// <summary>Append kubectl's hash of the content to the name (<c>--append-hash</c>), so a changed content gets a new name.</summary>
    public bool AppendHash { get; init; }

    /// <summary>Makes a path as typed absolute (a shell's current directory); null uses the process's.</summary>
    public Func<string, string>? ResolvePath { get; init; }

    /// <summary>Reads an environment variable, for env-file lines without '='; null reads the process's environment.</summary>
    public Func<string, string?>? Environment { get; init; }
}

/// <summary>What <c>kubectl create configmap NAME</c> takes.</summary>
public sealed record ConfigMapOptions : KeyedDataOptions;

/// <summary>What <c>kubectl create secret generic NAME</c> takes.</summary>
public sealed record SecretOptions : KeyedDataOptions
{
    /// <summary>The secret's type (<c>--type</c>); null leaves it out, so the server sets Opaque.</summary>
    public string? Type { get; init; }
}

/// <summary>What <c>kubectl create secret tls NAME --cert C --key K</c> takes.</summary>
public sealed record TlsSecretOptions : GeneratorOptions
{
    /// <summary>The secret's name (before any hash suffix).</summary>
    public required string Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>The PEM file of the certificate (chain).</summary>
    public required string Certificate { get; init; }

    /// <summary>The PEM file of the certificate's private key.</summary>
    public required string Key { get; init; }

    /// <summary>Append kubectl's hash of the content to the name (<c>--append-hash</c>).</summary>
    public bool AppendHash { get; init; }

    /// <summary>Makes a path as typed absolute; null uses the process's current directory.</summary>
    public Func<string, string>? ResolvePath { get; init; }
}

/// <summary>What <c>kubectl create secret docker-registry NAME</c> takes.</summary>
public sealed record DockerRegistrySecretOptions : GeneratorOptions
{
    /// <summary>The registry Docker Hub answers on, kubectl's default for <c>--docker-server</c>.</summary>
    public const string DockerHub = "https://index.docker.io/v1/";

    /// <summary>The secret's name (before any hash suffix).</summary>
    public required string Name { get; init; }

    /// <summary>The namespace to set in metadata (<c>-n</c>); null leaves it to the client's context.</summary>
    public string? Namespace { get; init; }

    /// <summary>The registry's address (<c>--docker-server</c>); null means Docker Hub.</summary>
    public string? Server { get; init; }

    /// <summary>The user name (<c>--docker-username</c>).</summary>
    public string? Username { get; init; }

    /// <summary>The password or token (<c>--docker-password</c>).</summary>
    public string? Password { get; init; }

    /// <summary>The e-mail address (<c>--docker-email</c>), left out when null or empty.</summary>
    public string? Email { get; init; }

    /// <summary>Docker config files (<c>--from-file</c>): a file is stored as .dockerconfigjson, <c>KEY=PATH</c> under KEY.</summary>
    public IReadOnlyList<string>? FromFile { get; init; }

    /// <summary>Append kubectl's hash of the content to the name (<c>--append-hash</c>).</summary>
    public bool AppendHash { get; init; }

    /// <summary>Makes a path as typed absolute; null uses the process's current directory.</summary>
    public Func<string, string>? ResolvePath { get; init; }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSKube.Client.Config;

namespace PSKube.Client.Auth;

/// <summary>
/// Credentials from an exec plugin (client.authentication.k8s.io/v1 or v1beta1), following client-go: the command
/// runs with its args as a list, its env added to the inherited environment and KUBERNETES_EXEC_INFO describing
/// the request; its ExecCredential answer (a token and/or a client certificate) is cached until
/// <c>status.expirationTimestamp</c> and fetched again after a 401. Only one run happens at a time.
/// </summary>
public sealed class ExecCredentials : IKubeCredentials
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";
    public const string ExecInfoVariable = "KUBERNETES_EXEC_INFO";

    private const int StandardErrorLimit = 2000;

    private readonly KubeConfigExec _exec;
    private readonly string _owner;
    private readonly JsonObject? _clusterInfo;
    private readonly bool _allowInteractive;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ExecCredential? _cached;
    private int _generation;

    /// <param name="exec">The kubeconfig's exec block (command already resolved against the kubeconfig's folder).</param>
    /// <param name="owner">Who the plugin serves, for error messages (e.g. <c>user "dev" (in /home/me/.kube/config)</c>).</param>
    /// <param name="clusterInfo">The <c>spec.cluster</c> object passed when the plugin asks for provideClusterInfo.</param>
    /// <param name="allowInteractive">Whether the plugin may use the terminal (stdin is passed through). PSKube runs non-interactively by default.</param>
    /// <param name="timeProvider">The clock that decides expiry; the system clock by default.</param>
    public ExecCredentials(KubeConfigExec exec, string owner, JsonObject? clusterInfo = null, bool allowInteractive = false, TimeProvider? timeProvider = null)
    {
        _exec = exec;
        _owner = owner;
        _clusterInfo = exec.ProvideClusterInfo ? clusterInfo : null;
        _allowInteractive = allowInteractive;
        _time = timeProvider ?? TimeProvider.System;
        if (string.IsNullOrEmpty(exec.Command))
        {
            throw new KubeConfigException($"the exec plugin of {owner} has no command");
        }
        if (exec.ApiVersion is not (V1 or V1Beta1))
        {
            throw new KubeConfigException(
                $"the exec plugin of {owner} has apiVersion \"{exec.ApiVersion}\"; use {V1} or {V1Beta1} (v1alpha1 was removed in Kubernetes 1.24; update the plugin and its kubeconfig entry)");
        }
        if (exec.Env.FirstOrDefault(e => string.IsNullOrEmpty(e.Name)) is not null)
        {
            throw new KubeConfigException($"the exec plugin of {owner} has an env entry without a name");
        }
        InteractiveMode = ParseInteractiveMode(exec, owner);
        CacheKey = "exec:" + SecretHash.Of([exec.ApiVersion, exec.Command, .. exec.Args, .. exec.Env.SelectMany(e => new[] { e.Name, e.Value })]);
    }

    public ExecInteractiveMode InteractiveMode { get; }

    /// <summary>The certificate of the last answer, if the plugin returned one.</summary>
    public X509Certificate2? ClientCertificate => Volatile.Read(ref _cached)?.Certificate;

    public string CacheKey { get; }

    /// <summary>When the cached answer expires, or null when it has none (or nothing is cached).</summary>
    public DateTimeOffset? Expiration => Volatile.Read(ref _cached)?.Expiration;

    public async ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // As in client-go, a header someone set explicitly (a token given on the command line) wins.
        if (request.Headers.Authorization is not null)
        {
            return;
        }
        var credential = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (credential.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential.Token);
        }
    }

    /// <summary>Runs the plugin again (once for a burst of concurrent 401s). Throws <see cref="KubeAuthException"/> when it fails.</summary>
    public async ValueTask<bool> RefreshAfterUnauthorizedAsync(CancellationToken cancellationToken)
    {
        var seen = Volatile.Read(ref _generation);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _generation) != seen)
            {
                return true;
            }
            Store(await RunAsync(cancellationToken).ConfigureAwait(false));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override string ToString() => $"exec plugin {_exec.Command}";

    private async ValueTask<ExecCredential> GetAsync(CancellationToken cancellationToken)
    {
        if (Usable(Volatile.Read(ref _cached)) is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Usable(_cached) ?? Store(await RunAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    private ExecCredential? Usable(ExecCredential? credential) =>
        credential is not null && (credential.Expiration is not { } expiration || _time.GetUtcNow() < expiration) ? credential : null;

    private ExecCredential Store(ExecCredential credential)
    {
        Volatile.Write(ref _cached, credential);
        Interlocked.Increment(ref _generation);
        return credential;
    }

    private async Task<ExecCredential> RunAsync(CancellationToken cancellationToken)
    {
        var interactive = _allowInteractive && InteractiveMode != ExecInteractiveMode.Never;
        if (InteractiveMode == ExecInteractiveMode.Always && !interactive)
        {
            throw new KubeAuthException(
                $"the exec plugin {_exec.Command} of {_owner} needs a terminal (interactiveMode: Always), but PSKube runs it non-interactively; log in with the plugin first or allow interactive exec plugins");
        }
        var start = new ProcessStartInfo(_exec.Command!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = !interactive,
        };
        foreach (var argument in _exec.Args)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var variable in _exec.Env)
        {
            start.Environment[variable.Name!] = variable.Value ?? "";
        }
        start.Environment[ExecInfoVariable] = ExecInfo(interactive);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new KubeAuthException($"the exec plugin {_exec.Command} of {_owner} did not start");
        }
        catch (Win32Exception e)
        {
            var hint = string.IsNullOrWhiteSpace(_exec.InstallHint) ? "" : $"{Environment.NewLine}{Environment.NewLine}{_exec.InstallHint.Trim()}";
            throw new KubeAuthException($"the exec plugin {_exec.Command} of {_owner} could not be run (not found or not executable): {e.Message}{hint}", e);
        }

        using (process)
        {
            if (!interactive)
            {
                // The plugin sees end-of-input rather than waiting for a user who is not there.
                process.StandardInput.Close();
            }
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var standardOutput = await output.ConfigureAwait(false);
            var standardError = (await errors.ConfigureAwait(false)).Trim();
            if (process.ExitCode != 0)
            {
                // stderr is the plugin's message to the user; stdout is never shown since it may hold a token.
                var detail = standardError.Length == 0 ? "" : ": " + (standardError.Length > StandardErrorLimit ? standardError[..StandardErrorLimit] + "..." : standardError);
                throw new KubeAuthException($"the exec plugin {_exec.Command} of {_owner} failed with exit code {process.ExitCode}{detail}");
            }
            return Parse(standardOutput);
        }
    }

    private string ExecInfo(bool interactive)
    {
        var spec = new JsonObject { ["interactive"] = interactive };
        if (_clusterInfo is not null)
        {
            spec["cluster"] = _clusterInfo.DeepClone();
        }
        return new JsonObject { ["apiVersion"] = _exec.ApiVersion, ["kind"] = "ExecCredential", ["spec"] = spec }.ToJsonString();
    }

    private ExecCredential Parse(string output)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(output);
        }
        catch (JsonException)
        {
            throw Failure("printed something that is not an ExecCredential JSON object");
        }
        if (root is not JsonObject answer)
        {
            throw Failure("printed something that is not an ExecCredential JSON object");
        }
        var apiVersion = Text(answer, "apiVersion");
        if (apiVersion != _exec.ApiVersion)
        {
            throw Failure($"is configured to use API version {_exec.ApiVersion}, but returned version {apiVersion ?? "(none)"}");
        }
        if (Text(answer, "kind") != "ExecCredential")
        {
            throw Failure("returned an object whose kind is not ExecCredential");
        }
        if (answer["status"] is not JsonObject status)
        {
            throw Failure("didn't return a status field");
        }
        var token = Text(status, "token");
        var certificate = Text(status, "clientCertificateData");
        var key = Text(status, "clientKeyData");
        if (token is null && certificate is null && key is null)
        {
            throw Failure("didn't return a token or cert/key pair");
        }
        if ((certificate is null) != (key is null))
        {
            throw Failure("returned only certificate or key, not both");
        }
        DateTimeOffset? expiration = null;
        if (Text(status, "expirationTimestamp") is { } timestamp)
        {
            if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw Failure($"returned an expirationTimestamp that is not an RFC 3339 time: {timestamp}");
            }
            expiration = parsed;
        }
        X509Certificate2? clientCertificate = null;
        if (certificate is not null && key is not null)
        {
            try
            {
                clientCertificate = PemCertificate.Load(certificate, key);
            }
            catch (CryptographicException e)
            {
                throw new KubeAuthException($"the exec plugin {_exec.Command} of {_owner} returned a client certificate or key that cannot be read: {e.Message}", e);
            }
        }
        return new ExecCredential(token, clientCertificate, expiration);
    }

    private KubeAuthException Failure(string problem) => new($"the exec plugin {_exec.Command} of {_owner} {problem}");

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static ExecInteractiveMode ParseInteractiveMode(KubeConfigExec exec, string owner)
    {
        if (string.IsNullOrEmpty(exec.InteractiveMode))
        {
            return exec.ApiVersion == V1
                ? throw new KubeConfigException($"the exec plugin of {owner} has no interactiveMode, which {V1} requires; set it to Never, IfAvailable or Always")
                : ExecInteractiveMode.IfAvailable;
        }
        return exec.InteractiveMode switch
        {
            nameof(ExecInteractiveMode.Never) => ExecInteractiveMode.Never,
            nameof(ExecInteractiveMode.IfAvailable) => ExecInteractiveMode.IfAvailable,
            nameof(ExecInteractiveMode.Always) => ExecInteractiveMode.Always,
            _ => throw new KubeConfigException($"the exec plugin of {owner} has interactiveMode \"{exec.InteractiveMode}\"; use Never, IfAvailable or Always"),
        };
    }

    private sealed record ExecCredential(string? Token, X509Certificate2? Certificate, DateTimeOffset? Expiration)
    {
        public override string ToString() => $"ExecCredential {{ Token = {(Token is null ? "none" : "<hidden>")}, Certificate = {Certificate?.Subject}, Expiration = {Expiration} }}";
    }
}

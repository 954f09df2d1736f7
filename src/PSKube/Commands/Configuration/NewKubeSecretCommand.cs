using System.Management.Automation;
using System.Security;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;
using PSKube.Validation;

namespace PSKube.Commands.Configuration;

/// <summary>
/// New-KubeSecret: a generic Secret from literals (text or SecureString), files or env files (kubectl create secret
/// generic), a TLS secret with -Tls, or a registry secret with -DockerRegistry; kubectl's --append-hash.
/// Values never appear in messages, -Verbose or -WhatIf.
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeSecret", SupportsShouldProcess = true, DefaultParameterSetName = GenericSet)]
[OutputType(typeof(Secret))]
public sealed class NewKubeSecretCommand : NewKubeObjectCmdlet<Secret>
{
    private const string GenericSet = "Generic";
    private const string TlsSet = "Tls";
    private const string DockerRegistrySet = "DockerRegistry";

    /// <summary>The Secret's name (with -AppendHash, before the hash).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>Keys and values: KEY=VALUE text (kubectl --from-literal), or a hashtable whose values are text or SecureString.</summary>
    [Parameter(ParameterSetName = GenericSet)]
    public object[]? FromLiteral { get; set; }

    /// <summary>Files (key: the file's name), KEY=PATH, or directories; with -DockerRegistry, docker config files.</summary>
    [Parameter(ParameterSetName = GenericSet)]
    [Parameter(ParameterSetName = DockerRegistrySet)]
    public string[]? FromFile { get; set; }

    /// <summary>Env files of KEY=VALUE lines (kubectl --from-env-file); not with -FromFile or -FromLiteral.</summary>
    [Parameter(ParameterSetName = GenericSet)]
    public string[]? FromEnvFile { get; set; }

    /// <summary>The secret's type (kubectl --type); the server's Opaque when omitted.</summary>
    [Parameter(ParameterSetName = GenericSet)]
    public string? Type { get; set; }

    /// <summary>Make a TLS secret (kubectl create secret tls) from -Certificate and -Key.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TlsSet)]
    public SwitchParameter Tls { get; set; }

    /// <summary>The PEM file of the certificate (chain), stored as tls.crt.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TlsSet)]
    [Alias("Cert")]
    public string Certificate { get; set; } = "";

    /// <summary>The PEM file of the certificate's private key, stored as tls.key; it must belong to the certificate.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TlsSet)]
    public string Key { get; set; } = "";

    /// <summary>Make a registry secret (kubectl create secret docker-registry) for pulling images.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DockerRegistrySet)]
    public SwitchParameter DockerRegistry { get; set; }

    /// <summary>The registry's address; Docker Hub (https://index.docker.io/v1/) when omitted.</summary>
    [Parameter(ParameterSetName = DockerRegistrySet)]
    public string? DockerServer { get; set; }

    /// <summary>The registry user name.</summary>
    [Parameter(ParameterSetName = DockerRegistrySet)]
    public string? DockerUsername { get; set; }

    /// <summary>The registry password or token: a SecureString (Read-Host -AsSecureString), or text.</summary>
    [Parameter(ParameterSetName = DockerRegistrySet)]
    [SecureTextTransformation]
    public SecureString? DockerPassword { get; set; }

    /// <summary>The e-mail address stored with the registry credentials.</summary>
    [Parameter(ParameterSetName = DockerRegistrySet)]
    public string? DockerEmail { get; set; }

    /// <summary>Append a hash of the content to the name (kubectl --append-hash), so changed content makes a new Secret.</summary>
    [Parameter]
    public SwitchParameter AppendHash { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("secrets")!;

    protected override Secret Build()
    {
        if (Tls)
        {
            return SecretGenerator.Tls(new TlsSecretOptions
            {
                Name = Name,
                Namespace = ExplicitNamespace,
                Certificate = Certificate,
                Key = Key,
                AppendHash = AppendHash,
                ResolvePath = GetUnresolvedProviderPathFromPSPath,
                ParameterNames = ParameterNames(),
            });
        }

        if (DockerRegistry)
        {
            return SecretGenerator.DockerRegistry(new DockerRegistrySecretOptions
            {
                Name = Name,
                Namespace = ExplicitNamespace,
                Server = DockerServer,
                Username = DockerUsername,
                Password = LiteralInput.Plain(DockerPassword),
                Email = DockerEmail,
                FromFile = FromFile,
                AppendHash = AppendHash,
                ResolvePath = GetUnresolvedProviderPathFromPSPath,
                ParameterNames = ParameterNames(
                    (nameof(DockerRegistrySecretOptions.Server), nameof(DockerServer)),
                    (nameof(DockerRegistrySecretOptions.Username), nameof(DockerUsername)),
                    (nameof(DockerRegistrySecretOptions.Password), nameof(DockerPassword)),
                    (nameof(DockerRegistrySecretOptions.Email), nameof(DockerEmail))),
            });
        }

        var (entries, pairs) = LiteralInput.Split(FromLiteral);
        return SecretGenerator.Generic(new SecretOptions
        {
            Name = Name,
            Namespace = ExplicitNamespace,
            FromLiteral = entries,
            Literals = pairs,
            FromFile = FromFile,
            FromEnvFile = FromEnvFile,
            Type = Type,
            AppendHash = AppendHash,
            ResolvePath = GetUnresolvedProviderPathFromPSPath,
            ParameterNames = ParameterNames(),
        });
    }
}

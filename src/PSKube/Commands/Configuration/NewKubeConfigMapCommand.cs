using System.Management.Automation;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Resources;
using PSKube.Commands.Common;

namespace PSKube.Commands.Configuration;

/// <summary>
/// New-KubeConfigMap: a ConfigMap from literals, files, directories or env files (kubectl create configmap), with
/// kubectl's --append-hash; files that are not UTF-8 text go to binaryData, as kubectl puts them.
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeConfigMap", SupportsShouldProcess = true)]
[OutputType(typeof(ConfigMap))]
public sealed class NewKubeConfigMapCommand : NewKubeObjectCmdlet<ConfigMap>
{
    /// <summary>The ConfigMap's name (with -AppendHash, before the hash).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public string Name { get; set; } = "";

    /// <summary>Keys and values: KEY=VALUE text (kubectl --from-literal), or a hashtable.</summary>
    [Parameter]
    public object[]? FromLiteral { get; set; }

    /// <summary>Files (key: the file's name), KEY=PATH, or directories (one key per regular file in it).</summary>
    [Parameter]
    public string[]? FromFile { get; set; }

    /// <summary>Env files of KEY=VALUE lines (kubectl --from-env-file); not with -FromFile or -FromLiteral.</summary>
    [Parameter]
    public string[]? FromEnvFile { get; set; }

    /// <summary>Append a hash of the content to the name (kubectl --append-hash), so changed content makes a new ConfigMap.</summary>
    [Parameter]
    public SwitchParameter AppendHash { get; set; }

    protected override ResourceDefinition Resource => BuiltInResources.Find("configmaps")!;

    protected override ConfigMap Build()
    {
        var (entries, pairs) = LiteralInput.Split(FromLiteral);
        return ConfigMapGenerator.Generate(new ConfigMapOptions
        {
            Name = Name,
            Namespace = ExplicitNamespace,
            FromLiteral = entries,
            Literals = pairs,
            FromFile = FromFile,
            FromEnvFile = FromEnvFile,
            AppendHash = AppendHash,
            ResolvePath = GetUnresolvedProviderPathFromPSPath,
            ParameterNames = ParameterNames(),
        });
    }
}

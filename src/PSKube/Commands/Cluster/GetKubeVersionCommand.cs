using System.Management.Automation;
using PSKube.Client.Operations;

namespace PSKube.Commands.Cluster;

/// <summary>Get-KubeVersion: the client and server versions (kubectl version).</summary>
[Cmdlet(VerbsCommon.Get, "KubeVersion")]
[OutputType(typeof(KubeVersionInfo))]
public sealed class GetKubeVersionCommand : KubeCmdlet
{
    protected override void EndProcessing()
    {
        TryApi("Version", Client.Context.ContextName, () =>
        {
            var server = Await(Client.GetServerVersionAsync);
            var clientVersion = typeof(KubeCmdlet).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            WriteObject(new KubeVersionInfo(clientVersion, server.GitVersion, server.Platform, Client.Context.ContextName, server));
        });
    }
}

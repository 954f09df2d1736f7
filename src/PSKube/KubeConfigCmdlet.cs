using System.Management.Automation;
using PSKube.Client;
using PSKube.Client.Config;

namespace PSKube;

/// <summary>The base of cmdlets that read or edit the kubeconfig itself (contexts), with the -KubeConfig parameter.</summary>
public abstract class KubeConfigCmdlet : PSCmdlet
{
    // PowerShell creates a command before binding its parameters: the session's first one starts the warm-up of what
    // it will need (kubeconfig, certificate store, decoding), which then runs beside binding, the kubeconfig read and
    // the connection. Importing the module alone starts nothing.
    protected KubeConfigCmdlet() => KubeWarmUp.Start();

    /// <summary>The kubeconfig file to use instead of $env:KUBECONFIG or ~/.kube/config.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KubeConfig { get; set; }

    /// <summary>The kubeconfig path given with -KubeConfig, resolved against PowerShell's current location.</summary>
    protected string? KubeConfigPath => KubeConfig is null ? null : GetUnresolvedProviderPathFromPSPath(KubeConfig);

    /// <summary>The merged kubeconfig; a missing or broken one stops the command with a message that says what to do.</summary>
    protected KubeConfig LoadKubeConfig()
    {
        try
        {
            return PSKube.Client.Config.KubeConfig.Load(KubeConfigPath);
        }
        catch (KubeConfigException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "KubeConfigUnusable", ErrorCategory.InvalidOperation, KubeConfigPath));
            throw;
        }
    }

    /// <summary>Reports a kubeconfig edit that failed (unknown context...) as a non-terminating error.</summary>
    protected void WriteConfigError(KubeConfigException error, string errorId, object? target) =>
        WriteError(new ErrorRecord(error, errorId, ErrorCategory.ObjectNotFound, target));

    /// <summary>Reports that another writer (kubectl, another PSKube) held the kubeconfig's lock file for the whole wait.</summary>
    protected void WriteLockedError(KubeConfigLockedException error) =>
        WriteError(new ErrorRecord(error, "KubeConfigLocked", ErrorCategory.ResourceBusy, error.KubeconfigPath));
}

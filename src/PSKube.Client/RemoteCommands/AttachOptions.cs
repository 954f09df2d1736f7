using PSKube.Client.Logs;
using PSKube.Client.Models;

namespace PSKube.Client.RemoteCommands;

/// <summary>How kubectl attach -it connects: to the container named (else the default one), with stdin and a terminal only where the container's spec asks for them.</summary>
public static class AttachOptions
{
    /// <exception cref="InvalidOperationException">The pod has no such container.</exception>
    public static RemoteCommandOptions For(Pod pod, string? container)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var name = PodContainers.Select(pod, container, all: false)[0];
        var spec = pod.Spec?.Containers?.FirstOrDefault(c => c.Name == name);
        return new RemoteCommandOptions { Container = name, Stdin = spec?.Stdin == true, Tty = spec?.Tty == true && spec.Stdin == true };
    }
}

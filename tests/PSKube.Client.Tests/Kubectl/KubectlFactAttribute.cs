namespace PSKube.Client.Tests.Kubectl;

/// <summary>
/// A test that runs the real kubectl. It is skipped where kubectl is not on PATH, unless PSKUBE_REQUIRE_KUBECTL=1
/// (as in CI), where it runs and fails instead.
/// </summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (KubectlRunner.ExecutablePath is null && !KubectlRunner.Required)
        {
            Skip = "kubectl is not on PATH (set PSKUBE_REQUIRE_KUBECTL=1 to make this a failure)";
        }
    }
}

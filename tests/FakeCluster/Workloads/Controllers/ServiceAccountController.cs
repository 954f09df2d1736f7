using PSKube.FakeCluster.Lifecycle;

namespace PSKube.FakeCluster.Workloads.Controllers;

/// <summary>The service account controller: every live namespace has a `default` service account, recreated when deleted.</summary>
public sealed class ServiceAccountController : IPassController
{
    public void Reconcile(ReconcileContext context)
    {
        var client = new ControllerClient(context);
        foreach (var ns in client.List("namespaces", filter: n => !ObjectFields.IsDeleting(n)))
        {
            var name = ObjectFields.Name(ns);
            if (client.Get("serviceaccounts", name, "default") is null)
            {
                client.Create("serviceaccounts", SeedContent.DefaultServiceAccount(name, context.Now));
            }
        }
    }
}

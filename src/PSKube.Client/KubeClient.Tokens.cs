using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;

namespace PSKube.Client;

public sealed partial class KubeClient
{
    private static readonly ResourceDefinition ServiceAccountResource = BuiltInResources.Find("serviceaccounts")!;

    /// <summary>
    /// Asks for a token for a service account (its token subresource, as kubectl create token). The answer's
    /// status.token is a credential: callers keep it out of logs and messages.
    /// </summary>
    public async Task<TokenRequest> RequestTokenAsync(string? @namespace, string serviceAccount, TokenRequest request, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceAccount);
        ArgumentNullException.ThrowIfNull(request);
        options ??= new WriteOptions();
        var path = WithQuery(ObjectPath(ServiceAccountResource, @namespace, serviceAccount, "token"), WriteQuery(options));
        var issued = await SendForAsync<TokenRequest>(Request(HttpMethod.Post, path, body: Body(request)), cancellationToken);
        issued.ServerClock = _connection.Clock;
        return issued;
    }
}

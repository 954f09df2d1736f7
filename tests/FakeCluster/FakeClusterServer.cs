using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PSKube.FakeCluster.Api;
using PSKube.FakeCluster.Kubeconfig;
using PSKube.FakeCluster.Lifecycle;
using PSKube.FakeCluster.Security;
using PSKube.FakeCluster.Storage;
using PSKube.FakeCluster.Workloads;

namespace PSKube.FakeCluster;

/// <summary>
/// A running fake Kubernetes API server on 127.0.0.1 over HTTPS: start it, point a client at <see cref="Kubeconfig"/>,
/// and dispose it to stop. The same class serves the command line (Program) and in-process tests.
/// </summary>
public sealed class FakeClusterServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly FakeClusterParts _parts;
    private readonly Task _controllers;
    private readonly Task _leases;

    private FakeClusterServer(WebApplication app, FakeClusterParts parts, string server, IReadOnlyList<IReconciler> reconcilers)
    {
        _app = app;
        _parts = parts;
        _stopping = parts.Stopping;
        Authority = parts.Authority;
        ServerCertificate = parts.ServerCertificate;
        ClientCertificate = parts.ClientCertificate;
        Token = parts.Token;
        Clock = parts.Clock;
        Store = parts.Store;
        Authenticator = parts.Authenticator;
        Faults = parts.Faults;
        Server = server;
        Kubeconfig = KubeconfigWriter.Render(server, Authority.Certificate, ClientCertificate, Token);
        Controllers = new ControllerManager(Store, Clock, parts.Resources, reconcilers, parts.Random);
        _controllers = Controllers.RunAsync(TimeSpan.FromMilliseconds(50), _stopping.Token);
        _leases = Store.RunLeaseExpiryAsync(TimeSpan.FromMilliseconds(50), _stopping.Token);
    }

    /// <summary>The server URL, e.g. https://127.0.0.1:6443.</summary>
    public string Server { get; }

    public int Port => new Uri(Server).Port;

    /// <summary>The kubeconfig text: CA pinned, contexts `fake` (client certificate, current) and `fake-token`.</summary>
    public string Kubeconfig { get; }

    public CertificateAuthority Authority { get; }

    public X509Certificate2 ServerCertificate { get; }

    /// <summary>The kubeconfig user's client certificate (CN fake-admin, O system:masters), with its key.</summary>
    public X509Certificate2 ClientCertificate { get; }

    /// <summary>The kubeconfig token user's bearer token.</summary>
    public string Token { get; }

    public FakeClock Clock { get; }

    public ObjectStore Store { get; }

    public Authenticator Authenticator { get; }

    /// <summary>The control loops (controllers, scheduler, kubelets, deletions); tests can run a round at once with RunOnce.</summary>
    public ControllerManager Controllers { get; }

    /// <summary>How many TCP connections clients have opened so far (a warm client reuses one).</summary>
    public int ConnectionCount => _parts.ConnectionCount;

    /// <summary>Switches for throttling and dropped watch connections.</summary>
    public FaultInjection Faults { get; }

    public static async Task<FakeClusterServer> StartAsync(FakeClusterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeClusterOptions();
        var parts = new FakeClusterParts(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MinResponseDataRate = null;
            // kubectl sends impersonated names and extra values as UTF-8 bytes.
            kestrel.RequestHeaderEncodingSelector = name => name.StartsWith("Impersonate-", StringComparison.OrdinalIgnoreCase) ? System.Text.Encoding.UTF8 : null;
            // The API server's limit on concurrent streams per HTTP/2 connection (Kestrel's own default is 100).
            kestrel.Limits.Http2.MaxStreamsPerConnection = options.Http2MaxConcurrentStreams;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                // HTTP/2 is offered by ALPN in the TLS handshake, as the API server offers it; clients that do not
                // ask for it (or a cluster told to refuse it) speak HTTP/1.1.
                listen.Protocols = options.Http2 ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
                listen.Use(next => connection =>
                {
                    parts.CountConnection();
                    return next(connection);
                });
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = parts.ServerCertificate;
                    // Certificates are checked by the authenticator, so a bad one gets a 401 Status like on a real server.
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.AllowAnyClientCertificate();
                });
            });
        });
        var app = builder.Build();
        app.UseWebSockets();
        // A real API server dates its responses by its own clock, which clients read ages against.
        app.Use((context, next) =>
        {
            context.Response.Headers.Date = parts.Clock.Now.ToString("R", CultureInfo.InvariantCulture);
            return next(context);
        });
        var services = new FakeClusterServices(parts.Store, parts.Clock, options, parts.Resources, parts.Random, parts.Faults, parts.Stopping.Token);
        var handler = new ResourceHandler(parts.Store, parts.Clock, options, parts.Faults, PodSubresourceHandlers.Create(services), parts.Stopping.Token, parts.Authenticator, services.Scheduler);
        string? address = null;
        var api = new ApiServer(parts.Authenticator, handler, parts.Faults, parts.Resources, () => address ?? "",
            options.ServeMetrics ? new Metrics.MetricsApi(services) : null);
        app.Run(api.HandleAsync);
        await app.StartAsync(cancellationToken);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        address = $"127.0.0.1:{port}";
        var server = new FakeClusterServer(app, parts, $"https://{address}", Reconcilers.Create(services));
        if (options.KubeconfigPath is { } path)
        {
            await server.WriteKubeconfigAsync(path, cancellationToken);
        }
        return server;
    }

    public async Task WriteKubeconfigAsync(string path, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        await File.WriteAllTextAsync(path, Kubeconfig, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _controllers;
        await _leases;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        Authority.Dispose();
    }

    /// <summary>The state a server is made of, created before Kestrel starts.</summary>
    private sealed class FakeClusterParts
    {
        private int _connections;

        public FakeClusterParts(FakeClusterOptions options)
        {
            Resources = [.. PSKube.Client.Resources.BuiltInResources.All, SelfSubjectReviews.Definition, .. options.ExtraResources];
            Random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
            Clock = new FakeClock(options.TimeScale);
            Store = new ObjectStore(options.WatchHistory, Clock);
            // Events live an hour after their last write by default, as with the API server's --event-ttl.
            Store.ExpireAfter(Resources.First(r => r.Plural == "events" && r.Group.Length == 0), options.EventTimeToLive);
            SeedContent.Load(Store, Clock.Now, options.Nodes);
            Authority = CertificateAuthority.Create();
            ServerCertificate = Authority.IssueServerCertificate(["localhost"], [IPAddress.Loopback, IPAddress.IPv6Loopback]);
            ClientCertificate = Authority.IssueClientCertificate("fake-admin", ["system:masters"], ECDsa.Create(ECCurve.NamedCurves.nistP256));
            Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            Authenticator = new Authenticator(Authority, Clock);
            Authenticator.AddToken(Token, "fake-token-user");
            foreach (var (token, user) in options.Tokens)
            {
                Authenticator.AddToken(token, user);
            }
            foreach (var (user, password) in options.BasicUsers)
            {
                Authenticator.AddBasicUser(user, password);
            }
        }

        /// <summary>Cancelled first when the server stops, so open watches end at once.</summary>
        public CancellationTokenSource Stopping { get; } = new();
        public FaultInjection Faults { get; } = new();

        public IReadOnlyList<PSKube.Client.Resources.ResourceDefinition> Resources { get; }

        public Random Random { get; }

        public int ConnectionCount => Volatile.Read(ref _connections);

        public void CountConnection() => Interlocked.Increment(ref _connections);
        public FakeClock Clock { get; }
        public ObjectStore Store { get; }
        public CertificateAuthority Authority { get; }
        public X509Certificate2 ServerCertificate { get; }
        public X509Certificate2 ClientCertificate { get; }
        public string Token { get; }
        public Authenticator Authenticator { get; }
    }
}

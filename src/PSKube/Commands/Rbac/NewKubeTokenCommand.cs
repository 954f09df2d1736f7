using System.Management.Automation;
using System.Net;
using System.Security;
using PSKube.Client.Manifests.Generators;
using PSKube.Client.Models;
using PSKube.Client.Operations;
using PSKube.Client.Resources;
using PSKube.Client.Transport;
using PSKube.Completers;
using PSKube.Validation;

namespace PSKube.Commands.Rbac;

/// <summary>
/// New-KubeToken: a token for a service account from its token subresource (kubectl create token NAME). The token is a
/// credential, so it comes as a SecureString, which no view, transcript or -Verbose shows; -AsPlainText gives the
/// text, as SecretManagement's Get-Secret does.
/// </summary>
[Cmdlet(VerbsCommon.New, "KubeToken", SupportsShouldProcess = true)]
[OutputType(typeof(SecureString), typeof(string), typeof(TokenRequest))]
public sealed class NewKubeTokenCommand : KubeNamespacedCmdlet
{
    private static readonly ResourceDefinition ServiceAccounts = BuiltInResources.Find("serviceaccounts")!;

    // The kinds a token can be bound to, as typed in -BoundObject KIND/NAME (any of kubectl's names for them).
    private static readonly string[] BindableKinds = ["Pod", "Secret", "Node"];

    /// <summary>The service account the token authenticates as; a piped ServiceAccount binds its name and namespace.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(KubeNameCompleter))]
    [Alias("ServiceAccount")]
    public string Name { get; set; } = "";

    /// <summary>The audiences the token is for (the API server's own when omitted), e.g. https://vault.example.com.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Audience { get; set; }

    /// <summary>How long the token is valid: whole seconds, text such as 10m or 2h, or a TimeSpan; the server's default (an hour) when omitted or 0. The server refuses less than 10 minutes.</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan? Duration { get; set; }

    /// <summary>
    /// The object whose life the token is bound to (it stops working when the object is deleted): a Pod, Secret or
    /// Node object (from Get-KubePod...), or KIND/NAME text such as pod/web or secret/ci-token.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public object? BoundObject { get; set; }

    /// <summary>The uid the bound object must have (kubectl --bound-object-uid); a piped object's own when -BoundObject is an object.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BoundObjectUid { get; set; }

    /// <summary>Output the token as plain text (for a header or a file) instead of a SecureString; it then shows wherever the text goes.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Output the TokenRequest that would be sent, without sending anything.</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    protected override void ProcessRecord()
    {
        TokenRequest request;
        try
        {
            var (kind, name, uid) = Bound();
            request = TokenRequestGenerator.Generate(new TokenRequestOptions
            {
                Audiences = Audience,
                Duration = Duration,
                BoundObjectKind = kind,
                BoundObjectName = name,
                BoundObjectUid = uid ?? BoundObjectUid,
                ParameterNames = option => option switch
                {
                    nameof(TokenRequestOptions.Audiences) => "-Audience",
                    nameof(TokenRequestOptions.BoundObjectKind) or nameof(TokenRequestOptions.BoundObjectName) => "-BoundObject",
                    _ => "-" + option,
                },
            });
        }
        catch (Client.Validation.KubeInputException e)
        {
            var parameter = e.ParameterName?.TrimStart('-');
            WriteError(new ErrorRecord(e, "Invalid" + (parameter ?? "Argument"), ErrorCategory.InvalidArgument, parameter));
            return;
        }
        if (DryRun)
        {
            WriteObject(request);
            return;
        }
        if (!IsValidName(ServiceAccounts, Name))
        {
            return;
        }
        var @namespace = TargetNamespace;
        if (!ShouldChange(Describe(ServiceAccounts.Singular, Name, @namespace), "Create token", () => RequestToken(@namespace, request, dryRun: true)))
        {
            return;
        }
        if (RequestToken(@namespace, request, dryRun: false) is { } issued)
        {
            var token = issued.Status?.Token ?? "";
            WriteObject(AsPlainText ? token : new NetworkCredential(string.Empty, token).SecurePassword);
        }
    }

    // A refusal about the bound object (missing pod, other uid) is an error of that object's kind: PodNotFound, not ServiceAccountNotFound.
    private TokenRequest? RequestToken(string @namespace, TokenRequest request, bool dryRun)
    {
        TokenRequest? issued = null;
        var bound = request.Spec?.BoundObjectRef;
        TryApi(ServiceAccounts.Kind, Name, () =>
        {
            try
            {
                issued = Await(token => Client.RequestTokenAsync(@namespace, Name, request, new WriteOptions { DryRun = dryRun }, token));
            }
            catch (KubeApiException e) when (bound?.Kind is { } kind && e.Status.Details?.Kind is { } about && about != ServiceAccounts.Plural)
            {
                WriteApiError(e, kind, $"{kind}/{bound.Name}");
            }
        });
        return issued;
    }

    // -BoundObject as kind, name and uid: an object's own, or KIND/NAME text with the kind in any of kubectl's spellings.
    private (string? Kind, string? Name, string? Uid) Bound()
    {
        var value = BoundObject is PSObject wrapped ? wrapped.BaseObject : BoundObject;
        switch (value)
        {
            case null:
                return (null, null, null);
            case KubeObject obj:
                return (obj.Kind, obj.Name, obj.Metadata?.Uid);
            default:
                var text = value.ToString() ?? "";
                var slash = text.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || slash == text.Length - 1)
                {
                    throw new Client.Validation.KubeInputException(
                        $"-BoundObject '{text}' is not KIND/NAME. Give a Pod, Secret or Node object, or text such as pod/web or secret/ci-token.", "-BoundObject");
                }
                var kindText = text[..slash];
                var kind = BuiltInResources.Find(kindText)?.Kind is { } found && BindableKinds.Contains(found) ? found : kindText;
                return (kind, text[(slash + 1)..], null);
        }
    }
}
